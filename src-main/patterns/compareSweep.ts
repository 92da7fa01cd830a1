/**
 * The comparison's sweep of scenarios: the base scenario, then a slow service, a service down for
 * a window, the most downstream undoable service failing, and duplicates, each derived from the
 * base scenario and the services both documents use.
 */
import type { Latency } from '../../src-shared/model/catalog';
import type { SweepScenario } from '../../src-shared/patterns/compareTypes';
import type { MockOverride, Scenario } from '../../src-shared/runtime/scenario';
import type { RunDefinition } from '../runtime/definition';
import { undoKeys, type Prepared } from './compareRuns';

/** How much slower the slow service answers. */
export const SLOW_FACTOR = 10;
/** The broker's duplicate rate in the duplicates scenario. */
export const DUPLICATE_RATE = 0.5;
/** Scenarios in the sweep: base, slow, down, fail, duplicates. */
export const SWEEP_SIZE = 5;

type DownWindow = { fromMs: number; toMs: number };

/** What each fault scenario is built from. */
interface SweepContext {
  readonly both: readonly [Prepared, Prepared];
  readonly base: Scenario;
  /** Per document, the service that goes down, fails and answers late. */
  readonly targets: readonly (string | undefined)[];
}

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

const named = (names: readonly (string | undefined)[]) =>
  names[0] === names[1]
    ? (names[0] ?? 'no service')
    : names.map((name) => name ?? 'no service').join(' / ');

const serviceField = (names: readonly (string | undefined)[]) =>
  names[0] === undefined && names[1] === undefined ? {} : { service: named(names) };

const per = (
  both: readonly [Prepared, Prepared],
  make: (prepared: Prepared, index: number) => Scenario,
): [Scenario, Scenario] => [make(both[0], 0), make(both[1], 1)];

/**
 * The sweep: the base scenario, then each fault over it. Services are chosen among those both
 * documents use (each document's own when they share none): the failing and down service is the
 * most downstream one with an undoable step, the slow one the first other shared service.
 */
export function buildSweep(
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
  const toMs = Math.max(1000, Math.ceil((2 * longestBaseMs) / 1000) * 1000);
  const context: SweepContext = { both, base, targets };
  return [
    { name: 'base', description: 'the base scenario', scenarios: [base, base] },
    slowScenario(context, slows),
    downScenario(context, { fromMs: 0, toMs }),
    failScenario(context),
    duplicatesScenario(context),
  ];
}

function slowScenario(
  { both, base }: SweepContext,
  slows: readonly (string | undefined)[],
): SweepScenario {
  return {
    name: 'slow',
    description: `${named(slows)} answers ${SLOW_FACTOR}× slower`,
    ...serviceField(slows),
    scenarios: per(both, (prepared, index) => {
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
  };
}

function downScenario({ both, base, targets }: SweepContext, window: DownWindow): SweepScenario {
  return {
    name: 'down',
    description: `${named(targets)} is down from ${window.fromMs} to ${window.toMs} ms`,
    ...serviceField(targets),
    window,
    scenarios: per(both, (_, index) => {
      const service = targets[index];
      if (!service) return base;
      return {
        ...base,
        down: { ...base.down, [service]: [...(base.down?.[service] ?? []), window] },
      };
    }),
  };
}

/** The target's forward operations given these outcomes, over the scenario. */
function withOutcomes(
  scenario: Scenario,
  prepared: Prepared,
  service: string,
  outcomes: NonNullable<MockOverride['outcomes']>,
): Scenario {
  return withMocks(
    scenario,
    forwardOperations(prepared.definition, service).map(({ key }) => ({
      key,
      override: { outcomes },
    })),
  );
}

function failScenario({ both, base, targets }: SweepContext): SweepScenario {
  return {
    name: 'fail',
    description: `${named(targets)} fails every call`,
    ...serviceField(targets),
    scenarios: per(both, (prepared, index) => {
      const service = targets[index];
      if (!service) return base;
      return withOutcomes(base, prepared, service, ['fail']);
    }),
  };
}

function duplicatesScenario({ both, base, targets }: SweepContext): SweepScenario {
  return {
    name: 'duplicates',
    description:
      `the broker delivers ${DUPLICATE_RATE * 100}% of events twice` +
      (both.some((prepared) => prepared.definition.kind !== 'map')
        ? `; a flow's first call to ${named(targets)} answers after its caller gave up`
        : ''),
    ...serviceField(targets),
    scenarios: per(both, (prepared, index) => {
      const broker = { ...base.broker, duplicateRate: DUPLICATE_RATE };
      const service = targets[index];
      if (prepared.definition.kind === 'map' || !service) return { ...base, broker };
      return withOutcomes({ ...base, broker }, prepared, service, ['late-ok', 'ok']);
    }),
  };
}
