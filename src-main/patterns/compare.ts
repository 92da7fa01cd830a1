/**
 * Compares two documents by running both with the real runtime under a sweep of fault scenarios:
 * the public entry point, its options and the runs. The sweep is built in compareSweep, the
 * figures measured in compareFigures, the coupling and state location found in compareCoupling.
 */
import { BatonError } from '../../src-shared/contract/errors';
import type {
  ComparisonReport,
  ScenarioComparison,
  SweepScenario,
} from '../../src-shared/patterns/compareTypes';
import type { Scenario } from '../../src-shared/runtime/scenario';
import { closeWorkspace, openWorkspace } from '../storage/openWorkspace';
import { buildDefinition, type RunDefinition } from '../runtime/definition';
import { RunStore } from '../runtime/RunStore';
import { Runtime } from '../runtime/Runtime';
import { describeDocument } from './compareCoupling';
import { figuresOf } from './compareFigures';
import {
  latencyOf,
  servicesInOrder,
  sorted,
  type CompareInput,
  type Prepared,
  type Ran,
} from './compareRuns';
import { buildSweep, SWEEP_SIZE } from './compareSweep';

export type { CompareInput } from './compareRuns';
export { DUPLICATE_RATE, SLOW_FACTOR, SWEEP_SIZE } from './compareSweep';

export interface CompareOptions {
  /** The base scenario every fault scenario is built on. */
  readonly scenario?: Scenario;
  /** The first seed; a scenario's runs take seed, seed+1, … Defaults to the scenario's seed, else 1. */
  readonly seed?: number;
  /** Runs per scenario and document (20 by default). */
  readonly runs?: number;
  /** Stops the comparison between batches of runs: it then fails with "cancelled". */
  readonly signal?: AbortSignal;
  /** Told after each batch of runs how many of the comparison's runs are done. */
  readonly onProgress?: (progress: CompareProgress) => void;
}

export interface CompareProgress {
  readonly done: number;
  readonly total: number;
  /** The scenario the runs just done belong to. */
  readonly scenario: string;
}

/** The error a cancelled comparison fails with. */
export const COMPARISON_CANCELLED = 'the comparison was cancelled';

export const DEFAULT_RUNS = 20;
export const MAX_RUNS = 500;
const SEED_SPAN = 2 ** 32;

/**
 * A scenario's runs of a definition, seeds seed, seed+1, …, all run to idle together; counted for
 * the comparison's progress, which stops between batches when cancelled.
 */
type RunMany = (definition: RunDefinition, scenario: Scenario, name: string) => Promise<Ran[]>;

/**
 * Runs two documents with the real runtime in a scratch in-memory workspace, under the same base
 * scenario and seeds and under a sweep of fault scenarios derived from them (a slow service, a
 * service down for a window, the most downstream undoable service failing, duplicates), and
 * measures both from their journals and reports. Deterministic for a seed.
 */
export async function compareDocuments(
  a: CompareInput,
  b: CompareInput,
  options: CompareOptions = {},
): Promise<ComparisonReport> {
  const base = options.scenario ?? {};
  const seed = options.seed ?? base.seed ?? 1;
  const runs = options.runs ?? DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS)
    throw new BatonError(
      'invalid-input',
      `runs per scenario must be 1 to ${MAX_RUNS}, not ${runs}`,
    );
  const db = openWorkspace({ path: ':memory:' });
  try {
    const runtime = new Runtime({ store: new RunStore(db) });
    const runMany = sweepRunner(runtime, { seed, runs }, options);
    // Both documents share what undoes what: a derived map whose catalog does not say that
    // Inventory.release undoes Inventory.reserve is measured (and judged) as its flow is.
    const [definitionA, definitionB] = sharingUndos(definitionOf(a), definitionOf(b));
    const baseRuns: [Ran[], Ran[]] = [
      await runMany(definitionA, base, 'base'),
      await runMany(definitionB, base, 'base'),
    ];
    const pa = prepared(a, definitionA, baseRuns[0]);
    const pb = prepared(b, definitionB, baseRuns[1]);
    const shared = pa.servicesInOrder.filter((service) => pb.servicesInOrder.includes(service));
    const longest = Math.max(...baseRuns.flat().map((ran) => latencyOf(ran)), 0);
    const sweep = buildSweep(pa, pb, shared, base, longest);
    const { results, all } = await runSweep(runMany, sweep, [pa, pb], baseRuns);
    return {
      formatVersion: 1,
      seed,
      runsPerScenario: runs,
      seeds: { from: seed, count: runs },
      sharedServices: sorted(shared),
      documents: [describeDocument(pa, all[0]), describeDocument(pb, all[1])],
      sweep,
      results,
    };
  } finally {
    closeWorkspace(db);
  }
}

function sweepRunner(
  runtime: Runtime,
  { seed, runs }: { seed: number; runs: number },
  options: CompareOptions,
): RunMany {
  // Every scenario's runs of both documents.
  const total = SWEEP_SIZE * 2 * runs;
  let done = 0;
  /** Lets other work in (a cancel, the UI's calls), then stops if the comparison was cancelled. */
  const checkpoint = async (finished: number, scenario: string) => {
    done += finished;
    options.onProgress?.({ done, total, scenario });
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) throw new BatonError('conflict', COMPARISON_CANCELLED);
  };
  return async (definition, scenario, name) => {
    const rows = Array.from({ length: runs }, (_, index) =>
      runtime.startDefinition(definition, { scenario, seed: (seed + index) % SEED_SPAN }),
    );
    await runtime.runUntilIdle(rows.map((row) => row.uid));
    const ran = rows.map((row) => ({
      journal: runtime.store.journal(row.id),
      report: runtime.report(row.uid),
    }));
    await checkpoint(runs, name);
    return ran;
  };
}

const definitionOf = (input: CompareInput) =>
  buildDefinition(input.document, { services: [] }, input.resolve);

/**
 * A document with the services its first base run (the base scenario, the first seed) reached, in
 * order. Undo pairs only change how a report judges consistency, not what a run does, so sharing
 * them first does not change that order.
 */
const prepared = (
  input: CompareInput,
  definition: RunDefinition,
  baseRuns: readonly Ran[],
): Prepared => ({
  input,
  definition,
  servicesInOrder: servicesInOrder(baseRuns[0]?.journal ?? [], definition),
});

/** Every scenario of the sweep for both documents (the base runs already done), and all their runs. */
async function runSweep(
  runMany: RunMany,
  sweep: readonly SweepScenario[],
  [pa, pb]: readonly [Prepared, Prepared],
  baseRuns: [Ran[], Ran[]],
): Promise<{ results: ScenarioComparison[]; all: [Ran[], Ran[]] }> {
  const results: ScenarioComparison[] = [];
  const all: [Ran[], Ran[]] = [[], []];
  for (const scenario of sweep) {
    const ranA =
      scenario.name === 'base'
        ? baseRuns[0]
        : await runMany(pa.definition, scenario.scenarios[0], scenario.name);
    const ranB =
      scenario.name === 'base'
        ? baseRuns[1]
        : await runMany(pb.definition, scenario.scenarios[1], scenario.name);
    all[0].push(...ranA);
    all[1].push(...ranB);
    results.push({
      scenario: scenario.name,
      description: scenario.description,
      a: figuresOf(ranA, pa.definition, scenario, 0),
      b: figuresOf(ranB, pb.definition, scenario, 1),
    });
  }
  return { results, all };
}

/**
 * Each document's definition with the other's undo pairs added (its own win where both name an
 * undo for the same operation), so that compensations are counted, faults aimed at forward
 * operations only, and left-standing effects found the same way in both.
 */
function sharingUndos(a: RunDefinition, b: RunDefinition): [RunDefinition, RunDefinition] {
  const add = (own: RunDefinition, other: RunDefinition): RunDefinition => ({
    ...own,
    undoneBy: { ...other.undoneBy, ...own.undoneBy },
  });
  return [add(a, b), add(b, a)];
}
