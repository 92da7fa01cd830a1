import { createContext, useContext } from 'react';
import type { WorkflowSummary } from '../../src-shared/contract/contract';
import { emptyCatalog, type Catalog } from '../../src-shared/model/catalog';

/** What the forms look things up in: the catalog and the workspace's flows. */
export interface PanelData {
  /** The workspace's catalog merged with the document's own, as validation merges them. */
  readonly catalog: Catalog;
  /** False until the workspace's catalog has arrived: "unknown …" is not said before. */
  readonly catalogLoaded: boolean;
  /** The workspace's flows other than the open document (what a call may name). */
  readonly flows: readonly WorkflowSummary[];
  /** False until the workspace's flows have arrived. */
  readonly flowsLoaded: boolean;
  /** The open workflow's name, as the workspace lists it. */
  readonly workflowName: string | undefined;
}

export const PanelDataContext = createContext<PanelData>({
  catalog: emptyCatalog,
  catalogLoaded: false,
  flows: [],
  flowsLoaded: false,
  workflowName: undefined,
});

/** The catalog and flows the properties panel loaded. */
export function usePanelData(): PanelData {
  return useContext(PanelDataContext);
}
