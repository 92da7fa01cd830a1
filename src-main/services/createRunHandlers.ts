import type { Handlers } from '../../src-shared/contract/contract';
import { BatonError } from '../../src-shared/contract/errors';
import type { CatalogRepository } from '../storage/CatalogRepository';
import type { WorkflowRepository } from '../storage/WorkflowRepository';
import { workspaceResolver } from '../runtime/flowResolvers';
import { replayRun, runStateAt } from '../runtime/replay';
import { resimulateRun } from '../runtime/resimulate';
import type { Runtime } from '../runtime/Runtime';
import { parseStoredDocument } from './parseStoredDocument';

export interface RunServiceDeps {
  readonly runtime: Runtime;
  readonly repository: WorkflowRepository;
  readonly catalog: CatalogRepository;
}

type RunHandlers = Pick<Handlers, Extract<keyof Handlers, `runs.${string}`>>;

/** The runs of the workspace behind the contract: start, watch, steer and inspect them. */
export function createRunHandlers({ runtime, repository, catalog }: RunServiceDeps): RunHandlers {
  const rowOf = (runId: string) => {
    const row = runtime.store.runByUid(runId);
    if (!row) throw new BatonError('not-found', `there is no run ${runId}`);
    return row;
  };
  return {
    'runs.start': ({ id, version, scenario, seed }) => {
      const document =
        version === undefined
          ? parseStoredDocument(id, repository.getDraft(id).document, 'draft')
          : parseStoredDocument(
              id,
              repository.getVersion(id, version).document,
              `version ${version}`,
            );
      const row = runtime.start({
        document: { ...document, name: repository.get(id).name },
        catalog: catalog.get(),
        resolve: workspaceResolver(repository),
        scenario: scenario ?? {},
        ...(seed === undefined ? {} : { seed }),
        workflowId: id,
        ...(version === undefined ? {} : { version }),
      });
      return runtime.summary(row.uid);
    },
    'runs.list': ({ limit }) => runtime.list(limit),
    'runs.get': ({ runId }) => runtime.report(runId),
    'runs.pause': ({ runId }) => {
      runtime.pause(runId);
      return runtime.summary(runId);
    },
    'runs.resume': ({ runId }) => {
      runtime.resume(runId);
      return runtime.summary(runId);
    },
    'runs.cancel': async ({ runId }) => {
      await runtime.cancel(runId);
      return runtime.summary(runId);
    },
    'runs.decide': async ({ runId, elementId, decision }) => {
      await runtime.decide(runId, elementId, decision);
      return runtime.summary(runId);
    },
    'runs.publish': async ({ runId, eventType, payload }) => {
      await runtime.publish(runId, eventType, payload ?? {});
      return runtime.summary(runId);
    },
    'runs.journal': ({ runId, after, limit }) => {
      const row = rowOf(runId);
      const from = after ?? 0;
      return {
        entries: runtime.store.journal(row.id, from, from + (limit ?? 1_000)),
        last: runtime.store.lastSeq(row.id),
      };
    },
    'runs.stateAt': ({ runId, seq }) => runStateAt(runtime.store, runId, seq),
    'runs.replay': async ({ runId }) => ({
      ...replayRun(runtime.store, runId),
      resimulation: await resimulateRun(runtime.store, runId),
    }),
  };
}
