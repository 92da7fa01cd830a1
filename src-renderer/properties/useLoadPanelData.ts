import { useEffect, useMemo, useState } from 'react';
import type { WorkflowSummary } from '../../src-shared/contract/contract';
import type { Catalog } from '../../src-shared/model/catalog';
import { emptyCatalog } from '../../src-shared/model/catalog';
import { FORMAT_VERSION, type WorkflowDocument } from '../../src-shared/model/document';
import { effectiveCatalog } from '../../src-shared/validation/effectiveCatalog';
import { usePlatform } from '../platform/PlatformContext';
import type { PanelData } from './PanelDataContext';

/**
 * Loads the workspace's catalog and flows, the flows again whenever the workspace's workflows
 * change and the catalog when one is created (an import may bring services), and merges the
 * catalog with the document's own.
 */
export function useLoadPanelData(doc: WorkflowDocument, workflowId: string): PanelData {
  const { client, subscribe } = usePlatform();
  const [workspaceCatalog, setWorkspaceCatalog] = useState<Catalog | null>(null);
  const [workflows, setWorkflows] = useState<readonly WorkflowSummary[] | null>(null);

  useEffect(() => {
    let current = true;
    const loadCatalog = () =>
      client['catalog.get']({}).then(
        (catalog) => current && setWorkspaceCatalog(catalog),
        // Without the workspace's catalog the document's own still serves.
        () => current && setWorkspaceCatalog(emptyCatalog),
      );
    const loadWorkflows = () =>
      client['workflows.list']({}).then(
        (list) => current && setWorkflows(list),
        () => undefined,
      );
    void loadCatalog();
    void loadWorkflows();
    const unsubscribe = subscribe('workflows.changed', ({ change }) => {
      void loadWorkflows();
      // A created workflow may be an import, which adds its services to the workspace.
      if (change === 'created') void loadCatalog();
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [client, subscribe]);

  // Only the document's catalog matters here, not every edit of its model.
  const own = doc.catalog;
  const catalog = useMemo(
    () => effectiveCatalog(catalogOnly(own), { catalog: workspaceCatalog ?? emptyCatalog }),
    [own, workspaceCatalog],
  );
  return useMemo(
    () => ({
      catalog,
      catalogLoaded: workspaceCatalog !== null,
      flows: (workflows ?? []).filter(
        (workflow) => workflow.kind === 'flow' && workflow.id !== workflowId,
      ),
      flowsLoaded: workflows !== null,
      workflowName: workflows?.find((workflow) => workflow.id === workflowId)?.name,
    }),
    [catalog, workspaceCatalog, workflows, workflowId],
  );
}

/** A document that holds nothing but a catalog: what `effectiveCatalog` reads of one. */
const catalogOnly = (catalog: Catalog | undefined): WorkflowDocument => ({
  formatVersion: FORMAT_VERSION,
  kind: 'flow',
  model: { elements: [], connections: [] },
  diagram: { shapes: {} },
  ...(catalog ? { catalog } : {}),
});
