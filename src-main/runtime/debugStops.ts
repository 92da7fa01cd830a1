import type { Breakpoint, DebugStop, StepUntil } from '../../src-shared/runtime/debug';
import { evaluate } from './expressions';
import { contextOf } from './machines';
import type { JournalRow } from './RunStore';
import type { RunWorld } from './RunWorld';

/** What one step did that a breakpoint or a step's `until` can stop at. */
export interface StepFacts {
  /** Elements of the run's document entered, in journal order, with the actor that entered them. */
  readonly entered: readonly { readonly elementId: string; readonly actor: string }[];
  /** Connections taken. */
  readonly edges: readonly string[];
  /** Events published or delivered. */
  readonly events: readonly {
    readonly type: string;
    readonly payload: unknown;
    readonly actor: string | null;
  }[];
  /** The last event a machine got in the step, by actor. */
  readonly machineEvents: ReadonlyMap<string, unknown>;
}

/** Actors that run the document itself (started flows run other documents). */
const ownActor = (actor: string | null): actor is string =>
  actor !== null && !actor.startsWith('sub:');

/**
 * Reads a step's journal entries: an element is entered when it becomes active in its actor's
 * state or a call, timer or wait is requested for it (a retry enters it again); a connection is
 * taken when its target is entered and its source was active before the step (or entered in it,
 * or is where the instance started); a map's reaction is taken when its event is delivered.
 */
export function stepFacts(
  world: RunWorld,
  journal: readonly JournalRow[],
  activeBefore: Readonly<Record<string, readonly string[]>>,
): StepFacts {
  const entered: { elementId: string; actor: string }[] = [];
  const seen = new Set<string>();
  const enter = (elementId: string, actor: string) => {
    if (seen.has(elementId)) return;
    seen.add(elementId);
    entered.push({ elementId, actor });
  };
  const events: { type: string; payload: unknown; actor: string | null }[] = [];
  const machineEvents = new Map<string, unknown>();
  const reactions: string[] = [];
  let started = false;
  const active = world.state.active ?? {};
  for (const entry of journal) {
    const data = entry.data;
    if (entry.kind === 'event' && ownActor(entry.actor)) {
      machineEvents.set(entry.actor, data.event);
      if ((data.event as { type?: string }).type === 'instance.start') started = true;
      const was = new Set(activeBefore[entry.actor] ?? []);
      for (const elementId of active[entry.actor] ?? [])
        if (!was.has(elementId)) enter(elementId, entry.actor);
    } else if (
      entry.kind === 'request' &&
      ownActor(entry.actor) &&
      typeof data.elementId === 'string'
    ) {
      enter(data.elementId, entry.actor);
    } else if (entry.kind === 'publish') {
      events.push({ type: String(data.type), payload: data.payload, actor: entry.actor });
      if (typeof data.node === 'string' && world.definition.kind === 'map')
        enter(data.node, entry.actor ?? 'outside');
    } else if (entry.kind === 'delivery') {
      events.push({ type: String(data.type), payload: undefined, actor: entry.actor });
      if (typeof data.reaction === 'string') reactions.push(data.reaction);
      if (typeof data.service === 'string' && entry.actor) enter(data.service, entry.actor);
    }
  }
  return {
    entered,
    edges: edgesTaken(world, activeBefore, seen, started, reactions, journal),
    events,
    machineEvents,
  };
}

function edgesTaken(
  world: RunWorld,
  activeBefore: Readonly<Record<string, readonly string[]>>,
  entered: ReadonlySet<string>,
  started: boolean,
  reactions: readonly string[],
  journal: readonly JournalRow[],
): string[] {
  const connections = world.definition.connections ?? [];
  if (connections.length === 0) return [];
  const before = new Set(
    Object.entries(activeBefore).flatMap(([actor, ids]) => (ownActor(actor) ? ids : [])),
  );
  const targets = new Set(connections.map((connection) => connection.target));
  const sources = new Set(connections.map((connection) => connection.source));
  // The instance ended in this step: it left an active element for an end (no way out).
  const ended = journal.some(
    (entry) =>
      entry.kind === 'event' &&
      ownActor(entry.actor) &&
      (world.actors.get(entry.actor)?.getSnapshot() as { status?: string } | undefined)?.status ===
        'done',
  );
  const taken = new Set(reactions.filter((id) => connections.some((c) => c.id === id)));
  for (const { id, source, target } of connections) {
    if (entered.has(target)) {
      if (before.has(source) || entered.has(source) || (started && !targets.has(source)))
        taken.add(id);
    } else if (ended && before.has(source) && !sources.has(target)) {
      taken.add(id);
    }
  }
  return [...taken];
}

/** One way a breakpoint matches a step: the element or event that caused it. */
interface Hit {
  readonly elementId?: string;
  readonly eventType?: string;
  readonly payload?: unknown;
  readonly actor: string | null;
}

function hitsOf(world: RunWorld, breakpoint: Breakpoint, facts: StepFacts): Hit[] {
  switch (breakpoint.kind) {
    case 'element':
      return facts.entered
        .filter((entry) => entry.elementId === breakpoint.target)
        .map((entry) => ({ elementId: entry.elementId, actor: entry.actor }));
    case 'edge': {
      if (!facts.edges.includes(breakpoint.target)) return [];
      // The stop names the element the connection led to.
      const target = world.definition.connections?.find((c) => c.id === breakpoint.target)?.target;
      const entry = facts.entered.find((candidate) => candidate.elementId === target);
      return [{ ...(target ? { elementId: target } : {}), actor: entry?.actor ?? null }];
    }
    case 'event':
      return facts.events
        .filter((event) => event.type === breakpoint.target)
        .map((event) => ({ eventType: event.type, payload: event.payload, actor: event.actor }));
  }
}

/** The instance data a condition sees: the root flow's, or the data of the map's actor concerned. */
function dataFor(world: RunWorld, actor: string | null): unknown {
  const own =
    actor && world.actors.has(actor) ? actor : world.definition.kind === 'map' ? 'tracker' : 'flow';
  return contextOf<{ data?: unknown }>(world.actors.get(own))?.data ?? {};
}

/**
 * Where a step of a run stops: at the first enabled breakpoint it meets whose condition holds (a
 * condition that cannot be evaluated stops it too, saying why), else where `until` says.
 */
export async function findStop(
  world: RunWorld,
  facts: StepFacts,
  seq: number,
  until?: StepUntil,
): Promise<DebugStop | undefined> {
  for (const [index, breakpoint] of world.breakpoints.entries()) {
    if (breakpoint.enabled === false) continue;
    for (const hit of hitsOf(world, breakpoint, facts)) {
      const stop: DebugStop = {
        reason: 'breakpoint',
        seq,
        breakpoint: { index, breakpoint },
        ...(hit.elementId ? { elementId: hit.elementId } : {}),
        ...(hit.eventType ? { eventType: hit.eventType } : {}),
      };
      if (!breakpoint.condition?.trim()) return stop;
      const result = await evaluate(breakpoint.condition, {
        data: dataFor(world, hit.actor),
        event: hit.actor ? facts.machineEvents.get(hit.actor) : undefined,
        elementId: hit.elementId,
        eventType: hit.eventType,
        payload: hit.payload,
      });
      if (!result.ok)
        return { ...stop, message: `the breakpoint's condition failed: ${result.message}` };
      if (result.value) return stop;
    }
  }
  if (until === undefined) return undefined;
  if (until === 'event') return { reason: 'step', seq };
  const first = facts.entered[0];
  if (until === 'element')
    return first ? { reason: 'step', seq, elementId: first.elementId } : undefined;
  return facts.entered.some((entry) => entry.elementId === until.toElement)
    ? { reason: 'run-to', seq, elementId: until.toElement }
    : undefined;
}
