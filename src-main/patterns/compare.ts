import { BatonError } from '../../src-shared/contract/errors';
import type { Latency } from '../../src-shared/model/catalog';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type {
  BlastRadius,
  ComparedDocument,
  ComparisonReport,
  Coupling,
  DocumentFigures,
  ScenarioComparison,
  StateLocation,
  SweepScenario,
} from '../../src-shared/patterns/compareTypes';
import { FINAL_STATUSES, type RunReport } from '../../src-shared/runtime/runReport';
import type { MockOverride, Scenario } from '../../src-shared/runtime/scenario';
import { closeWorkspace, openWorkspace } from '../storage/openWorkspace';
import { buildDefinition, type FlowResolver, type RunDefinition } from '../runtime/definition';
import { RunStore, type JournalRow } from '../runtime/RunStore';
import { Runtime } from '../runtime/Runtime';

/** One document to compare, with where the flows it calls are found. */
export interface CompareInput {
  readonly document: WorkflowDocument;
  /** How the document is named in the output (its file). */
  readonly file: string;
  readonly resolve: FlowResolver;
}

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
/** How much slower the slow service answers. */
export const SLOW_FACTOR = 10;
/** The broker's duplicate rate in the duplicates scenario. */
export const DUPLICATE_RATE = 0.5;
const SEED_SPAN = 2 ** 32;
/** Scenarios in the sweep: base, slow, down, fail, duplicates. */
export const SWEEP_SIZE = 5;

/** One finished run: its journal, its report and the definition it ran. */
interface Ran {
  readonly journal: readonly JournalRow[];
  readonly report: RunReport;
}

interface Prepared {
  readonly input: CompareInput;
  readonly definition: RunDefinition;
  /** Services the document's base run used, in the order of their first call or delivery. */
  readonly servicesInOrder: readonly string[];
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const round2 = (value: number) => Math.round(value * 100) / 100;
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

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
  // Two probes, then every scenario's runs of both documents.
  const total = 2 + SWEEP_SIZE * 2 * runs;
  let done = 0;
  /** Lets other work in (a cancel, the UI's calls), then stops if the comparison was cancelled. */
  const checkpoint = async (finished: number, scenario: string) => {
    done += finished;
    options.onProgress?.({ done, total, scenario });
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) throw new BatonError('conflict', COMPARISON_CANCELLED);
  };
  try {
    const runtime = new Runtime({ store: new RunStore(db) });
    const runMany = async (
      definition: RunDefinition,
      scenario: Scenario,
      name: string,
    ): Promise<Ran[]> => {
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
    const prepare = async (input: CompareInput): Promise<Prepared> => {
      const definition = buildDefinition(input.document, { services: [] }, input.resolve);
      const [probe] = await runManyOnce(runtime, definition, base, seed);
      await checkpoint(1, 'base');
      return { input, definition, servicesInOrder: servicesInOrder(probe ?? [], definition) };
    };
    // Both documents share what undoes what: a derived map whose catalog does not say that
    // Inventory.release undoes Inventory.reserve is measured (and judged) as its flow is.
    const [pa, pb] = sharingUndos(await prepare(a), await prepare(b));
    const shared = pa.servicesInOrder.filter((service) => pb.servicesInOrder.includes(service));
    const baseRuns: [Ran[], Ran[]] = [
      await runMany(pa.definition, base, 'base'),
      await runMany(pb.definition, base, 'base'),
    ];
    const longest = Math.max(...baseRuns.flat().map((ran) => latencyOf(ran)), 0);
    const sweep = buildSweep(pa, pb, shared, base, longest);
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
    return {
      formatVersion: 1,
      seed,
      runsPerScenario: runs,
      seeds: { from: seed, count: runs },
      sharedServices: sorted(shared),
      documents: [describe(pa, all[0]), describe(pb, all[1])],
      sweep,
      results,
    };
  } finally {
    closeWorkspace(db);
  }
}

/**
 * Each document's definition with the other's undo pairs added (its own win where both name an
 * undo for the same operation), so that compensations are counted, faults aimed at forward
 * operations only, and left-standing effects found the same way in both.
 */
function sharingUndos(pa: Prepared, pb: Prepared): [Prepared, Prepared] {
  const add = (own: Prepared, other: Prepared): Prepared => ({
    ...own,
    definition: {
      ...own.definition,
      undoneBy: { ...other.definition.undoneBy, ...own.definition.undoneBy },
    },
  });
  return [add(pa, pb), add(pb, pa)];
}

async function runManyOnce(
  runtime: Runtime,
  definition: RunDefinition,
  scenario: Scenario,
  seed: number,
): Promise<[readonly JournalRow[]]> {
  const row = runtime.startDefinition(definition, { scenario, seed });
  await runtime.runUntilIdle([row.uid]);
  return [runtime.store.journal(row.id)];
}

/** The catalog service a journal entry is about: a call's service, a delivery's node's service. */
function serviceOfEntry(entry: JournalRow, definition: RunDefinition): string | undefined {
  if (
    entry.kind === 'request' &&
    (entry.data.effect === 'call' || entry.data.effect === 'compensate')
  )
    return str(entry.data.service) || undefined;
  if (entry.kind === 'delivery' || entry.kind === 'delivery.postponed') {
    const node = str(entry.data.service);
    return definition.serviceNames?.[node] ?? node;
  }
  return undefined;
}

function servicesInOrder(journal: readonly JournalRow[], definition: RunDefinition): string[] {
  const order: string[] = [];
  for (const entry of journal) {
    const service = serviceOfEntry(entry, definition);
    if (service && !order.includes(service)) order.push(service);
  }
  for (const service of Object.values(definition.serviceNames ?? {}))
    if (!order.includes(service)) order.push(service);
  return order;
}

/** `Service.operation` keys of the operations that undo another. */
const undoKeys = (definition: RunDefinition) =>
  new Set(
    Object.entries(definition.undoneBy).map(
      ([key, undo]) => `${key.slice(0, key.lastIndexOf('.'))}.${undo}`,
    ),
  );

/** The operations of a service a document calls forward (not the ones that undo), with their latency. */
function forwardOperations(
  definition: RunDefinition,
  service: string,
): { key: string; latencyMs: Latency | undefined }[] {
  const undo = undoKeys(definition);
  const catalog = definition.catalog.services.find((entry) => entry.name === service);
  return (catalog?.operations ?? [])
    .map((operation) => ({
      key: `${service}.${operation.name}`,
      latencyMs: operation.mock?.latencyMs,
    }))
    .filter((operation) => !undo.has(operation.key));
}

const hasUndo = (definition: RunDefinition, service: string) =>
  Object.keys(definition.undoneBy).some((key) => key.startsWith(`${service}.`));

/**
 * The most downstream service with an undoable step: among the candidates, the one the document's
 * base run reached last, preferring services some step of which can be undone.
 */
function downstreamTarget(candidates: readonly string[], prepared: readonly Prepared[]) {
  const undoable = candidates.filter((service) =>
    prepared.some((entry) => hasUndo(entry.definition, service)),
  );
  const pool = undoable.length > 0 ? undoable : candidates;
  return pool.at(-1);
}

const withMocks = (
  scenario: Scenario,
  overrides: readonly { key: string; override: MockOverride }[],
): Scenario => {
  if (overrides.length === 0) return scenario;
  const mocks: Record<string, MockOverride> = { ...scenario.mocks };
  for (const { key, override } of overrides) mocks[key] = { ...mocks[key], ...override };
  return { ...scenario, mocks };
};

const scaled = (latency: Latency | undefined, factor: number): Latency =>
  latency === undefined
    ? 50 * factor
    : typeof latency === 'number'
      ? latency * factor
      : { min: latency.min * factor, max: latency.max * factor };

/**
 * The sweep: the base scenario, then each fault over it. Services are chosen among those both
 * documents use (each document's own when they share none): the failing and down service is the
 * most downstream one with an undoable step, the slow one the first other shared service.
 */
function buildSweep(
  pa: Prepared,
  pb: Prepared,
  shared: readonly string[],
  base: Scenario,
  longestBaseMs: number,
): SweepScenario[] {
  const both = [pa, pb] as const;
  const targets = both.map((prepared) =>
    shared.length > 0
      ? downstreamTarget(shared, both)
      : downstreamTarget(prepared.servicesInOrder, [prepared]),
  );
  const slows = both.map((prepared, index) => {
    const pool = shared.length > 0 ? shared : prepared.servicesInOrder;
    return pool.find((service) => service !== targets[index]) ?? pool[0];
  });
  const named = (names: readonly (string | undefined)[]) =>
    names[0] === names[1]
      ? (names[0] ?? 'no service')
      : names.map((name) => name ?? 'no service').join(' / ');
  const toMs = Math.max(1000, Math.ceil((2 * longestBaseMs) / 1000) * 1000);
  const window = { fromMs: 0, toMs };
  const per = (make: (prepared: Prepared, index: number) => Scenario): [Scenario, Scenario] => [
    make(pa, 0),
    make(pb, 1),
  ];
  const serviceField = (names: readonly (string | undefined)[]) =>
    names[0] === undefined && names[1] === undefined ? {} : { service: named(names) };
  return [
    { name: 'base', description: 'the base scenario', scenarios: [base, base] },
    {
      name: 'slow',
      description: `${named(slows)} answers ${SLOW_FACTOR}× slower`,
      ...serviceField(slows),
      scenarios: per((prepared, index) => {
        const service = slows[index];
        if (!service) return base;
        return withMocks(
          base,
          forwardOperations(prepared.definition, service).map(({ key, latencyMs }) => ({
            key,
            override: { latencyMs: scaled(base.mocks?.[key]?.latencyMs ?? latencyMs, SLOW_FACTOR) },
          })),
        );
      }),
    },
    {
      name: 'down',
      description: `${named(targets)} is down from ${window.fromMs} to ${window.toMs} ms`,
      ...serviceField(targets),
      window,
      scenarios: per((_, index) => {
        const service = targets[index];
        if (!service) return base;
        return {
          ...base,
          down: { ...base.down, [service]: [...(base.down?.[service] ?? []), window] },
        };
      }),
    },
    {
      name: 'fail',
      description: `${named(targets)} fails every call`,
      ...serviceField(targets),
      scenarios: per((prepared, index) => {
        const service = targets[index];
        if (!service) return base;
        return withMocks(
          base,
          forwardOperations(prepared.definition, service).map(({ key }) => ({
            key,
            override: { outcomes: ['fail'] },
          })),
        );
      }),
    },
    {
      name: 'duplicates',
      description:
        `the broker delivers ${DUPLICATE_RATE * 100}% of events twice` +
        (both.some((prepared) => prepared.definition.kind !== 'map')
          ? `; a flow's first call to ${named(targets)} answers after its caller gave up`
          : ''),
      ...serviceField(targets),
      scenarios: per((prepared, index) => {
        const broker = { ...base.broker, duplicateRate: DUPLICATE_RATE };
        const service = targets[index];
        if (prepared.definition.kind === 'map' || !service) return { ...base, broker };
        return withMocks(
          { ...base, broker },
          forwardOperations(prepared.definition, service).map(({ key }) => ({
            key,
            override: { outcomes: ['late-ok', 'ok'] },
          })),
        );
      }),
    },
  ];
}

/** Virtual time from the run's start to its final status. */
const latencyOf = (ran: Ran) => ran.report.atMs - (ran.journal[0]?.atMs ?? 0);

const percentile = (values: readonly number[], p: number) => {
  if (values.length === 0) return 0;
  const ordered = [...values].sort((x, y) => x - y);
  return ordered[Math.max(0, Math.ceil(p * ordered.length) - 1)] as number;
};

const median = (values: readonly number[]) =>
  values.length === 0 ? null : percentile(values, 0.5);

/** Requests that are compensations: a flow's `compensate`, a map's call of an undoing operation. */
function isCompensation(entry: JournalRow, undo: ReadonlySet<string>) {
  if (entry.kind !== 'request') return false;
  if (entry.data.effect === 'compensate') return true;
  return (
    entry.data.effect === 'call' &&
    undo.has(`${str(entry.data.service)}.${str(entry.data.operation)}`)
  );
}

function figuresOf(
  ran: readonly Ran[],
  definition: RunDefinition,
  scenario: SweepScenario,
  index: 0 | 1,
): DocumentFigures {
  const undo = undoKeys(definition);
  const statuses: Record<string, number> = {};
  let messages = 0;
  let calls = 0;
  let compensations = 0;
  const detect: number[] = [];
  const recover: number[] = [];
  for (const run of ran) {
    statuses[run.report.status] = (statuses[run.report.status] ?? 0) + 1;
    const requests = new Map<number, JournalRow>();
    let firstFailure: number | undefined;
    let firstCompensation: number | undefined;
    let lastCompensationDone: number | undefined;
    for (const entry of run.journal) {
      if (
        entry.kind === 'request' &&
        (entry.data.effect === 'call' || entry.data.effect === 'compensate')
      ) {
        requests.set(entry.seq, entry);
        if (definition.kind === 'flow') messages += 1;
        if (isCompensation(entry, undo)) {
          compensations += 1;
          if (firstFailure !== undefined && firstCompensation === undefined)
            firstCompensation = entry.atMs;
        } else calls += 1;
      } else if (entry.kind === 'result') {
        const request = requests.get(Number(entry.data.request));
        if (!request) continue;
        if (definition.kind === 'flow') messages += 1;
        if (isCompensation(request, undo)) {
          if (firstFailure !== undefined) lastCompensationDone = entry.atMs;
        } else if (entry.data.outcome !== 'ok' && firstFailure === undefined)
          firstFailure = entry.atMs;
      } else if (
        definition.kind === 'map' &&
        (entry.kind === 'publish' || entry.kind === 'delivery')
      )
        messages += 1;
    }
    if (firstFailure !== undefined && firstCompensation !== undefined) {
      detect.push(firstCompensation - firstFailure);
      recover.push((lastCompensationDone ?? firstCompensation) - firstFailure);
    }
  }
  // A run waiting for a person has no final status yet: it has no end-to-end latency.
  const latencies = ran.filter((run) => FINAL_STATUSES.has(run.report.status)).map(latencyOf);
  const per = (total: number) => ({ total, perRun: round2(total / Math.max(1, ran.length)) });
  const service = scenario.service?.split(' / ')[scenario.service.includes(' / ') ? index : 0];
  return {
    runs: ran.length,
    statuses: Object.fromEntries(Object.entries(statuses).sort(([x], [y]) => x.localeCompare(y))),
    latency: {
      runs: latencies.length,
      p50Ms: percentile(latencies, 0.5),
      p95Ms: percentile(latencies, 0.95),
      maxMs: Math.max(0, ...latencies),
    },
    messages: per(messages),
    callAttempts: per(calls),
    compensations: per(compensations),
    recovery: { runs: detect.length, detectMs: median(detect), compensateMs: median(recover) },
    consistent: ran.filter((run) => run.report.consistency.ok).length,
    ...(scenario.name === 'down' && scenario.window && service
      ? { blastRadius: blastRadius(ran, definition, service, scenario.window) }
      : {}),
  };
}

function blastRadius(
  ran: readonly Ran[],
  definition: RunDefinition,
  service: string,
  window: { fromMs: number; toMs: number },
): BlastRadius {
  let blocked = 0;
  let maxBacklog = 0;
  let maxLagMs = 0;
  for (const run of ran) {
    const hit = run.journal.some(
      (entry) =>
        entry.atMs >= window.fromMs &&
        entry.atMs < window.toMs &&
        ((entry.kind === 'request' &&
          entry.data.effect !== 'timer' &&
          serviceOfEntry(entry, definition) === service) ||
          (entry.kind === 'delivery.postponed' && serviceOfEntry(entry, definition) === service)),
    );
    if (hit) blocked += 1;
    for (const consumer of run.report.consumers ?? []) {
      if ((definition.serviceNames?.[consumer.service] ?? consumer.service) !== service) continue;
      maxBacklog = Math.max(maxBacklog, consumer.maxBacklog);
      maxLagMs = Math.max(maxLagMs, consumer.maxLagMs);
    }
  }
  return {
    service,
    instancesBlocked: blocked,
    instancesNotCompleted: ran.filter((run) => run.report.status !== 'completed').length,
    maxBacklog,
    maxLagMs,
  };
}

/** Who must know whom, and where the state is, over every run of the sweep. */
function describe(prepared: Prepared, ran: readonly Ran[]): ComparedDocument {
  const { definition, input } = prepared;
  return {
    name: input.document.name ?? input.file,
    file: input.file,
    kind: definition.kind === 'map' ? 'map' : 'flow',
    services: sorted(prepared.servicesInOrder),
    coupling: couplingOf(definition, ran),
    state: stateOf(definition, ran),
  };
}

function couplingOf(definition: RunDefinition, ran: readonly Ran[]): Coupling {
  const dependencies = new Set<string>();
  const knows = new Set<string>();
  if (definition.kind !== 'map') {
    for (const run of ran)
      for (const entry of run.journal)
        if (
          entry.kind === 'request' &&
          (entry.data.effect === 'call' || entry.data.effect === 'compensate')
        ) {
          dependencies.add(`${str(entry.data.service)}.${str(entry.data.operation)}`);
          knows.add(`coordinator -> ${str(entry.data.service)}`);
        }
    // A step it called can be undone: the coordinator knows that API too, even if no run needed it.
    for (const key of [...dependencies]) {
      const undo = definition.undoneBy[key];
      if (undo) dependencies.add(`${key.slice(0, key.lastIndexOf('.'))}.${undo}`);
    }
    return done('api', dependencies, knows);
  }
  for (const run of ran) {
    const producers = new Map<string, string>();
    for (const entry of run.journal) {
      if (entry.kind === 'publish') producers.set(str(entry.data.eventId), str(entry.data.by));
      if (entry.kind !== 'delivery') continue;
      const consumer = serviceOfEntry(entry, definition) ?? '';
      const producer = producers.get(str(entry.data.eventId)) ?? 'outside';
      dependencies.add(`${consumer} <- ${producer}: ${str(entry.data.type)}`);
      if (producer !== consumer && producer !== 'outside') knows.add(`${consumer} -> ${producer}`);
    }
  }
  return done('events', dependencies, knows);
}

const done = (
  style: Coupling['style'],
  dependencies: Set<string>,
  knows: Set<string>,
): Coupling => ({
  style,
  dependencies: sorted(dependencies),
  knows: sorted(knows),
  dependencyCount: dependencies.size,
  knowsCount: knows.size,
});

/**
 * A flow's instance state is the coordinator's: one place. A map's is spread over the services
 * that handled the correlation id (consumed one of its events or recorded an effect for it).
 */
function stateOf(definition: RunDefinition, ran: readonly Ran[]): StateLocation {
  const all = new Set<string>();
  let places = 0;
  for (const run of ran) {
    const holders = new Set<string>();
    for (const entry of run.journal) {
      if (entry.kind === 'effect') holders.add(str(entry.data.service));
      if (entry.kind === 'delivery') holders.add(serviceOfEntry(entry, definition) ?? '');
    }
    holders.forEach((holder) => all.add(holder));
    places = Math.max(places, holders.size);
  }
  return definition.kind === 'map'
    ? { kind: 'correlated', places, services: sorted(all) }
    : { kind: 'one-place', places: 1, services: sorted(all) };
}
