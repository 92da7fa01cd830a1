// The debugging verbs: pausing and resuming a run, its breakpoints, and stepping a paused run.
// None is an input: nothing but the steps themselves is journaled (the row keeps mode and stop).
import { BatonError } from '../../src-shared/contract/errors';
import type { Breakpoint, StepUntil } from '../../src-shared/runtime/debug';
import { FINAL_STATUSES, type RunStatus } from '../../src-shared/runtime/runReport';
import { findStop, stepFacts } from './debugStops';
import { forgetIfEnded, kick, liveWorld, notify, setStop, stopAt, type LiveRuns } from './liveRuns';
import type { RunWorld } from './RunWorld';
import { safeStep } from './scheduling';

/** The most steps one `step` call takes before it stops by itself (a run to an element never reached). */
const MAX_STEPS_PER_CALL = 100_000;

/** Pauses a run by hand (`stop.reason` `pause`); nothing is journaled. */
export function pauseRun(live: LiveRuns, runId: string): RunStatus {
  const world = liveWorld(live, runId);
  if (FINAL_STATUSES.has(world.status))
    throw new BatonError(
      'conflict',
      `run ${runId} has ended (${world.status}); it cannot be paused`,
    );
  stopAt(live, world, { reason: 'pause', seq: world.state.seq });
  notify(live, world);
  return world.status;
}

export function resumeRun(live: LiveRuns, runId: string): RunStatus {
  const world = liveWorld(live, runId);
  world.paused = false;
  if (world.status === 'paused') world.status = 'running';
  live.realStart.delete(runId);
  live.store.setPaused(runId, false, live.now());
  setStop(live, world, null);
  kick(live);
  notify(live, world);
  return world.status;
}

/** Replaces the breakpoints a run stops at (kept with the run; not journaled). */
export function setBreakpoints(
  live: LiveRuns,
  runId: string,
  breakpoints: readonly Breakpoint[],
): void {
  const row = live.store.runByUid(runId);
  if (!row) throw new BatonError('not-found', `there is no run ${runId}`);
  const world = live.worlds.get(runId);
  if (world) world.breakpoints = breakpoints;
  live.store.setBreakpoints(runId, breakpoints, live.now());
  if (world) notify(live, world);
}

/**
 * Takes steps of a paused run, and only of it, until `until` is met, a breakpoint stops it, it
 * ends, or it waits for a person or an event; it stays paused (`stop` says where and why).
 * Nothing is journaled but the steps themselves: the journal is the one a free run writes.
 */
export async function stepRun(live: LiveRuns, runId: string, until: StepUntil): Promise<void> {
  const world = steppableWorld(live, runId);
  live.stepping.add(runId);
  setStop(live, world, null);
  try {
    for (let taken = 1; ; taken += 1) {
      const before = world.state.active ?? {};
      const write = await safeStep(world);
      if (live.closed) return;
      live.store.commit([write], live.now());
      if (FINAL_STATUSES.has(world.status)) {
        forgetIfEnded(live, world);
        notify(live, world);
        return;
      }
      const seq = world.state.seq;
      const stop =
        (await findStop(world, stepFacts(world, write.journal, before), seq, until)) ??
        (world.nextItem() && taken < MAX_STEPS_PER_CALL
          ? undefined
          : { reason: 'step' as const, seq });
      if (stop) {
        stopAt(live, world, stop);
        notify(live, world);
        return;
      }
      notify(live, world);
      // Long runs to an element: let calls through now and then; a person may pause (the
      // steps end there) or continue (the run goes on by itself) meanwhile.
      if (taken % 100 === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (live.closed || world.stop || !world.paused) return;
      }
    }
  } finally {
    live.stepping.delete(runId);
    kick(live);
  }
}

/** The world of a run that can take a step now: paused, not ended, not stepping, with an item due. */
function steppableWorld(live: LiveRuns, runId: string): RunWorld {
  const row = live.store.runByUid(runId);
  if (row && FINAL_STATUSES.has(row.status))
    throw new BatonError('conflict', `run ${runId} has ended (${row.status}); it cannot step`);
  const world = liveWorld(live, runId);
  if (!world.paused)
    throw new BatonError(
      'conflict',
      `run ${runId} is ${world.status}, not paused: pause it before stepping`,
    );
  if (live.stepping.has(runId))
    throw new BatonError('conflict', `run ${runId} is already taking steps`);
  if (!world.nextItem())
    throw new BatonError(
      'conflict',
      `run ${runId} is waiting for a person or an event, so it has no step to take: decide or publish first`,
    );
  return world;
}
