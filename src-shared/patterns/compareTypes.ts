import type { Scenario } from '../runtime/scenario';

/**
 * What `baton compare` measures (docs/compare.md): two documents run by the real runtime under
 * the same base scenario and seeds, and under a sweep of fault scenarios derived from them. Every
 * figure is read from the runs' journals and reports. The shape is stable: fields are added,
 * never removed or renamed.
 */

export type FaultKind = 'base' | 'slow' | 'down' | 'fail' | 'duplicates';

/** One scenario of the sweep, with the scenario each document was actually run under. */
export interface SweepScenario {
  readonly name: FaultKind;
  /** What the fault is, in words (`Inventory 10× slower`). */
  readonly description: string;
  /** The service the fault is about, when there is one. */
  readonly service?: string;
  /** The down window, for `down`. */
  readonly window?: { readonly fromMs: number; readonly toMs: number };
  /** The scenario given to document a and to document b (base scenario plus the fault). */
  readonly scenarios: readonly [Scenario, Scenario];
}

/** Who must know whom: a coordinator's API dependencies, or a map's event subscriptions. */
export interface Coupling {
  /** `api` for a flow (the coordinator calls these), `events` for a map. */
  readonly style: 'api' | 'events';
  /** Flow: `Service.operation` the coordinator calls. Map: `consumer <- producer: EventType`. */
  readonly dependencies: readonly string[];
  /** Pairs of services where the first must know the second (`Coordinator -> Payment`, `Payment -> Inventory`). */
  readonly knows: readonly string[];
  readonly dependencyCount: number;
  readonly knowsCount: number;
}

/** Where one instance's state can be read. */
export interface StateLocation {
  /** `one-place`: the coordinator's instance; `correlated`: spread over services by correlation id. */
  readonly kind: 'one-place' | 'correlated';
  /** How many places hold state for one correlation id (1 for a coordinator). */
  readonly places: number;
  /** The services that held state for the correlation id (ledger entries), at most across the runs. */
  readonly services: readonly string[];
}

/** Over the runs that reached a final status (a run waiting for a person has no end yet). */
export interface LatencyFigures {
  /** How many runs the percentiles are over; 0 leaves them at 0. */
  readonly runs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

/** Means over the runs of a scenario (two decimals) and totals. */
export interface CountFigures {
  readonly total: number;
  readonly perRun: number;
}

/** How a down service spread: instances held up (flows) or events queued (maps). */
export interface BlastRadius {
  readonly service: string;
  /** Runs that called the service while it was down (their calls failed) or waited for it. */
  readonly instancesBlocked: number;
  /** Runs that did not complete (failed, compensated, needs attention, waiting). */
  readonly instancesNotCompleted: number;
  /** The deepest backlog of that service's consumers in any run (0 for a flow: nothing queues). */
  readonly maxBacklog: number;
  /** The longest an event waited for that service's consumers (0 for a flow). */
  readonly maxLagMs: number;
}

/** From the first failed call to the first compensation started and the last one finished. */
export interface RecoveryFigures {
  /** Runs with a failure and at least one compensation. */
  readonly runs: number;
  /** Median over those runs, or null when no run compensated. */
  readonly detectMs: number | null;
  readonly compensateMs: number | null;
}

export interface DocumentFigures {
  readonly runs: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly latency: LatencyFigures;
  /** Flow: call requests + their replies. Map: publishes + deliveries. */
  readonly messages: CountFigures;
  readonly callAttempts: CountFigures;
  readonly compensations: CountFigures;
  readonly recovery: RecoveryFigures;
  /** How many runs the consistency check passed. */
  readonly consistent: number;
  /** Only in the `down` scenario. */
  readonly blastRadius?: BlastRadius;
}

export interface ScenarioComparison {
  readonly scenario: FaultKind;
  readonly description: string;
  /** Figures of document a and document b. */
  readonly a: DocumentFigures;
  readonly b: DocumentFigures;
}

export interface ComparedDocument {
  readonly name: string;
  readonly file: string;
  readonly kind: 'flow' | 'map';
  readonly services: readonly string[];
  readonly coupling: Coupling;
  readonly state: StateLocation;
}

export interface ComparisonReport {
  readonly formatVersion: 1;
  readonly seed: number;
  readonly runsPerScenario: number;
  /** Seeds of a scenario's runs: seed, seed+1, … (mod 2^32). */
  readonly seeds: { readonly from: number; readonly count: number };
  readonly sharedServices: readonly string[];
  readonly documents: readonly [ComparedDocument, ComparedDocument];
  readonly sweep: readonly SweepScenario[];
  readonly results: readonly ScenarioComparison[];
}
