import type { VersionSummary } from '../../src-shared/contract/contract';
import { diffDocuments, type DocumentDiff } from '../../src-shared/diagram/diffDocuments';
import type { WorkflowDocument } from '../../src-shared/model/document';

/**
 * A saved version compared with the open document: the canvas's diff mode. The version is the
 * older side, so "added" means added since that version and "removed" means gone from the draft.
 */
export interface Comparison {
  readonly version: VersionSummary;
  /** The version's document. */
  readonly base: WorkflowDocument;
  /** From the version to the document as it is now; computed again after every edit. */
  readonly diff: DocumentDiff;
}

/** The comparison of a saved version with `current`. */
export function compareWith(
  version: VersionSummary,
  base: WorkflowDocument,
  current: WorkflowDocument,
): Comparison {
  return { version, base, diff: diffDocuments(base, current) };
}
