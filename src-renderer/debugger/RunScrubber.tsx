import { Pause, Play, SkipBack } from 'lucide-react';
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { RunHistory } from '../../src-shared/runtime/runView';
import { REPLAY_SPEEDS, type ReplaySpeed } from './replayClock';
import type { RunSessionStore } from './runSession';

interface Tick {
  readonly seq: number;
  readonly kind: 'failure' | 'compensation';
}

/** Where failures and compensations happened in a run: the scrubber's ticks. */
export function ticksOf(history: RunHistory): readonly Tick[] {
  const ticks = new Map<number, Tick>();
  for (const bar of history.timeline()) {
    if (bar.kind === 'compensation')
      ticks.set(bar.startSeq, { seq: bar.startSeq, kind: 'compensation' });
    else if (bar.outcome === 'failed' || bar.outcome === 'timeout') {
      const seq = bar.endSeq ?? bar.startSeq;
      ticks.set(seq, { seq, kind: 'failure' });
    }
  }
  return [...ticks.values()].sort((a, b) => a.seq - b.seq);
}

const speedLabel = (speed: ReplaySpeed) => (speed === 'entry' ? 'Entry by entry' : `${speed}×`);

/**
 * The run's whole history under the toolbar: a slider over its journal entries (←/→ move one
 * entry while it has the focus) with ticks where something failed or was compensated, play and
 * pause at a speed, jumps to the start, the end (following a live run) and the first failure.
 */
export function RunScrubber({ session }: { session: RunSessionStore }) {
  const history = useStore(session, (state) => state.history);
  const revision = useStore(session, (state) => state.revision);
  const cursor = useStore(session, (state) => state.cursor);
  const seq = useStore(session, (state) => state.seq);
  const atMs = useStore(session, (state) => state.view?.atMs ?? 0);
  const playing = useStore(session, (state) => state.playing);
  const speed = useStore(session, (state) => state.speed);
  const last = history?.lastSeq ?? 0;
  const first = history?.entries[0]?.seq ?? 0;
  // Recounted as entries arrive (`revision`), not on every move of the cursor.
  const ticks = useMemo(
    () => (history && revision > 0 ? ticksOf(history) : []),
    [history, revision],
  );
  const failureSeq = useMemo(
    () => (history && revision > 0 ? history.firstFailureSeq() : null),
    [history, revision],
  );
  if (!history) return null;
  const value = cursor === 'live' ? last : Math.min(cursor, last);
  const span = Math.max(1, last - first);
  const { getState } = session;

  return (
    <div className="run-scrubber" role="group" aria-label="Replay">
      <button
        type="button"
        onClick={() => getState().seek(first)}
        title="Jump to the start (Home)"
        aria-label="Jump to start"
      >
        <SkipBack size={14} aria-hidden="true" />
      </button>
      <button
        type="button"
        onClick={() => getState().setPlaying(!playing)}
        aria-label={playing ? 'Pause replay' : 'Play replay'}
        title={playing ? 'Pause the replay' : 'Play the run from the cursor'}
      >
        {playing ? <Pause size={14} aria-hidden="true" /> : <Play size={14} aria-hidden="true" />}
      </button>
      <select
        aria-label="Replay speed"
        value={String(speed)}
        onChange={(event) => {
          const picked = REPLAY_SPEEDS.find((option) => String(option) === event.target.value);
          if (picked !== undefined) getState().setSpeed(picked);
        }}
      >
        {REPLAY_SPEEDS.map((option) => (
          <option key={String(option)} value={String(option)}>
            {speedLabel(option)}
          </option>
        ))}
      </select>
      <div className="run-scrubber-track">
        <input
          type="range"
          aria-label="Run history"
          aria-valuetext={`Entry ${value} of ${last}`}
          min={first}
          max={Math.max(first, last)}
          step={1}
          value={value}
          onChange={(event) => getState().seek(Number(event.target.value))}
          onKeyDown={(event) => {
            if (event.key === 'Home') {
              event.preventDefault();
              getState().seek(first);
            } else if (event.key === 'End') {
              event.preventDefault();
              getState().followLive();
            }
          }}
        />
        <div className="run-scrubber-ticks" aria-hidden="true">
          {ticks.map((tick) => (
            <span
              key={tick.seq}
              className={`run-tick is-${tick.kind}`}
              style={{ left: `${((tick.seq - first) / span) * 100}%` }}
            />
          ))}
        </div>
      </div>
      <span className="run-scrubber-position" role="status" aria-label="Replay position">
        {cursor === 'live' ? 'Live · ' : ''}entry {seq} of {last} · {formatMs(atMs)}
      </span>
      <button
        type="button"
        disabled={failureSeq === null}
        onClick={() => failureSeq !== null && getState().seek(failureSeq)}
        title="Jump to the first failure"
      >
        First failure
      </button>
      <button
        type="button"
        onClick={() => getState().followLive()}
        aria-pressed={cursor === 'live'}
        title="Jump to the end and follow the run (End)"
      >
        {cursor === 'live' ? 'Following' : 'Jump to end'}
      </button>
    </div>
  );
}

/** Virtual time as people read it: 850 ms, 12.4 s, 3 min 5 s. */
export function formatMs(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1_000)} s`;
}
