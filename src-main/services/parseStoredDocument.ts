import { describeIssues } from '../../src-shared/contract/dispatch';
import { BatonError } from '../../src-shared/contract/errors';
import { WorkflowDocument } from '../../src-shared/model/document';

/**
 * Parses a document stored in the workspace (a draft or a version). Stored documents were checked
 * on the way in, so one that no longer parses is an internal error naming its workflow.
 */
export function parseStoredDocument(
  workflowId: string,
  json: string,
  what = 'draft',
): WorkflowDocument {
  const parsed = WorkflowDocument.safeParse(JSON.parse(json));
  if (!parsed.success) {
    throw new BatonError(
      'internal',
      `the stored ${what} of workflow ${workflowId} is not a valid document`,
      describeIssues(parsed.error),
    );
  }
  return parsed.data;
}
