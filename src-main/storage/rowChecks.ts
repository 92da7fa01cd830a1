import { BatonError } from '../../src-shared/contract/errors';
import type { Workspace } from './openWorkspace';

/** Refuses, as `not-found`, a workflow id the workspace does not have. */
export function assertWorkflowExists(db: Workspace, workflowId: string): void {
  const found = db.prepare('SELECT 1 FROM workflows WHERE id = ?').get(workflowId);
  if (!found) throw new BatonError('not-found', `no workflow with id ${workflowId}`);
}

/** A JSON column's value, or undefined when it does not parse (its checker then says why). */
export function parsedColumn(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
