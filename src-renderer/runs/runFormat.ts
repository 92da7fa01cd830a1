import type { RunStatus, RunSummary } from '../../src-shared/runtime/runReport';

/** Every status a run can have, in the order the dashboard's filter chips show them. */
export const RUN_STATUSES: readonly RunStatus[] = [
  'running',
  'paused',
  'waiting',
  'completed',
  'failed',
  'compensated',
  'needs-attention',
  'cancelled',
];

/** Statuses of runs that can still move (and so can be cancelled). */
export const LIVE_STATUSES: ReadonlySet<RunStatus> = new Set(['running', 'paused', 'waiting']);

export const statusLabel: Readonly<Record<RunStatus, string>> = {
  running: 'Running',
  paused: 'Paused',
  waiting: 'Waiting',
  completed: 'Completed',
  failed: 'Failed',
  compensated: 'Compensated',
  'needs-attention': 'Needs attention',
  cancelled: 'Cancelled',
};

/** How long a run has taken in its virtual time: to its end, or so far. */
export const durationOf = (run: RunSummary) => run.endedAtMs ?? run.atMs;

/** A virtual duration in words people read at a glance: "850 ms", "12.3 s", "2 min 5 s", "1 h 4 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const seconds = Math.floor(ms / 1_000);
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${Math.floor(minutes / 1_440)} d ${Math.floor((minutes % 1_440) / 60)} h`;
}

/** When a run was started, in the person's local time: the time alone for today's runs. */
export function formatStarted(createdAt: number, now = Date.now()): string {
  const date = new Date(createdAt);
  const today = new Date(now);
  const time = { hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;
  if (date.toDateString() === today.toDateString()) return date.toLocaleTimeString(undefined, time);
  return date.toLocaleString(undefined, {
    ...(date.getFullYear() === today.getFullYear() ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    ...time,
  });
}

export type RunSortKey = 'started' | 'duration' | 'status';
export interface RunSort {
  readonly key: RunSortKey;
  readonly descending: boolean;
}

const statusRank = new Map(RUN_STATUSES.map((status, index) => [status, index]));

/** The runs in the order the dashboard shows them; ties keep the newest first. */
export function sortRuns(runs: readonly RunSummary[], sort: RunSort): readonly RunSummary[] {
  const value = (run: RunSummary) =>
    sort.key === 'started'
      ? run.createdAt
      : sort.key === 'duration'
        ? durationOf(run)
        : (statusRank.get(run.status) ?? 0);
  const sign = sort.descending ? -1 : 1;
  return [...runs].sort(
    (a, b) =>
      sign * (value(a) - value(b)) || b.createdAt - a.createdAt || (a.runId < b.runId ? 1 : -1),
  );
}
