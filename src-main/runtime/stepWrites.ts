// Journaling helpers: how a step's work becomes one `StepWrite` (the agenda settled, active
// elements and status updated, a snapshot now and then), and the fingerprint journaled with events.
import { hashText } from '../../src-shared/runtime/random';
import type { RunStatus } from '../../src-shared/runtime/runReport';
import { trackActive } from './activeElements';
import type { StepWrite } from './RunStore';
import type { RunWorld } from './RunWorld';
import type { StepBuilder } from './StepBuilder';

/**
 * How often (in machine events) a run's machines are snapshotted, for resuming and seeking. A seek
 * restores the snapshot before its point and replays the events after it, so this bounds its work:
 * 128 keeps the p99 seek in a 100,000-entry run well under 16 ms (DESIGN.md §6, `npm run bench
 * runtime`) for one snapshot, a few KB, every 128 events.
 */
export const SNAPSHOT_INTERVAL = 128;

/** Settles what a step did in its world and returns what the step writes. */
export function finishStep(world: RunWorld, step: StepBuilder): StepWrite {
  for (const id of step.agendaDeleted) {
    world.waits.delete(id);
    world.blocked.delete(id);
  }
  const deleted = new Set(step.agendaDeleted);
  if (deleted.size > 0) world.agenda = world.agenda.filter((item) => !deleted.has(item.id));
  for (const row of step.agendaAdded) world.admit(row);
  trackActive(world, step);
  updateStatus(world, step);
  let snapshot: StepWrite['snapshot'];
  if (world.state.eventsSinceSnapshot >= SNAPSHOT_INTERVAL) {
    world.state.eventsSinceSnapshot = 0;
    snapshot = { seq: world.state.seq, state: world.snapshotText() };
  }
  return {
    run: world.row.id,
    journal: step.journal,
    agendaDeleted: step.agendaDeleted,
    agendaAdded: step.agendaAdded,
    ...(snapshot ? { snapshot } : {}),
    update: {
      status: world.status,
      nowMs: world.nowMs,
      endedAtMs: world.endedAtMs,
      state: JSON.stringify(world.state),
    },
  };
}

/**
 * The journal records where the run is as if it were never paused (pausing and stepping are
 * not inputs: a debugged run's journal is the one it would have had running freely); only the
 * status shown says `paused`.
 */
function updateStatus(world: RunWorld, step: StepBuilder): void {
  if (world.status === 'cancelled') return;
  const previous = world.status === 'paused' ? 'running' : world.status;
  let status: RunStatus;
  if (world.state.fault) status = 'failed';
  else if (world.agenda.length > 0 && !world.nextItem()) status = 'waiting';
  else if (world.agenda.length > 0 || world.blocked.size > 0) status = 'running';
  else status = world.state.outcome ?? 'waiting';
  if (status !== previous) {
    if (status !== 'running') world.endedAtMs = world.nowMs;
    step.record('run.status', null, { status, from: previous });
  }
  world.status = status === 'running' && world.paused ? 'paused' : status;
}

/** A short fingerprint of a machine's state and data, journaled with every event for replay checks. */
export function stateHash(snapshot: { value: unknown; context: unknown }): string {
  return hashText(
    JSON.stringify(snapshot.context),
    hashText(JSON.stringify(snapshot.value)),
  ).toString(36);
}
