import { BatonError } from '../../src-shared/contract/errors';
import type { MockOutcome } from '../../src-shared/model/catalog';
import type { Decision } from '../../src-shared/runtime/scenario';
import { CALL_IN_FLIGHT, rescheduleCall } from './calls';
import { contextOf } from './machines';
import type { AgendaRow, JournalRow } from './RunStore';
import type { RunWorld, StepBuilder } from './RunWorld';

/**
 * What a person puts into a run (DESIGN.md §3, "Debugger"): each is applied as one piece of work
 * between steps and journaled first with `by: 'person'`, so resuming, replaying and branching the
 * run apply it again at the same point, and re-simulation knows the run was steered by hand.
 */
export type InputWork = (step: StepBuilder) => Promise<void>;

/** Looks up a journal entry of the run being steered (the request of a call in flight). */
export type EntryLookup = (seq: number) => JournalRow | undefined;

export function cancelWork(world: RunWorld): InputWork {
  return (step) => {
    for (const item of [...world.agenda, ...world.waits.values(), ...world.blocked.values()])
      step.remove(item.id);
    world.status = 'cancelled';
    world.endedAtMs = world.nowMs;
    step.record('run.status', null, { status: 'cancelled', by: 'person' });
    return Promise.resolve();
  };
}

export function decideWork(
  world: RunWorld,
  elementId: string,
  decision: Decision,
  output?: Record<string, unknown>,
): InputWork {
  const wait = [...world.waits.values()].find(
    (item) =>
      (item.kind === 'person' || item.kind === 'ignored') && item.data.elementId === elementId,
  );
  if (!wait)
    throw new BatonError(
      'conflict',
      `run ${world.uid} is not waiting for a decision on ${elementId}`,
    );
  return (step) => {
    step.record('person.decided', wait.actor, {
      elementId,
      decision,
      by: 'person',
      ...(output ? { output } : {}),
    });
    step.remove(wait.id);
    step.schedule(world.nowMs, 'person', wait.actor, {
      ...wait.data,
      decision,
      by: 'person',
      ...(output ? { output } : {}),
    });
    return Promise.resolve();
  };
}

export function publishWork(
  world: RunWorld,
  type: string,
  payload: Record<string, unknown>,
): InputWork {
  return (step) => {
    step.record('person.published', null, { type, payload, by: 'person' });
    step.schedule(world.nowMs, 'outside-event', 'outside', { type, payload, by: 'person' });
    return Promise.resolve();
  };
}

/**
 * The unanswered call a forced outcome applies to: the earliest whose caller still waits for its
 * reply (a call that already timed out is not in flight, even if its late effect is pending),
 * with every agenda item it has.
 */
export function callInFlight(world: RunWorld, key: string): AgendaRow[] {
  const items = [...world.agenda, ...world.waits.values()].filter((item) => {
    if (!CALL_IN_FLIGHT.has(item.kind) || typeof item.data.request !== 'number') return false;
    const byOperation = `${String(item.data.service)}.${String(item.data.operation)}`;
    return byOperation === key || (item.data.mode !== 'compensate' && item.data.elementId === key);
  });
  const awaited = items.filter((item) => item.kind !== 'late-effect');
  if (awaited.length === 0) return [];
  const first = Math.min(...awaited.map((item) => item.data.request as number));
  return items.filter((item) => item.data.request === first);
}

/** Whether a forced outcome's key names something the run can call. */
function assertKnownKey(world: RunWorld, key: string): void {
  const pinned = [world.definition.root, ...Object.values(world.definition.flows)];
  if (pinned.some((machine) => Object.hasOwn(machine.names, key))) return;
  if (/^[^.\s]+\.[^.\s]+$/.test(key)) return;
  throw new BatonError(
    'invalid-input',
    `"${key}" is neither an element of the run nor a Service.operation`,
  );
}

/**
 * Forces a mock's next answer: a call of the key in flight gets `outcome` (its reply rescheduled
 * with the latency it had), else the next attempt of it does.
 */
export function forceOutcomeWork(
  world: RunWorld,
  key: string,
  outcome: MockOutcome,
  lookup: EntryLookup,
): InputWork {
  assertKnownKey(world, key);
  const items = callInFlight(world, key);
  const request = items[0]?.data.request as number | undefined;
  const requested = request === undefined ? undefined : lookup(request);
  if (request !== undefined && !requested)
    throw new Error(`the journal has no request ${request} for the call in flight`);
  return (step) => {
    step.record('outcome.forced', null, {
      key,
      outcome,
      by: 'person',
      ...(request === undefined ? {} : { request }),
    });
    if (requested) {
      rescheduleCall(
        world,
        step,
        items,
        {
          atMs: requested.atMs,
          planned: requested.data.planned as { latencyMs: number; timeoutMs?: number },
        },
        outcome,
      );
    } else {
      world.state.forced = { ...world.state.forced, [key]: outcome };
    }
    return Promise.resolve();
  };
}

/** The actor whose data is the instance data: the root flow. */
export function instanceActor(world: RunWorld): string {
  if (world.definition.kind === 'map')
    throw new BatonError(
      'invalid-input',
      "a map's instance has no data of its own to edit; its services' data comes with each event",
    );
  return 'flow';
}

/** Replaces the instance data where the run is (journaled with the data before and after). */
export function editDataWork(world: RunWorld, data: Record<string, unknown>): InputWork {
  const actor = instanceActor(world);
  const before = contextOf<{ data?: unknown }>(world.actors.get(actor))?.data ?? {};
  return (step) => {
    step.record('data.edited', actor, { by: 'person', before, data });
    world.replaceData(actor, data);
    return Promise.resolve();
  };
}

/**
 * The input a journal entry records, as work to apply to another world at the same point (a
 * branch re-made from its parent's journal); undefined for entries a step writes by itself.
 */
export function inputOf(
  world: RunWorld,
  entry: JournalRow,
  lookup: EntryLookup,
): InputWork | undefined {
  const data = entry.data;
  switch (entry.kind) {
    case 'person.decided':
      return decideWork(
        world,
        String(data.elementId),
        data.decision as Decision,
        data.output as Record<string, unknown> | undefined,
      );
    case 'person.published':
      return publishWork(world, String(data.type), data.payload as Record<string, unknown>);
    case 'outcome.forced':
      return forceOutcomeWork(world, String(data.key), data.outcome as MockOutcome, lookup);
    case 'data.edited':
      return editDataWork(world, data.data as Record<string, unknown>);
    case 'run.status':
      return data.by === 'person' && data.status === 'cancelled' ? cancelWork(world) : undefined;
    default:
      return undefined;
  }
}
