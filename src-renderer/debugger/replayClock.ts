import type { JournalEntry } from '../../src-shared/contract/contract';
import type { Frames } from './frames';
import { lastIndexAtOrBefore as lastAtOrBefore } from '../../src-shared/runtime/sortedSearch';

/** How fast a replay plays: a factor of the run's virtual time, or one entry at a time. */
export type ReplaySpeed = 0.5 | 1 | 2 | 5 | 10 | 20 | 'entry';
export const REPLAY_SPEEDS: readonly ReplaySpeed[] = [0.5, 1, 2, 5, 10, 20, 'entry'];

/** Entry by entry, each entry is shown this long. */
export const ENTRY_INTERVAL_MS = 250;
/** A quiet stretch of the run (a long timer) is skipped when it would last longer than this. */
export const MAX_QUIET_MS = 1_000;

/** The index of the last entry at or before `atMs` (-1 when none). */
export function lastIndexAtOrBefore(entries: readonly JournalEntry[], atMs: number): number {
  return lastAtOrBefore(entries, atMs, (entry) => entry.atMs);
}

/** The index of the entry numbered `seq`, or of the last one before it. */
export function indexOfSeq(entries: readonly JournalEntry[], seq: number): number {
  let low = 0;
  let high = entries.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (entries[middle]!.seq <= seq) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * Plays a run's history forward on animation frames: the cursor follows the run's virtual time at
 * a speed factor (quiet stretches skipped), or moves one entry every `ENTRY_INTERVAL_MS`.
 */
export function createReplayClock(options: {
  readonly frames: Frames;
  readonly entries: () => readonly JournalEntry[];
  readonly current: () => number;
  readonly seek: (seq: number) => void;
  readonly onEnd: () => void;
}) {
  let handle: number | null = null;

  const stop = () => {
    if (handle !== null) options.frames.cancel(handle);
    handle = null;
  };

  const start = (speed: ReplaySpeed) => {
    stop();
    const entries = options.entries();
    if (entries.length === 0) return options.onEnd();
    let index = Math.max(0, indexOfSeq(entries, options.current()));
    let virtualMs = entries[index]!.atMs;
    let last = options.frames.now();
    let carried = 0;
    const tick = (now: number) => {
      const elapsed = Math.max(0, now - last);
      last = now;
      if (speed === 'entry') {
        carried += elapsed;
        const steps = Math.floor(carried / ENTRY_INTERVAL_MS);
        carried -= steps * ENTRY_INTERVAL_MS;
        index = Math.min(entries.length - 1, index + steps);
      } else {
        virtualMs += elapsed * speed;
        const next = entries[index + 1];
        if (next && next.atMs - virtualMs > MAX_QUIET_MS * speed) virtualMs = next.atMs;
        index = Math.max(index, lastIndexAtOrBefore(entries, virtualMs));
      }
      if (entries[index]!.seq !== options.current()) options.seek(entries[index]!.seq);
      if (index >= entries.length - 1) {
        handle = null;
        options.onEnd();
        return;
      }
      handle = options.frames.request(tick);
    };
    handle = options.frames.request(tick);
  };

  return { start, stop };
}
