import type { AnyActorRef } from 'xstate';
import { BatonError } from '../../src-shared/contract/errors';
import type { RunDefinition } from './definition';
import { loadMachine, sendEvent, startActor, withData, type MachinePart } from './machines';
import type { JournalRow, RunRow, RunStore } from './RunStore';
import { stateHash, type ActorInfo } from './RunWorld';
import type { SavedSnapshot } from './worldState';

/** Where a replay found a machine in another state than the journal recorded. */
export interface ReplayMismatch {
  readonly seq: number;
  readonly actor: string;
  readonly recorded: unknown;
  readonly replayed: unknown;
}

export interface ReplayResult {
  readonly runId: string;
  /** Journal entries read, and machine events replayed among them. */
  readonly entries: number;
  readonly events: number;
  readonly mismatches: readonly ReplayMismatch[];
  readonly ok: boolean;
}

/** What every machine of a run held after a given journal entry. */
export interface RunStateAt {
  readonly runId: string;
  readonly seq: number;
  readonly atMs: number;
  readonly actors: Readonly<
    Record<string, { readonly value: unknown; readonly context: unknown; readonly status: string }>
  >;
}

function textOf(definition: RunDefinition, machine: string): string {
  if (machine === 'root') return definition.root.text;
  const flow = definition.flows[machine];
  if (!flow) throw new Error(`the run has no pinned flow "${machine}"`);
  return flow.text;
}

function actorFor(
  definition: RunDefinition,
  info: { machine: string; part: MachinePart },
  snapshot?: unknown,
): AnyActorRef {
  return startActor(loadMachine(textOf(definition, info.machine), info.part), snapshot);
}

function runOf(store: RunStore, runId: string): { row: RunRow; definition: RunDefinition } {
  const row = store.runByUid(runId);
  if (!row) throw new BatonError('not-found', `there is no run ${runId}`);
  return { row, definition: JSON.parse(store.blob(row.definitionHash)) as RunDefinition };
}

/**
 * Applies one journal entry to a set of actors (a creation, an event, or instance data a person
 * replaced); returns whether it was an event.
 */
function apply(
  definition: RunDefinition,
  actors: Map<string, AnyActorRef>,
  entry: JournalRow,
): boolean {
  if (entry.kind === 'actor.created' && entry.actor) {
    actors.set(entry.actor, actorFor(definition, entry.data as unknown as ActorInfo));
    return false;
  }
  if (entry.kind === 'data.edited' && entry.actor) {
    const actor = actors.get(entry.actor);
    if (actor) actors.set(entry.actor, withData(actor, entry.data.data as Record<string, unknown>));
    return false;
  }
  if (entry.kind !== 'event' || !entry.actor) return false;
  const actor = actors.get(entry.actor);
  if (!actor)
    throw new Error(
      `journal entry ${entry.seq} names actor ${entry.actor}, which was never created`,
    );
  sendEvent(actor, entry.data.event as { type: string });
  return true;
}

/**
 * Replays a run's journal from the start on fresh machines (the pinned ones) and checks that
 * every event leads to the state and data the journal recorded: a run is reproducible exactly.
 * Effects the machines ask for during a replay are not performed.
 */
export function replayRun(
  store: RunStore,
  runId: string,
  onEntry?: (entry: JournalRow) => void,
): ReplayResult {
  const { row, definition } = runOf(store, runId);
  const actors = new Map<string, AnyActorRef>();
  const mismatches: ReplayMismatch[] = [];
  // Only machine creations and events drive the machines; the rest is read only when asked for.
  const journal = onEntry ? store.journal(row.id) : store.machineEvents(row.id);
  const entries = onEntry ? journal.length : store.lastSeq(row.id);
  let events = 0;
  for (const entry of journal) {
    onEntry?.(entry);
    if (!apply(definition, actors, entry)) continue;
    events += 1;
    const snapshot = (actors.get(entry.actor as string) as AnyActorRef).getSnapshot() as {
      value: unknown;
      context: unknown;
    };
    if (stateHash(snapshot) !== entry.data.hash) {
      mismatches.push({
        seq: entry.seq,
        actor: entry.actor as string,
        recorded: entry.data.value,
        replayed: snapshot.value,
      });
    }
  }
  return { runId, entries, events, mismatches, ok: mismatches.length === 0 };
}

/**
 * The state of every machine of a run right after journal entry `seq`: restored from the nearest
 * snapshot before it, then the few events in between replayed. Fast at any point of a long run.
 */
export function runStateAt(store: RunStore, runId: string, seq: number): RunStateAt {
  const { row, definition } = runOf(store, runId);
  const last = store.lastSeq(row.id);
  const target = Math.max(0, Math.min(seq, last));
  const actors = new Map<string, AnyActorRef>();
  let after = 0;
  const snapshot = store.snapshotAtOrBefore(row.id, target);
  if (snapshot) {
    const saved = JSON.parse(snapshot.state) as SavedSnapshot;
    for (const [id, persisted] of Object.entries(saved.actors)) {
      const info = saved.state.actors[id];
      if (info) actors.set(id, actorFor(definition, info, persisted));
    }
    after = snapshot.seq;
  }
  let atMs = 0;
  const entries = store.journal(row.id, after, target);
  for (const entry of entries) {
    apply(definition, actors, entry);
    atMs = entry.atMs;
  }
  if (entries.length === 0 && after > 0)
    atMs = store.journal(row.id, after - 1, after)[0]?.atMs ?? 0;
  const states: Record<string, { value: unknown; context: unknown; status: string }> = {};
  for (const [id, actor] of actors) {
    const current = actor.getSnapshot() as { value: unknown; context: unknown; status: string };
    states[id] = { value: current.value, context: current.context, status: current.status };
  }
  return { runId, seq: target, atMs, actors: states };
}
