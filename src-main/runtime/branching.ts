import { isDeepStrictEqual } from 'node:util';
import { BatonError } from '../../src-shared/contract/errors';
import type { RunMode } from '../../src-shared/runtime/debug';
import type { Scenario } from '../../src-shared/runtime/scenario';
import { editDataWork, inputOf } from './inputs';
import type { RunStartOptions } from './createRun';
import type { JournalRow, RunRow, StepWrite } from './RunStore';
import type { Runtime } from './Runtime';
import type { RunWorld } from './RunWorld';

export interface BranchOptions {
  /** The parent's journal entry to branch after (default: its last); rounded up to a step's end. */
  readonly seq?: number;
  /** The instance data the branch goes on with (journaled as `data.edited`). */
  readonly data?: Record<string, unknown>;
  readonly mode?: RunMode;
}

/** Steps committed together while a branch is re-made (one transaction each). */
const COMMIT_EVERY = 500;

/**
 * Makes a branch of a run: a new run of the same pinned definition, scenario and seed, taken
 * again step by step, deterministically, with the parent's person inputs (decisions, published
 * events, forced outcomes, data edits, a cancel) applied at the same points, until its journal
 * reaches `seq` (rounded up to the end of the step that wrote it). Every entry is checked against
 * the parent's; a branch that cannot be made exactly is deleted and refused. The parent is only
 * read. The branch is returned unscheduled, with `parentRun` and `forkedAt` set.
 */
export async function branchRun(
  runtime: Runtime,
  runId: string,
  options: BranchOptions,
): Promise<RunWorld> {
  const store = runtime.store;
  const parent = store.runByUid(runId);
  if (!parent) throw new BatonError('not-found', `there is no run ${runId}`);
  const recorded = store.journal(parent.id);
  const last = recorded.at(-1)?.seq ?? 0;
  if (options.seq !== undefined && options.seq > last)
    throw new BatonError(
      'invalid-input',
      `run ${runId} has ${last} journal entries; it cannot be branched after entry ${options.seq}`,
    );
  const target = options.seq ?? last;
  const world = runtime.createRun(
    runtime.definitionOf(parent),
    repeatOptions(parent, options.mode ?? 'run'),
  );
  const pending: StepWrite[] = [];
  const flush = () => store.commit(pending.splice(0), Date.now());
  try {
    checkPrefix(runId, recorded, store.journal(world.row.id));
    while (world.state.seq < target) {
      const next = recorded[world.state.seq] as JournalRow;
      const input = inputOf(world, next, (seq) => {
        flush();
        return store.journal(world.row.id, seq - 1, seq)[0];
      });
      let write: StepWrite;
      if (input) write = await world.apply(input);
      else if (world.nextItem()) write = await runtime.safeStep(world);
      else throw differs(runId, next, null);
      checkPrefix(runId, recorded, write.journal);
      pending.push(write);
      if (pending.length >= COMMIT_EVERY) flush();
    }
    flush();
    const forkedAt = world.state.seq;
    if (options.data)
      store.commit([await world.apply(editDataWork(world, options.data))], Date.now());
    store.setFork(world.uid, parent.uid, forkedAt);
    return world;
  } catch (error) {
    store.deleteRun(world.uid);
    throw error;
  }
}

/**
 * How a run is started again (a rerun, a branch): its scenario, seed and workflow, in `mode`;
 * `debug` keeps its breakpoints.
 */
export function repeatOptions(row: RunRow, mode: RunMode): RunStartOptions {
  return {
    scenario: JSON.parse(row.scenario) as Scenario,
    seed: row.seed,
    ...(row.workflowId === null ? {} : { workflowId: row.workflowId }),
    ...(row.version === null ? {} : { version: row.version }),
    mode,
    breakpoints: mode === 'debug' ? row.breakpoints : [],
  };
}

/** Checks that entries a branch wrote are the parent's at the same seqs. */
function checkPrefix(
  runId: string,
  recorded: readonly JournalRow[],
  written: readonly JournalRow[],
): void {
  for (const entry of written) {
    const original = recorded[entry.seq - 1];
    if (
      !original ||
      original.atMs !== entry.atMs ||
      original.kind !== entry.kind ||
      original.actor !== entry.actor ||
      // As stored: what a step computed may hold JSONata's own arrays and undefined fields.
      !isDeepStrictEqual(original.data, JSON.parse(JSON.stringify(entry.data)))
    )
      throw differs(runId, original, entry);
  }
}

function differs(runId: string, recorded: JournalRow | undefined, made: JournalRow | null) {
  const seq = recorded?.seq ?? made?.seq ?? 0;
  return new BatonError(
    'conflict',
    `run ${runId} cannot be branched: taken again, it differs from its journal at entry ${seq} ` +
      `(recorded ${recorded?.kind ?? 'nothing'}, taken again ${made?.kind ?? 'nothing'})`,
  );
}
