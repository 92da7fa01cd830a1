/**
 * The figures of one document under one scenario of the sweep, measured from its runs' journals
 * and reports: statuses, latency, messages, call attempts, compensations, recovery times and, when
 * a service is down, the blast radius.
 */
import type {
  BlastRadius,
  DocumentFigures,
  SweepScenario,
} from '../../src-shared/patterns/compareTypes';
import { FINAL_STATUSES } from '../../src-shared/runtime/runReport';
import type { RunDefinition } from '../runtime/definition';
import type { JournalRow } from '../runtime/RunStore';
import { latencyOf, serviceOfEntry, str, undoKeys, type Ran } from './compareRuns';

/** What one run's journal adds to its document's figures. */
interface RunTally {
  readonly messages: number;
  readonly calls: number;
  readonly compensations: number;
  /** From the first failure to the first compensation, and to the last compensation done. */
  readonly recovery?: { readonly detectMs: number; readonly recoverMs: number };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

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

function tallyRun(run: Ran, definition: RunDefinition, undo: ReadonlySet<string>): RunTally {
  let messages = 0;
  let calls = 0;
  let compensations = 0;
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
    } else if (definition.kind === 'map' && (entry.kind === 'publish' || entry.kind === 'delivery'))
      messages += 1;
  }
  if (firstFailure === undefined || firstCompensation === undefined)
    return { messages, calls, compensations };
  const detectMs = firstCompensation - firstFailure;
  const recoverMs = (lastCompensationDone ?? firstCompensation) - firstFailure;
  return { messages, calls, compensations, recovery: { detectMs, recoverMs } };
}

/** End-to-end latency of the runs that reached a final status. */
function latencyFigures(ran: readonly Ran[]): DocumentFigures['latency'] {
  // A run waiting for a person has no final status yet: it has no end-to-end latency.
  const latencies = ran.filter((run) => FINAL_STATUSES.has(run.report.status)).map(latencyOf);
  return {
    runs: latencies.length,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    maxMs: Math.max(0, ...latencies),
  };
}

export function figuresOf(
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
    const tally = tallyRun(run, definition, undo);
    messages += tally.messages;
    calls += tally.calls;
    compensations += tally.compensations;
    if (tally.recovery) {
      detect.push(tally.recovery.detectMs);
      recover.push(tally.recovery.recoverMs);
    }
  }
  const per = (total: number) => ({ total, perRun: round2(total / Math.max(1, ran.length)) });
  const service = scenario.service?.split(' / ')[scenario.service.includes(' / ') ? index : 0];
  return {
    runs: ran.length,
    statuses: Object.fromEntries(Object.entries(statuses).sort(([x], [y]) => x.localeCompare(y))),
    latency: latencyFigures(ran),
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
