import { afterEach } from 'vitest';
import {
  closeWorkspace,
  openWorkspace,
  type Workspace,
} from '../../src-main/storage/openWorkspace';
import { WorkflowRepository } from '../../src-main/storage/WorkflowRepository';

/**
 * Opens in-memory workspaces (the real migrations) holding empty flows with the given ids, each
 * closed after its test.
 */
export function useMemoryWorkspaces(): (flowIds: readonly string[]) => {
  db: Workspace;
  workflows: WorkflowRepository;
} {
  const opened: Workspace[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) closeWorkspace(db);
  });
  return (flowIds: readonly string[]) => {
    const db = openWorkspace({ path: ':memory:' });
    opened.push(db);
    const workflows = new WorkflowRepository(db);
    for (const id of flowIds)
      workflows.create({ id, kind: 'flow', name: id, document: '{}', now: 1 });
    return { db, workflows };
  };
}
