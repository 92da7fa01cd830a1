// Making a run's world: a fresh one wired to the runtime's performers and requesters, or one
// loaded from storage (its machines rebuilt from the last snapshot and the journal since).
import { serviceRequesters } from './broker';
import type { RunDefinition } from './definition';
import { flowRequesters } from './flowEffects';
import { loadMachine, sendEvent, startActor } from './machines';
import { onActorDone, performers } from './performers';
import type { RunRow, RunStore } from './RunStore';
import { RunWorld, type WorldState } from './RunWorld';
import type { SavedSnapshot } from './worldState';

const requesters = { flow: flowRequesters, service: serviceRequesters };

/** A world for a run, acting through the runtime's performers and requesters. */
export function makeWorld(row: RunRow, definition: RunDefinition, state: WorldState): RunWorld {
  const world = new RunWorld(row, definition, state, performers, requesters);
  world.onSent = onActorDone;
  return world;
}

/** Loads a run from storage: its machines rebuilt from the last snapshot and the journal since. */
export function loadWorld(store: RunStore, row: RunRow): RunWorld {
  const definition = JSON.parse(store.blob(row.definitionHash)) as RunDefinition;
  const state = JSON.parse(row.state) as WorldState;
  const world = makeWorld(row, definition, state);
  const snapshot = store.snapshotAtOrBefore(row.id, state.seq);
  let after = 0;
  if (snapshot) {
    const saved = JSON.parse(snapshot.state) as SavedSnapshot;
    for (const [id, persisted] of Object.entries(saved.actors)) {
      const info = saved.state.actors[id] ?? state.actors[id];
      if (info)
        world.actors.set(
          id,
          startActor(loadMachine(world.machineText(info.machine), info.part), persisted),
        );
    }
    after = snapshot.seq;
  }
  replayJournalSince(store, row, world, after);
  for (const entry of store.journalOfKind(row.id, 'effect')) {
    const key = String(entry.data.idempotencyKey);
    if (!world.performed.has(key))
      world.performed.set(key, { output: entry.data.output, seq: entry.seq });
  }
  for (const item of store.agenda(row.id)) world.admit(item);
  return world;
}

/** Brings a loaded world's actors from the snapshot at `after` to the run's last entry. */
function replayJournalSince(store: RunStore, row: RunRow, world: RunWorld, after: number): void {
  const state = world.state;
  for (const entry of store.journal(row.id, after, state.seq)) {
    if (entry.kind === 'actor.created' && entry.actor && !world.actors.has(entry.actor)) {
      const info = state.actors[entry.actor];
      if (info)
        world.actors.set(
          entry.actor,
          startActor(loadMachine(world.machineText(info.machine), info.part)),
        );
    } else if (entry.kind === 'event' && entry.actor) {
      const actor = world.actors.get(entry.actor);
      if (actor) sendEvent(actor, entry.data.event as { type: string });
    } else if (entry.kind === 'data.edited' && entry.actor && world.actors.has(entry.actor)) {
      world.replaceData(entry.actor, entry.data.data as Record<string, unknown>);
    }
  }
}
