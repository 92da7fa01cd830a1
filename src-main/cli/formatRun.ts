import type { RunReport, RunSummary, StepRecord } from '../../src-shared/runtime/runReport';
import type { ResimulationResult } from '../runtime/resimulate';
import type { ReplayMismatch, ReplayResult } from '../runtime/replay';
import type { JournalRow } from '../runtime/RunStore';

/**
 * The run commands' text output: what a person scans in a terminal. Columns are aligned with
 * spaces, times are virtual milliseconds; `--json` prints the objects themselves instead.
 */

/** Rows as lines, each column padded to its widest cell (numbers to the right); no trailing blanks. */
export function table(rows: readonly (readonly string[])[], rightAligned: readonly number[] = []) {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, column) =>
        rightAligned.includes(column)
          ? cell.padStart(widths[column] ?? 0)
          : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
}

const plural = (count: number, noun: string, nouns = `${noun}s`) =>
  `${count} ${count === 1 ? noun : nouns}`;

/** The whole report: header, steps, compensations, events, verdict. */
export function formatReport(report: RunReport): string {
  const lines = [
    `${report.name} [${report.kind}]  ${report.runId}  ${report.status}  seed ${report.seed}  correlation ${report.correlationId}  at ${report.atMs} ms`,
    '',
    ...formatSteps(report.steps),
    '',
    `compensated: ${report.compensated.length ? report.compensated.join(' → ') : 'none'}`,
  ];
  if (report.waitingFor.length) lines.push(`waiting for: ${report.waitingFor.join(', ')}`);
  lines.push(...section('events', report.events.length));
  lines.push(
    ...table(
      report.events.map((event) => [
        `${event.atMs} ms`,
        event.type,
        `by ${event.by}`,
        event.correlationId,
      ]),
      [0],
    ).map(indent),
  );
  if (report.consumers.length) {
    lines.push(...section('consumers', report.consumers.length));
    lines.push(
      ...table(
        report.consumers.map((consumer) => [
          consumer.service,
          plural(consumer.deliveries, 'delivery', 'deliveries'),
          `${consumer.duplicates} duplicate${consumer.duplicates === 1 ? '' : 's'}`,
          `${consumer.redeliveries} redelivered`,
          `lag ≤ ${consumer.maxLagMs} ms`,
          `backlog ≤ ${consumer.maxBacklog}`,
        ]),
      ).map(indent),
    );
  }
  lines.push(...formatVerdict(report));
  return `${lines.join('\n')}\n`;
}

function formatSteps(steps: readonly StepRecord[]): string[] {
  if (steps.length === 0) return ['  (no steps)'];
  const ends = steps.map((step) => (step.endedAtMs === null ? '…' : String(step.endedAtMs)));
  const startWidth = Math.max(...steps.map((step) => String(step.startedAtMs).length));
  const endWidth = Math.max(...ends.map((end) => end.length));
  return table(
    steps.map((step, index) => [
      `${String(step.startedAtMs).padStart(startWidth)} → ${(ends[index] ?? '').padStart(endWidth)} ms`,
      step.name || step.elementId,
      `attempt ${step.attempt}`,
      step.outcome,
    ]),
  ).map(indent);
}

/** `label: none`, or `label (n):` heading the lines that follow. */
function section(label: string, count: number): string[] {
  return [count === 0 ? `${label}: none` : `${label} (${count}):`];
}

function formatVerdict(report: RunReport): string[] {
  const { consistency, deadLetters } = report;
  const { violations, duplicates, lateSuccesses } = consistency;
  const lines =
    violations.length === 0
      ? [`verdict: ${consistency.ok ? 'consistent' : 'not consistent'}`]
      : [
          `verdict: ${plural(violations.length, 'violation')}`,
          ...violations.map((violation) => `  ${violation.code}  ${violation.message}`),
        ];
  if (duplicates.length) {
    lines.push(...section('duplicates', duplicates.length));
    lines.push(
      ...table(
        duplicates.map((duplicate) => [
          `${duplicate.service}.${duplicate.operation}`,
          `×${duplicate.count}`,
          duplicate.effectKey,
        ]),
      ).map(indent),
    );
  }
  if (lateSuccesses.length) {
    lines.push(...section('late successes', lateSuccesses.length));
    lines.push(
      ...table(
        lateSuccesses.map((late) => [
          `${late.atMs} ms`,
          `${late.service}.${late.operation}`,
          late.elementId ?? '',
        ]),
        [0],
      ).map(indent),
    );
  }
  if (deadLetters.length) {
    lines.push(...section('dead letters', deadLetters.length));
    lines.push(
      ...table(
        deadLetters.map((letter) => [
          letter.type,
          `→ ${letter.service}`,
          `after ${plural(letter.deliveries, 'delivery', 'deliveries')}`,
        ]),
      ).map(indent),
    );
  }
  return lines;
}

const indent = (line: string) => `  ${line}`;

/** The workspace's runs, one a line, newest first. */
export function formatRunList(runs: readonly RunSummary[]): string {
  if (runs.length === 0) return 'no runs\n';
  const rows = [
    ['RUN', 'STATUS', 'NAME', 'KIND', 'SEED', 'CORRELATION', 'AT', 'STARTED'],
    ...runs.map((run) => [
      run.runId,
      run.status,
      run.name,
      run.kind,
      String(run.seed),
      run.correlationId,
      `${run.atMs} ms`,
      wallClock(run.createdAt),
    ]),
  ];
  return `${table(rows, [4, 6]).join('\n')}\n${plural(runs.length, 'run')}\n`;
}

const wallClock = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}Z`;

/** A run's journal, an entry a line, then whether replaying it reached the recorded states. */
export function formatReplay(
  summary: RunSummary,
  journal: readonly JournalRow[],
  replay: ReplayResult,
  resimulation?: ResimulationResult,
): string {
  const mismatchAt = new Map(replay.mismatches.map((mismatch) => [mismatch.seq, mismatch]));
  const rows = [
    ['SEQ', 'MS', 'KIND', 'ACTOR', 'WHAT'],
    ...journal.map((entry) => [
      String(entry.seq),
      String(entry.atMs),
      entry.kind,
      entry.actor ?? '-',
      describeEntry(entry),
    ]),
  ];
  const lines = [
    `${summary.name} [${summary.kind}]  ${summary.runId}  ${summary.status}  seed ${summary.seed}  correlation ${summary.correlationId}`,
    '',
  ];
  const [header = '', ...entryLines] = table(rows, [0, 1]);
  lines.push(header);
  entryLines.forEach((line, index) => {
    lines.push(line);
    const mismatch = mismatchAt.get(journal[index]?.seq ?? -1);
    if (mismatch) lines.push(`      ≠ ${describeMismatch(mismatch)}`);
  });
  lines.push('');
  lines.push(
    replay.ok
      ? `replay: reproduces every state (${plural(replay.events, 'machine event')} in ${plural(replay.entries, 'entry', 'entries')})`
      : `replay: DIFFERS at ${replay.mismatches.length} of ${plural(replay.events, 'machine event')} (seq ${replay.mismatches.map((m) => m.seq).join(', ')})`,
  );
  if (resimulation) lines.push(describeResimulation(resimulation));
  return `${lines.join('\n')}\n`;
}

function describeMismatch(mismatch: ReplayMismatch): string {
  const replayed = stateText(mismatch.replayed);
  const recorded = stateText(mismatch.recorded);
  return replayed === recorded
    ? `replayed ${replayed} as recorded, but with other data than the journal recorded`
    : `replayed ${replayed}; the journal recorded ${recorded}`;
}

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/** One journal entry in words: the fields of its kind that a person looks for. */
export function describeEntry(entry: JournalRow): string {
  const data = entry.data;
  const operation =
    text(data.service) && text(data.operation)
      ? `${text(data.service)}.${text(data.operation)}`
      : '';
  switch (entry.kind) {
    case 'run.started':
      return `${text(data.name)} [${text(data.kind)}], seed ${text(data.seed)}, correlation ${text(data.correlationId)}`;
    case 'actor.created': {
      const part = data.part as { kind?: string; node?: string } | undefined;
      return `${text(data.machine)} machine, ${[part?.kind, part?.node].filter(Boolean).join(' ')}`;
    }
    case 'event':
      return `${text((data.event as { type?: unknown } | undefined)?.type) ?? '?'} → ${stateText(data.value)}`;
    case 'request': {
      const name = text(data.name) ?? text(data.elementId) ?? text(data.timerId);
      return joined(
        text(data.effect),
        name,
        operation === name ? '' : operation,
        typeof data.attempt === 'number' && data.attempt > 1 ? `attempt ${data.attempt}` : '',
        text(data.eventType) ? `event ${text(data.eventType)}` : '',
        typeof data.delayMs === 'number' ? `in ${data.delayMs} ms` : '',
      );
    }
    case 'result':
      return joined(text(data.outcome), `for #${text(data.request)}`, text(data.elementId));
    case 'effect':
      return joined(operation, data.late === true ? 'late' : '', `key ${text(data.effectKey)}`);
    case 'publish':
      return joined(
        text(data.type),
        `by ${text(data.by)}`,
        `correlation ${text(data.correlationId)}`,
      );
    case 'delivery':
      return joined(
        `${text(data.type)} → ${text(data.service)}`,
        `attempt ${text(data.attempt)}`,
        data.duplicate === true ? 'duplicate' : '',
        data.dropped === true ? 'dropped (handled before)' : '',
      );
    case 'delivery.postponed':
      return `${text(data.type)} → ${text(data.service)} postponed until ${text(data.untilMs)} ms (down)`;
    case 'settle':
      return joined(text(data.outcome), text(data.eventId));
    case 'dead-letter':
      return `${text(data.type)} → ${text(data.service)} dead-lettered after ${text(data.deliveries)} deliveries`;
    case 'run.status':
      return joined(text(data.status), text(data.from) ? `(was ${text(data.from)})` : '');
    case 'fault':
      return text(data.message) ?? 'fault';
    case 'person.decided':
      return `${text(data.decision)} ${text(data.elementId)} by a person`;
    case 'person.published':
      return `${text(data.type)} published by a person`;
    case 'outcome.forced':
      return joined(
        `next answer of ${text(data.key)}: ${text(data.outcome)}`,
        typeof data.request === 'number' ? `(call #${data.request} in flight)` : '',
      );
    case 'data.edited':
      return `instance data replaced by a person: ${clip(JSON.stringify(data.data), 80)}`;
    default:
      return clip(JSON.stringify(data));
  }
}

const joined = (...parts: (string | undefined)[]) => parts.filter(Boolean).join('  ');

const clip = (line: string, max = 120) => (line.length > max ? `${line.slice(0, max - 1)}…` : line);

/** A machine's state value as a path: `__run.chargePayment.calling`; parallel regions in braces. */
export function stateText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  const parts = Object.entries(value as Record<string, unknown>).map(
    ([key, inner]) => `${key}.${stateText(inner)}`,
  );
  return parts.length === 1 ? (parts[0] as string) : `{${parts.join(', ')}}`;
}

function describeResimulation(result: ResimulationResult): string {
  if (!result.applicable) return `re-simulation: not applicable (${result.reason ?? ''})`;
  if (result.identical)
    return `re-simulation: identical (${plural(result.entries, 'entry', 'entries')} written again from the scenario and seed)`;
  const at = result.firstDifference ? ` at seq ${result.firstDifference.seq}` : '';
  return `re-simulation: DIFFERS${at}${result.reason ? ` (${result.reason})` : ''}`;
}
