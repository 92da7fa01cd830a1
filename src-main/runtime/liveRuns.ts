// The runs a `Runtime` holds in memory and the bookkeeping its verbs share: finding (loading) a
// run's world, telling `onChange`, pausing a run where it is, and forgetting a run that ended.
import { BatonError } from '../../src-shared/contract/errors';
import type { DebugStop } from '../../src-shared/runtime/debug';
import { FINAL_STATUSES } from '../../src-shared/runtime/runReport';
import { loadWorld } from './loadWorld';
import type { RunStore } from './RunStore';
import type { RuntimeOptions } from './Runtime';
import type { RunWorld } from './RunWorld';

/** What a runtime's parts share: its options, the runs in memory and what is going on with them. */
export interface LiveRuns {
  readonly options: RuntimeOptions;
  readonly store: RunStore;
  /** Wall clock, for row timestamps and real-time runs. */
  readonly now: () => number;
  readonly batchSize: number;
  /** The runs in memory, by uid. */
  readonly worlds: Map<string, RunWorld>;
  /** Where each real-time run's pacing started: the wall clock and the run's clock then. */
  readonly realStart: Map<string, { wall: number; virtual: number }>;
  /** Runs a `step` call is taking steps of (the loop leaves them alone). */
  readonly stepping: Set<string>;
  loop: { stop: boolean; wake: () => void } | null;
  closed: boolean;
}

/** The live world of a run, loading it when it is not in memory. */
export function liveWorld(live: LiveRuns, runId: string): RunWorld {
  const loaded = live.worlds.get(runId);
  if (loaded) return loaded;
  const row = live.store.runByUid(runId);
  if (!row) throw new BatonError('not-found', `there is no run ${runId}`);
  const world = loadWorld(live.store, row);
  live.worlds.set(runId, world);
  return world;
}

/** A run that ended with nothing left to happen leaves memory (its row keeps everything). */
export function forgetIfEnded(live: LiveRuns, world: RunWorld): void {
  if (world.agenda.length === 0 && world.blocked.size === 0 && FINAL_STATUSES.has(world.status)) {
    live.worlds.delete(world.uid);
    live.realStart.delete(world.uid);
    if (world.stop) setStop(live, world, null);
  }
}

export function notify(live: LiveRuns, ...worlds: RunWorld[]): void {
  live.options.onChange?.(
    worlds.map((world) => ({ runId: world.uid, status: world.status, seq: world.state.seq })),
  );
}

/** Pauses a run where it is, saying why (a breakpoint, a step's end, a person). */
export function stopAt(live: LiveRuns, world: RunWorld, stop: DebugStop): void {
  world.paused = true;
  if (world.status === 'running') world.status = 'paused';
  live.realStart.delete(world.uid);
  live.store.setPaused(world.uid, true, live.now());
  setStop(live, world, stop);
}

export function setStop(live: LiveRuns, world: RunWorld, stop: DebugStop | null): void {
  world.stop = stop;
  live.store.setStop(world.uid, stop, live.now());
}

/** Wakes the background loop, if it runs, to look for work now. */
export function kick(live: LiveRuns): void {
  live.loop?.wake();
}
