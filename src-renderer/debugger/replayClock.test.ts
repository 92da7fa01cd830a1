import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src-shared/contract/contract';
import type { Frames } from './frames';
import { createReplayClock, ENTRY_INTERVAL_MS, lastIndexAtOrBefore } from './replayClock';

const entry = (seq: number, atMs: number): JournalEntry => ({
  seq,
  atMs,
  kind: 'event',
  actor: 'flow',
  data: {},
});

function play(
  entries: JournalEntry[],
  speed: Parameters<ReturnType<typeof createReplayClock>['start']>[0],
) {
  let now = 0;
  let pending: ((now: number) => void) | null = null;
  const frames: Frames = {
    request: (callback) => {
      pending = callback;
      return 1;
    },
    cancel: () => (pending = null),
    now: () => now,
  };
  let current = entries[0]!.seq;
  let ended = false;
  const seen: number[] = [];
  const clock = createReplayClock({
    frames,
    entries: () => entries,
    current: () => current,
    seek: (seq) => {
      current = seq;
      seen.push(seq);
    },
    onEnd: () => (ended = true),
  });
  clock.start(speed);
  const advance = (ms: number) => {
    now += ms;
    const callback = pending;
    pending = null;
    callback?.(now);
  };
  return { advance, seen, ended: () => ended, current: () => current };
}

describe('replayClock', () => {
  it('finds the last entry at or before a time', () => {
    const entries = [entry(1, 0), entry(2, 100), entry(3, 100), entry(4, 250)];
    expect(lastIndexAtOrBefore(entries, -1)).toBe(-1);
    expect(lastIndexAtOrBefore(entries, 100)).toBe(2);
    expect(lastIndexAtOrBefore(entries, 249)).toBe(2);
    expect(lastIndexAtOrBefore(entries, 10_000)).toBe(3);
  });

  it('follows the run’s virtual time at the speed factor', () => {
    const entries = [entry(1, 0), entry(2, 100), entry(3, 200), entry(4, 400)];
    const replay = play(entries, 2);
    replay.advance(50); // 100 ms of the run
    expect(replay.current()).toBe(2);
    replay.advance(50);
    expect(replay.current()).toBe(3);
    replay.advance(100);
    expect(replay.current()).toBe(4);
    expect(replay.ended()).toBe(true);
  });

  it('skips a long quiet stretch instead of waiting through it', () => {
    const entries = [entry(1, 0), entry(2, 3_600_000), entry(3, 3_600_010)];
    const replay = play(entries, 1);
    replay.advance(16);
    expect(replay.current()).toBe(2);
  });

  it('moves one entry per interval entry by entry', () => {
    const entries = [entry(1, 0), entry(2, 0), entry(3, 0)];
    const replay = play(entries, 'entry');
    replay.advance(ENTRY_INTERVAL_MS - 1);
    expect(replay.current()).toBe(1);
    replay.advance(1);
    expect(replay.current()).toBe(2);
    replay.advance(ENTRY_INTERVAL_MS);
    expect(replay.seen).toEqual([2, 3]);
    expect(replay.ended()).toBe(true);
  });
});
