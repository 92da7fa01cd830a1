// Applying a person's input (a decision, a published event, a forced outcome, a data edit, a
// cancel) to a run between its steps: journaled and committed at once, then the run goes on.
import { BatonError } from '../../src-shared/contract/errors';
import { FINAL_STATUSES } from '../../src-shared/runtime/runReport';
import type { InputWork } from './inputs';
import { forgetIfEnded, kick, notify, type LiveRuns } from './liveRuns';
import type { RunWorld } from './RunWorld';

/** Applies a piece of input work to a run now and commits it; refused while the run is stepping. */
export async function applyNow(live: LiveRuns, world: RunWorld, work: InputWork): Promise<void> {
  if (live.stepping.has(world.uid))
    throw new BatonError(
      'conflict',
      `run ${world.uid} is taking steps; pause it, or try again when it stops`,
    );
  const write = await world.apply(work);
  live.store.commit([write], live.now());
  if (!live.worlds.has(world.uid)) live.worlds.set(world.uid, world);
  forgetIfEnded(live, world);
  notify(live, world);
  kick(live);
}

/** Refuses an input to a run that has ended. */
export function refuseIfEnded(world: RunWorld): void {
  if (FINAL_STATUSES.has(world.status))
    throw new BatonError('conflict', `run ${world.uid} has ended (${world.status})`);
}
