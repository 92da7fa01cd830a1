// The scheduling loop: one step of every run with something due, committed as one batch, and
// repeated in the background (the app) or until idle (the CLI, tests); real-time runs are paced
// by the scaled wall clock.
import { FINAL_STATUSES } from '../../src-shared/runtime/runReport';
import { findStop, stepFacts } from './debugStops';
import { forgetIfEnded, notify, stopAt, type LiveRuns } from './liveRuns';
import type { StepWrite } from './RunStore';
import type { RunWorld, WorldState } from './RunWorld';

/** Whether an item of the world is due now: always in virtual time; in real time when the scaled wall clock has reached it. */
function dueIn(live: LiveRuns, world: RunWorld): number {
  const item = world.nextItem();
  if (!item || world.paused || world.status === 'cancelled') return Infinity;
  const clock = world.scenario.clock;
  if (clock?.mode !== 'real') return 0;
  let origin = live.realStart.get(world.uid);
  if (!origin) {
    origin = { wall: live.now(), virtual: world.nowMs };
    live.realStart.set(world.uid, origin);
  }
  const speed = clock.speed ?? 1;
  const dueWall = origin.wall + ((item.dueMs ?? 0) - origin.virtual) / speed;
  return Math.max(0, dueWall - live.now());
}

/** One step of every run that has something due, committed in one transaction. */
export async function processBatch(
  live: LiveRuns,
  only?: ReadonlySet<string>,
): Promise<{ stepped: number; nextInMs: number }> {
  const writes: StepWrite[] = [];
  const moved: { world: RunWorld; before: WorldState['active'] }[] = [];
  let nextInMs = Infinity;
  for (const world of live.worlds.values()) {
    if (only && !only.has(world.uid)) continue;
    if (live.stepping.has(world.uid)) continue;
    const wait = dueIn(live, world);
    if (wait > 0) {
      nextInMs = Math.min(nextInMs, wait);
      continue;
    }
    if (writes.length >= live.batchSize) {
      nextInMs = 0;
      break;
    }
    const before = world.state.active;
    writes.push(await safeStep(world));
    moved.push({ world, before });
  }
  // Closed while the batch was being worked out: nothing is committed, and the same steps are
  // taken again when the workspace next opens (they are deterministic).
  if (live.closed) return { stepped: 0, nextInMs: Infinity };
  live.store.commit(writes, live.now());
  for (const [index, { world, before }] of moved.entries()) {
    if (world.breakpoints.length > 0 && !FINAL_STATUSES.has(world.status)) {
      const journal = (writes[index] as StepWrite).journal;
      const stop = await findStop(world, stepFacts(world, journal, before ?? {}), world.state.seq);
      if (stop) stopAt(live, world, stop);
    }
    forgetIfEnded(live, world);
  }
  if (moved.length > 0) notify(live, ...moved.map(({ world }) => world));
  return { stepped: writes.length, nextInMs };
}

/** Takes one step; a step that throws ends the run as failed, saying why. */
export async function safeStep(world: RunWorld): Promise<StepWrite> {
  try {
    return (await world.step()) as StepWrite;
  } catch (error) {
    return world.faultWrite(`the runtime failed in a step: ${(error as Error).message}`);
  }
}

/** Runs until the given runs (default: all) have nothing due: what the CLI and tests use. */
export async function runUntilIdle(live: LiveRuns, runIds?: readonly string[]): Promise<void> {
  const only = runIds ? new Set(runIds) : undefined;
  for (;;) {
    const { stepped, nextInMs } = await processBatch(live, only);
    if (stepped > 0) continue;
    if (nextInMs === Infinity) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(nextInMs, 1_000)));
  }
}

/** Runs in the background (the app): batches while there is work, asleep otherwise. */
export function startLoop(live: LiveRuns): void {
  if (live.loop) return;
  const loop = { stop: false, wake: () => undefined as void };
  live.loop = loop;
  const run = async () => {
    while (!loop.stop && !live.closed) {
      const { stepped, nextInMs } = await processBatch(live);
      if (stepped > 0) {
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer =
          nextInMs === Infinity ? undefined : setTimeout(resolve, Math.min(nextInMs, 1_000));
        loop.wake = () => {
          if (timer) clearTimeout(timer);
          resolve();
        };
      });
    }
  };
  run().catch((error: unknown) => {
    live.loop = null;
    live.options.onError?.(error);
  });
}

export function stopLoop(live: LiveRuns): void {
  if (!live.loop) return;
  live.loop.stop = true;
  live.loop.wake();
  live.loop = null;
}
