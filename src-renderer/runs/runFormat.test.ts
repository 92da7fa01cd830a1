import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src-shared/runtime/runReport';
import { formatDuration, formatStarted, sortRuns } from './runFormat';
import { reuseUnchanged } from './useRunsList';

const run = (runId: string, fields: Partial<RunSummary> = {}): RunSummary => ({
  runId,
  name: 'Order saga',
  kind: 'flow',
  status: 'completed',
  seed: 1,
  correlationId: `c-${runId}`,
  workflowId: 'w',
  version: null,
  createdAt: 1_000,
  atMs: 0,
  endedAtMs: null,
  seq: 1,
  mode: 'run',
  active: [],
  activeNames: [],
  retries: 0,
  parentRunId: null,
  forkedAtSeq: null,
  ...fields,
});

describe('how the runs dashboard shows runs', () => {
  it.each([
    [0, '0 ms'],
    [850, '850 ms'],
    [1_234, '1.23 s'],
    [12_340, '12.3 s'],
    [125_000, '2 min 5 s'],
    [3_840_000, '1 h 4 min'],
    [90_000_000, '1 d 1 h'],
    [-1, '—'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('sorts by start, duration and status, ties newest first', () => {
    const runs = [
      run('a', { createdAt: 1, endedAtMs: 500, status: 'failed' }),
      run('b', { createdAt: 3, atMs: 100, status: 'running' }),
      run('c', { createdAt: 2, endedAtMs: 900, status: 'completed' }),
    ];
    const ids = (sorted: readonly RunSummary[]) => sorted.map((item) => item.runId);
    expect(ids(sortRuns(runs, { key: 'started', descending: true }))).toEqual(['b', 'c', 'a']);
    expect(ids(sortRuns(runs, { key: 'duration', descending: true }))).toEqual(['c', 'a', 'b']);
    expect(ids(sortRuns(runs, { key: 'duration', descending: false }))).toEqual(['b', 'a', 'c']);
    expect(ids(sortRuns(runs, { key: 'status', descending: false }))).toEqual(['b', 'c', 'a']);
  });

  it('keeps the objects of runs that did not move, so their rows are not drawn again', () => {
    const before = [run('a', { seq: 5 }), run('b', { seq: 7 })];
    const same = [run('a', { seq: 5 }), run('b', { seq: 7 })];
    expect(reuseUnchanged(before, same)).toBe(before);

    const moved = reuseUnchanged(before, [run('a', { seq: 5 }), run('b', { seq: 8 })]);
    expect(moved[0]).toBe(before[0]);
    expect(moved[1]).not.toBe(before[1]);
    expect(moved[1]?.seq).toBe(8);

    const paused = reuseUnchanged(before, [run('a', { seq: 5, status: 'paused' }), before[1]!]);
    expect(paused[0]?.status).toBe('paused');
    const added = reuseUnchanged(before, [run('c'), ...before]);
    expect(added.map((item) => item.runId)).toEqual(['c', 'a', 'b']);
    expect(added[1]).toBe(before[0]);
  });
});

describe('when a run started', () => {
  it('shows the time alone for today, the day for this year, and the year before that', () => {
    const now = new Date(2026, 10, 22, 15, 0, 0).getTime();
    const today = formatStarted(new Date(2026, 10, 22, 13, 20, 47).getTime(), now);
    expect(today).toMatch(/20:47/);
    expect(today).not.toMatch(/2026|22/);
    const earlier = formatStarted(new Date(2026, 2, 3, 9, 5, 0).getTime(), now);
    expect(earlier).toMatch(/3/);
    expect(earlier).not.toMatch(/2026/);
    expect(formatStarted(new Date(2025, 2, 3, 9, 5, 0).getTime(), now)).toMatch(/2025/);
  });
});
