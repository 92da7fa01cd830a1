import type { Client, WorkflowSummary } from '../../src-shared/contract/contract';
import type { Catalog } from '../../src-shared/model/catalog';
import type { FlowContext } from '../../src-shared/validation/Diagnostic';

/**
 * What checking a document looks up in the workspace: its catalog and the saved versions of the
 * flows a document calls (call activities) or starts (a map's `startsFlow`).
 */
export interface WorkspaceReferences {
  /** The context to check with; `undefined` until the workspace catalog has arrived. */
  readonly context: () => FlowContext | undefined;
  /** Goes up whenever what `context` answers may have changed. */
  readonly serial: () => number;
  /** Fetches the catalog and the list of flows again (after the catalog was edited, say). */
  readonly load: () => Promise<void>;
  /** A workflow of the workspace was created, changed or deleted. */
  readonly workflowChanged: (id: string) => Promise<void>;
}

/** Flow id → how many versions it has saved; maps are not flows, so they are left out. */
type FlowCounts = ReadonlyMap<string, number>;

const countFlows = (list: readonly WorkflowSummary[]): FlowCounts =>
  new Map(list.filter((item) => item.kind === 'flow').map((item) => [item.id, item.versionCount]));

const sameCounts = (a: FlowCounts | undefined, b: FlowCounts) =>
  a !== undefined && a.size === b.size && [...b].every(([id, count]) => a.get(id) === count);

/**
 * The workspace as the open document `ownId` is checked against. The catalog and the list of
 * flows are fetched once; the versions of a flow only when a document refers to it (asked through
 * `flowVersions`), and until they arrive the flow is taken to have versions 1 to its count, which
 * is what the workspace numbers them. `onChange` is called whenever a fetch changes the answers.
 */
export function createWorkspaceReferences(
  client: Client,
  ownId: string,
  onChange: () => void,
): WorkspaceReferences {
  let catalog: Catalog | undefined;
  let flows: FlowCounts | undefined;
  const versions = new Map<string, readonly number[]>();
  const requested = new Set<string>();
  // Every flow a check has asked about, so that news of any other flow can be ignored.
  const asked = new Set<string>();
  let serial = 0;
  // Answers to requests made before the cache was dropped are stale.
  let generation = 0;

  const changed = () => {
    serial += 1;
    onChange();
  };

  const request = (flowId: string) => {
    if (requested.has(flowId)) return;
    requested.add(flowId);
    const asked = generation;
    client['versions.list']({ id: flowId }).then(
      (list) => {
        if (asked !== generation) return;
        requested.delete(flowId);
        versions.set(
          flowId,
          list.map((version) => version.number),
        );
        changed();
      },
      // Deleted meanwhile, say: the next list says so; until then the flow stays assumed.
      () => requested.delete(flowId),
    );
  };

  const flowVersions = (flowId: string): readonly number[] | undefined => {
    asked.add(flowId);
    const count = flows?.get(flowId);
    if (count === undefined) return undefined;
    if (count === 0) return [];
    const known = versions.get(flowId);
    if (known) return known;
    request(flowId);
    return Array.from({ length: count }, (_, index) => index + 1);
  };

  const dropCache = () => {
    generation += 1;
    versions.clear();
    requested.clear();
  };

  return {
    context: () => (catalog ? { catalog, flowVersions } : undefined),
    serial: () => serial,
    load: async () => {
      const [loadedCatalog, list] = await Promise.all([
        client['catalog.get']({}),
        client['workflows.list']({}),
      ]);
      catalog = loadedCatalog;
      flows = countFlows(list);
      dropCache();
      changed();
    },
    workflowChanged: async (id) => {
      // The open document's own autosaves say nothing about the flows it refers to.
      if (id === ownId && !asked.has(id)) return;
      const next = countFlows(await client['workflows.list']({}));
      // Versions are numbered 1, 2, 3…: a flow's versions changed only if their count did.
      if (sameCounts(flows, next)) return;
      flows = next;
      dropCache();
      changed();
    },
  };
}
