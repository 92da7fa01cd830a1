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
    /** Starts a run of a flow or map's draft (or a version); `debug` starts it paused. */
    'runs.start': ({ id, version, scenario, seed, mode, breakpoints }) => {
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
        ...(mode === undefined ? {} : { mode }),
        ...(breakpoints === undefined ? {} : { breakpoints }),
      });
      return runtime.summary(row.uid);
    },
    /** The runs, newest first, filtered by status, workflow and text, in SQL. */
    'runs.list': ({ limit, statuses, workflowId, query }) =>
      runtime.list({
        ...(limit === undefined ? {} : { limit }),
        ...(statuses === undefined ? {} : { statuses }),
        ...(workflowId === undefined ? {} : { workflowId }),
        ...(query === undefined ? {} : { query }),
      }),
    /** Replaces a run's breakpoints; a run not started in debug mode stops at them too. */
    'runs.breakpoints': ({ runId, breakpoints }) => {
      runtime.setBreakpoints(runId, breakpoints);
      return runtime.summary(runId);
    },
    /** Steps a paused run until `until`, a breakpoint, its end or a wait; returns where it is. */
    'runs.step': async ({ runId, until }) => {
      await runtime.step(runId, until);
      return runtime.summary(runId);
    },
    /** Forces a mock's next answer (journaled as a person's input). */
    'runs.nextOutcome': async ({ runId, next }) => {
      await runtime.nextOutcome(runId, next);
      return runtime.summary(runId);
    },
    /** A branch of a run after a journal entry, optionally with other instance data. */
    'runs.fork': async ({ runId, seq, data, mode }) => {
      const row = await runtime.fork(runId, {
        ...(seq === undefined ? {} : { seq }),
        ...(data === undefined ? {} : { data }),
        ...(mode === undefined ? {} : { mode }),
      });
      return runtime.summary(row.uid);
    },
    /** The same pinned definition, scenario and seed, run again. */
    'runs.rerun': ({ runId, mode }) => runtime.summary(runtime.rerun(runId, mode).uid),
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
