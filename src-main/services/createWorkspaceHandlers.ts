import { randomUUID } from 'node:crypto';
import type { AppInfo, Handlers } from '../../src-shared/contract/contract';
import { BatonError } from '../../src-shared/contract/errors';
import { createEmptyDocument } from '../../src-shared/model/document';
import type { CatalogRepository } from '../storage/CatalogRepository';
import type { MachineRepository } from '../storage/MachineRepository';
import type { ScenarioRepository } from '../storage/ScenarioRepository';
import type { WorkflowRepository } from '../storage/WorkflowRepository';
import { createMachineHandlers, storeCompiledMachine } from './createMachineHandlers';
import { createTransferHandlers } from './createTransferHandlers';
import type { EventHub } from './EventHub';
import { parseStoredDocument } from './parseStoredDocument';

export interface WorkspaceServiceDeps {
  readonly repository: WorkflowRepository;
  readonly machines: MachineRepository;
  readonly catalog: CatalogRepository;
  readonly scenarios: ScenarioRepository;
  readonly events: EventHub;
  readonly info: AppInfo;
  /** Milliseconds since the epoch; injected so tests control time. */
  readonly now: () => number;
  readonly newId?: () => string;
}

/**
 * Every handler but the runs' (`createRunHandlers`, which needs the runtime) and the engine
 * exports (`createEngineExportHandlers`, built on `workflows.export`).
 */
export type WorkspaceHandlers = Omit<
  Handlers,
  Extract<keyof Handlers, `runs.${string}` | `patterns.${string}`> | 'workflows.exportFor'
>;

/**
 * The workspace's services: one handler per call of the contract. Every transport (IPC, web
 * host, in-process) runs these same handlers after validating the arguments.
 */
export function createWorkspaceHandlers(deps: WorkspaceServiceDeps): WorkspaceHandlers {
  const { repository, events, now } = deps;
  const newId = deps.newId ?? randomUUID;

  return {
    'app.info': () => deps.info,

    'workflows.list': ({ query }) => repository.list(query ?? ''),

    'workflows.create': ({ kind, name }) => {
      const summary = repository.create({
        id: newId(),
        kind,
        name,
        document: JSON.stringify(createEmptyDocument(kind)),
        now: now(),
      });
      events.emit('workflows.changed', { id: summary.id, change: 'created' });
      return summary;
    },

    'workflows.rename': ({ id, name }) => {
      const summary = repository.rename(id, name, now());
      events.emit('workflows.changed', { id, change: 'updated' });
      return summary;
    },

    'workflows.duplicate': ({ id, name }) => {
      const source = repository.get(id);
      const copy = repository.duplicate({
        sourceId: id,
        id: newId(),
        name: name ?? `${source.name} (copy)`.slice(0, 120),
        now: now(),
      });
      events.emit('workflows.changed', { id: copy.id, change: 'created' });
      return copy;
    },

    'workflows.delete': ({ id }) => {
      repository.delete(id);
      events.emit('workflows.changed', { id, change: 'deleted' });
      return { id };
    },

    'workflows.open': ({ id }) => {
      const workflow = repository.get(id);
      const draft = repository.getDraft(id);
      return {
        workflow,
        document: parseStoredDocument(id, draft.document),
        revision: draft.revision,
        savedAt: draft.savedAt,
      };
    },

    'drafts.save': ({ id, baseRevision, document }) => {
      const workflow = repository.get(id);
      if (document.kind !== workflow.kind) {
        throw new BatonError(
          'invalid-input',
          `workflow ${id} is a ${workflow.kind}, not a ${document.kind}`,
        );
      }
      const saved = repository.saveDraft(id, baseRevision, JSON.stringify(document), now());
      events.emit('workflows.changed', { id, change: 'updated' });
      return saved;
    },

    /** Stores the draft as a version with its compiled machine, in one transaction. */
    'versions.create': ({ id, label }) => {
      const at = now();
      const version = repository.createVersion(id, label ?? '', at, (stored) =>
        storeCompiledMachine(deps.machines, stored, at),
      );
      events.emit('workflows.changed', { id, change: 'updated' });
      return version;
    },

    'versions.list': ({ id }) => repository.listVersions(id),

    /** A saved version's document, read back as it was stored, for comparing and restoring. */
    'versions.get': ({ id, version }) => {
      const stored = repository.getVersion(id, version);
      return {
        version: stored.version,
        document: parseStoredDocument(id, stored.document, `version ${version}`),
      };
    },

    ...createTransferHandlers({ repository, catalog: deps.catalog, events, now, newId }),
    'catalog.get': () => deps.catalog.get(),
    'catalog.save': ({ catalog }) => deps.catalog.replace(catalog),
    ...createMachineHandlers({ repository, machines: deps.machines, now }),

    /** The scenarios saved with a flow or map, by name. */
    'scenarios.list': ({ workflowId }) => deps.scenarios.list(workflowId),
    /** Saves a named scenario of a flow or map, replacing one of the same name. */
    'scenarios.save': ({ workflowId, name, scenario }) =>
      deps.scenarios.save(workflowId, name, scenario, now()),
    'scenarios.delete': ({ workflowId, name }) => ({
      deleted: deps.scenarios.delete(workflowId, name),
    }),
  };
}
