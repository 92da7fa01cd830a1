import { checkConsistency } from '../../src-shared/runtime/consistency';
import type {
  ConsumerLag,
  DeadLetter,
  LedgerEntry,
  PublishedEvent,
  RunReport,
  RunStatus,
  StepRecord,
} from '../../src-shared/runtime/runReport';
import { ledgerEntryOf } from '../../src-shared/runtime/runReport';
import type { RunDefinition } from './definition';
import type { AgendaRow, JournalRow, RunRow } from './RunStore';
import type { WorldState } from './RunWorld';

/** Requests that are steps of the run report (retry back-offs are part of their call's step). */
const STEP_EFFECTS = new Set([
  'call',
  'compensate',
  'person',
  'decide',
  'await',
  'publish',
  'subflow',
  'condition',
  'timer',
]);
const INTERNAL_TIMERS = new Set(['retry', 'compensation-retry']);
/** Deadlines of other steps: shown only when they fire. */
const DEADLINES = new Set(['timeout', 'boundary']);

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * The run report (DESIGN.md §5) built from the journal alone, so that the live run, `baton
 * runs`, a resumed run and a replay all report the same thing for the same journal.
 */
export function buildReport(
  run: RunRow,
  definition: RunDefinition,
  journal: readonly JournalRow[],
  agenda: readonly AgendaRow[],
): RunReport {
  const results = new Map<number, JournalRow>();
  for (const entry of journal) {
    if (entry.kind === 'result' && typeof entry.data.request === 'number')
      results.set(entry.data.request, entry);
  }
  const steps: StepRecord[] = [];
  const compensated: string[] = [];
  const events: PublishedEvent[] = [];
  const ledger: LedgerEntry[] = [];
  const deadLetters: DeadLetter[] = [];
  for (const entry of journal) {
    const data = entry.data;
    if (entry.kind === 'request' && STEP_EFFECTS.has(String(data.effect))) {
      if (data.effect === 'timer' && INTERNAL_TIMERS.has(String(data.purpose))) continue;
      const done = results.get(entry.seq);
      if (
        data.effect === 'timer' &&
        DEADLINES.has(String(data.purpose)) &&
        done?.data.outcome !== 'fired'
      )
        continue;
      const outcome = str(done?.data.outcome) ?? 'pending';
      steps.push({
        elementId: str(data.elementId) ?? str(data.timerId) ?? '',
        name: str(data.name) ?? str(data.elementId) ?? '',
        attempt: typeof data.attempt === 'number' ? data.attempt : 1,
        outcome,
        startedAtMs: entry.atMs,
        endedAtMs: done ? done.atMs : null,
        actor: entry.actor ?? '',
        ...(str(data.service) ? { service: str(data.service) } : {}),
        ...(str(data.operation) ? { operation: str(data.operation) } : {}),
      });
      if (data.effect === 'compensate' && outcome === 'compensated')
        compensated.push(String(data.elementId));
    } else if (entry.kind === 'publish') {
      events.push({
        type: String(data.type),
        correlationId: String(data.correlationId),
        by: String(data.by),
        eventId: String(data.eventId),
        atMs: entry.atMs,
      });
    } else if (entry.kind === 'effect') {
      ledger.push(ledgerEntryOf(entry));
    } else if (entry.kind === 'dead-letter') {
      deadLetters.push({
        eventId: String(data.eventId),
        type: String(data.type),
        service: String(data.service),
        deliveries: Number(data.deliveries),
        seq: entry.seq,
      });
    }
  }
  // Compensation results are recorded after their request; order them by when they ended.
  const compensationOrder = steps
    .filter((step) => step.outcome === 'compensated')
    .sort((a, b) => (a.endedAtMs ?? 0) - (b.endedAtMs ?? 0))
    .map((step) => step.elementId);
  const state = JSON.parse(run.state) as WorldState;
  const hung = agenda
    .filter((item) => item.kind === 'hung')
    .map((item) => ({
      elementId: String(item.data.elementId),
      service: String(item.data.service),
      operation: String(item.data.operation),
      seq: Number(item.data.request),
    }));
  const outcome: RunStatus =
    definition.kind === 'map' && state.outcome === undefined
      ? run.status
      : (state.outcome ?? run.status);
  return {
    runId: run.uid,
    status: run.status,
    steps,
    compensated: compensationOrder.length === compensated.length ? compensationOrder : compensated,
    events,
    consistency: checkConsistency({
      kind: definition.kind,
      outcome: run.status === 'cancelled' ? 'cancelled' : outcome,
      ledger,
      undoneBy: definition.undoneBy,
      hung: run.status === 'waiting' ? hung : [],
      deadLetters,
      awaiting: agenda.some((item) => item.dueMs === null && item.kind !== 'hung'),
    }),
    name: definition.name,
    kind: definition.kind,
    seed: run.seed,
    correlationId: run.correlationId,
    atMs: run.endedAtMs ?? run.nowMs,
    deadLetters,
    consumers: consumerLag(journal),
    waitingFor: agenda
      .filter((item) => item.dueMs === null && item.kind !== 'hung')
      .map((item) => String(item.data.elementId)),
  };
}

/**
 * Each consumer's deliveries, the longest wait between an event's publication and its delivery
 * to it, and its deepest backlog: the most events published and not yet delivered to it at once.
 */
export function consumerLag(journal: readonly JournalRow[]): ConsumerLag[] {
  const publishedAt = new Map<string, number>();
  const byService = new Map<
    string,
    { spans: [number, number][]; duplicates: number; redeliveries: number }
  >();
  for (const entry of journal) {
    if (entry.kind === 'publish') publishedAt.set(String(entry.data.eventId), entry.atMs);
    if (entry.kind !== 'delivery') continue;
    const service = String(entry.data.service);
    const consumer = byService.get(service) ?? { spans: [], duplicates: 0, redeliveries: 0 };
    byService.set(service, consumer);
    consumer.spans.push([publishedAt.get(String(entry.data.eventId)) ?? entry.atMs, entry.atMs]);
    if (entry.data.duplicate === true) consumer.duplicates += 1;
    if (typeof entry.data.attempt === 'number' && entry.data.attempt > 1)
      consumer.redeliveries += 1;
  }
  return [...byService].map(([service, { spans, duplicates, redeliveries }]) => {
    // Sweep: +1 when an event is published, -1 when it reaches the consumer.
    const edges = spans.flatMap(([from, to]): [number, number][] => [
      [from, 1],
      [to, -1],
    ]);
    edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let depth = 0;
    let maxBacklog = 0;
    for (const [, change] of edges) {
      depth += change;
      maxBacklog = Math.max(maxBacklog, depth);
    }
    return {
      service,
      deliveries: spans.length,
      duplicates,
      redeliveries,
      maxLagMs: Math.max(0, ...spans.map(([from, to]) => to - from)),
      maxBacklog,
    };
  });
}
