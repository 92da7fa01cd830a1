import type { DebugStop } from './debug';

/**
 * What a run reports (DESIGN.md §5): `baton run --json`, the contract and the debugger read the
 * same shape. Baton adds fields to the designed ones; it never removes or renames them.
 */

/** Where a run is. The first four are live; the others are final (`waiting` may go on). */
export type RunStatus =
  | 'running'
  | 'paused'
  | 'waiting'
  | 'completed'
  | 'failed'
  | 'compensated'
  | 'needs-attention'
  | 'cancelled';

export const FINAL_STATUSES: ReadonlySet<RunStatus> = new Set([
  'completed',
  'failed',
  'compensated',
  'needs-attention',
  'cancelled',
]);

/** One step of a run: a call attempt, a compensation, a decision, a timer, a message. */
export interface StepRecord {
  readonly elementId: string;
  readonly name: string;
  readonly attempt: number;
  /** `ok`, `failed`, `timeout`, `compensated`, `approve`, `reject`, `fired`, `published`… */
  readonly outcome: string;
  readonly startedAtMs: number;
  readonly endedAtMs: number | null;
  /** The instance (actor) that took the step: `flow`, `sub:1`, `svc:payment:0`. */
  readonly actor: string;
  readonly service?: string;
  readonly operation?: string;
}

/** A side effect a mock service performed, as its ledger keeps it. */
export interface LedgerEntry {
  /** The journal entry that recorded it. */
  readonly seq: number;
  readonly atMs: number;
  readonly service: string;
  readonly operation: string;
  /** The business identity of the effect: the same step or event handled again has the same key. */
  readonly effectKey: string;
  readonly idempotencyKey: string;
  readonly correlationId: string;
  /** Performed after the caller had given up waiting. */
  readonly late: boolean;
  readonly elementId?: string;
}

/** The ledger line an `effect` journal entry recorded (journal data is untyped). */
export function ledgerEntryOf(entry: {
  readonly seq: number;
  readonly atMs: number;
  readonly data: Readonly<Record<string, unknown>>;
}): LedgerEntry {
  const { data } = entry;
  const elementId = typeof data.elementId === 'string' ? data.elementId : '';
  return {
    seq: entry.seq,
    atMs: entry.atMs,
    service: String(data.service),
    operation: String(data.operation),
    effectKey: String(data.effectKey),
    idempotencyKey: String(data.idempotencyKey),
    correlationId: String(data.correlationId),
    late: data.late === true,
    ...(elementId ? { elementId } : {}),
  };
}

export type ViolationCode = 'not-undone' | 'duplicate' | 'hung' | 'dead-letter' | 'unfinished';

/** Something that leaves the system inconsistent, with the journal entries that caused it. */
export interface Violation {
  readonly code: ViolationCode;
  readonly message: string;
  readonly service?: string;
  readonly operation?: string;
  readonly elementId?: string;
  readonly seqs: readonly number[];
}

export interface Duplicate {
  readonly service: string;
  readonly operation: string;
  readonly effectKey: string;
  readonly count: number;
  readonly seqs: readonly number[];
}

export interface LateSuccess {
  readonly service: string;
  readonly operation: string;
  readonly elementId?: string;
  readonly atMs: number;
  readonly seq: number;
}

export interface Consistency {
  readonly ok: boolean;
  readonly violations: readonly Violation[];
  readonly duplicates: readonly Duplicate[];
  readonly lateSuccesses: readonly LateSuccess[];
}

/** An event published during a run. */
export interface PublishedEvent {
  readonly type: string;
  readonly correlationId: string;
  /** Who published it: a service, a flow element, or `outside`. */
  readonly by: string;
  readonly eventId: string;
  readonly atMs: number;
}

export interface DeadLetter {
  readonly eventId: string;
  readonly type: string;
  readonly service: string;
  readonly deliveries: number;
  readonly seq: number;
}

/** How a map's consumer kept up: what the broker handed it and how long events waited for it. */
export interface ConsumerLag {
  /** The service node. */
  readonly service: string;
  readonly deliveries: number;
  readonly duplicates: number;
  readonly redeliveries: number;
  /** The longest an event waited between being published and reaching this consumer. */
  readonly maxLagMs: number;
  /** The most events waiting for this consumer at one moment (its backlog at its deepest). */
  readonly maxBacklog: number;
}

export interface RunReport {
  readonly runId: string;
  readonly status: RunStatus;
  readonly steps: readonly StepRecord[];
  /** Compensated elements, in the order their compensation was performed. */
  readonly compensated: readonly string[];
  readonly events: readonly PublishedEvent[];
  readonly consistency: Consistency;
  readonly name: string;
  readonly kind: 'flow' | 'map';
  readonly seed: number;
  readonly correlationId: string;
  /** Virtual time when the run reached its status (or now, for a run still going). */
  readonly atMs: number;
  readonly deadLetters: readonly DeadLetter[];
  /** Elements waiting for a person or an event, for a `waiting` run. */
  readonly waitingFor: readonly string[];
  /** Per consumer of a map: deliveries, lag and backlog. */
  readonly consumers: readonly ConsumerLag[];
}

/** A report without what differs between two runs of the same file, scenario and seed. */
export function comparableReport(report: RunReport): Omit<RunReport, 'runId'> {
  const { runId: _runId, ...rest } = report;
  return rest;
}

/** A run as lists show it (`baton runs`, the runs dashboard). */
export interface RunSummary {
  readonly runId: string;
  readonly name: string;
  readonly kind: 'flow' | 'map';
  readonly status: RunStatus;
  readonly seed: number;
  readonly correlationId: string;
  readonly workflowId: string | null;
  readonly version: number | null;
  /** Wall-clock time the run was started (ms since the epoch). */
  readonly createdAt: number;
  /** Virtual time the run has reached. */
  readonly atMs: number;
  readonly endedAtMs: number | null;
  /** The last journal entry. */
  readonly seq: number;
  /** `debug` when it was started to be stepped through (it stops at breakpoints). */
  readonly mode: 'run' | 'debug';
  /** Where and why a paused run stopped (a debugged run, or a run paused by hand). */
  readonly stop?: DebugStop;
  /** The elements the instance is at now (calling, waiting, retrying…); empty once it ended. */
  readonly active: readonly string[];
  /** The same elements by the names they had in the run's document (an id where it had none). */
  readonly activeNames: readonly string[];
  /** Attempts after the first, over all its calls so far. */
  readonly retries: number;
  /** For a branch: the run it was forked from and the journal entry it branched after. */
  readonly parentRunId: string | null;
  readonly forkedAtSeq: number | null;
}
