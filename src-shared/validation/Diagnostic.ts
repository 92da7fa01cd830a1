import type { Catalog } from '../model/catalog';

export type Severity = 'error' | 'warning' | 'info';

/**
 * One finding about a document: a catalogued code (see `diagnostics.ts`), how bad it is, a
 * message naming the problem, the element it points to, and help on fixing it. The canvas, the
 * problems panel and `baton validate` all show the same records.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly elementId?: string;
  readonly help: string;
}

/** What checking and compiling a flow may look up outside the document itself. */
export interface FlowContext {
  /** The services catalog: the workspace's, merged with the document's own. */
  readonly catalog: Catalog;
  /**
   * The versions of another flow known to the workspace, for call activities; `undefined` when
   * the flow is unknown. Absent: call activities are not checked against the workspace.
   */
  readonly flowVersions?: (flowId: string) => readonly number[] | undefined;
}
