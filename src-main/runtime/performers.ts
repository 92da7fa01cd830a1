import { statusOfOutcome } from '../../src-shared/compiler/machineTypes';
import type { RunStatus } from '../../src-shared/runtime/runReport';
import { deliver, publishEvent, startMap } from './broker';
import { performEffect, replyOf } from './calls';
import { evaluate, isRecord, textOr } from './expressions';
import { contextOf } from './machines';
import type { AgendaRow } from './RunStore';
import type { Performer, RunWorld, StepBuilder } from './RunWorld';

const reply = (item: AgendaRow) => (item.data.reply ?? {}) as Record<string, unknown>;

/** Records the result of a request; the journal pairs them by the request's seq. */
function result(
  step: StepBuilder,
  item: AgendaRow,
  outcome: string,
  extra: Record<string, unknown> = {},
) {
  step.record('result', item.actor, {
    request: item.data.request,
    outcome,
    ...(typeof item.data.elementId === 'string' ? { elementId: item.data.elementId } : {}),
    ...extra,
  });
}

const start: Performer = async (world, item, step) => {
  if (world.definition.kind === 'map') await startMap(world, step);
  else
    await world.send('flow', { type: 'instance.start', input: world.scenario.input ?? {} }, step);
  for (const event of world.scenario.events ?? []) {
    step.schedule(event.atMs, 'outside-event', 'outside', {
      type: event.type,
      payload: event.payload ?? {},
    });
  }
  void item;
};

const replyPerformer: Performer = async (world, item, step) => {
  const { event, outcome } = await replyOf(world, step, item);
  result(step, item, outcome, typeof event.error === 'string' ? { error: event.error } : {});
  await world.send(item.actor, event, step);
};

const lateEffect: Performer = async (world, item, step) => {
  await performEffect(world, step, item, true);
};

const timer: Performer = async (world, item, step) => {
  result(step, item, 'fired');
  await world.send(item.actor, { type: 'timer.fired', timerId: item.data.timerId }, step);
};

const person: Performer = async (world, item, step) => {
  const decision = item.data.decision === 'reject' ? 'reject' : 'approve';
  result(step, item, decision, item.data.by ? { by: item.data.by } : {});
  const output = isRecord(item.data.output) ? { output: item.data.output } : {};
  await world.send(
    item.actor,
    { type: `user.${decision}`, elementId: item.data.elementId, ...output },
    step,
  );
};

/** A gateway's conditions in order (the first that holds wins, else the default), or a reaction's condition. */
const decide: Performer = async (world, item, step) => {
  const actor = world.actors.get(item.actor);
  const data =
    item.data.mode === 'map' ? item.data.data : contextOf<{ data?: unknown }>(actor)?.data;
  if (item.data.mode === 'map') {
    const holds = await evaluate(textOr(item.data.condition, 'true'), data ?? {});
    if (!holds.ok) {
      result(step, item, 'failed', { error: holds.message });
      await world.send(
        item.actor,
        { type: 'condition.failed', ...reply(item), error: holds.message },
        step,
      );
      return;
    }
    result(step, item, holds.value === true ? 'holds' : 'skipped');
    await world.send(
      item.actor,
      { type: 'condition.decided', ...reply(item), holds: holds.value === true },
      step,
    );
    return;
  }
  const conditions = (item.data.conditions ?? []) as { connectionId: string; condition: string }[];
  let taken: string | undefined;
  for (const { connectionId, condition } of conditions) {
    const value = await evaluate(condition, data ?? {});
    if (!value.ok) {
      fail(
        world,
        step,
        `the condition of ${connectionId} at ${String(item.data.elementId)} could not be evaluated: ${value.message}`,
      );
      return;
    }
    if (value.value === true) {
      taken = connectionId;
      break;
    }
  }
  taken ??= typeof item.data.default === 'string' ? item.data.default : undefined;
  if (!taken) {
    fail(
      world,
      step,
      `no condition holds at gateway ${String(item.data.elementId)} and it has no default path`,
    );
    return;
  }
  result(step, item, taken);
  await world.send(
    item.actor,
    { type: 'gateway.decided', elementId: item.data.elementId, connectionId: taken },
    step,
  );
};

const publish: Performer = async (world, item, step) => {
  const payload = isRecord(item.data.payload) ? item.data.payload : {};
  const eventId = await publishEvent(world, step, {
    type: String(item.data.type),
    ...(typeof item.data.node === 'string' ? { node: item.data.node } : {}),
    payload,
    by: textOr(item.data.by, item.actor),
    actor: item.actor,
    ...(typeof item.data.outbox === 'string' ? { outbox: item.data.outbox } : {}),
  });
  result(step, item, 'published', { eventId });
  await world.send(item.actor, { type: 'publish.done', ...reply(item) }, step);
};

const outsideEvent: Performer = async (world, item, step) => {
  await publishEvent(world, step, {
    type: String(item.data.type),
    payload: isRecord(item.data.payload) ? item.data.payload : {},
    by: textOr(item.data.by, 'outside'),
    actor: null,
  });
};

const message: Performer = async (world, item, step) => {
  result(step, item, 'received', { eventId: item.data.eventId });
  const payload = isRecord(item.data.payload) ? item.data.payload : {};
  await world.send(
    item.actor,
    { type: 'message.received', elementId: item.data.elementId, output: payload },
    step,
  );
};

const subflowStart: Performer = async (world, item, step) => {
  const key = String(item.data.flow);
  if (!world.definition.flows[key]) {
    const error = `the flow ${key} is not in this workspace (or next to the file), so it cannot start`;
    result(step, item, 'failed', { error });
    await world.send(item.actor, { type: 'subflow.failed', ...reply(item), error }, step);
    return;
  }
  const id = `sub:${++world.state.nextSub}`;
  world.createActor(
    id,
    {
      machine: key,
      part: { kind: 'flow' },
      parent: { actor: item.actor, reply: { ...reply(item), request: item.data.request } },
    },
    step,
  );
  await world.send(
    id,
    { type: 'instance.start', input: isRecord(item.data.input) ? item.data.input : {} },
    step,
  );
};

const subflowDone: Performer = async (world, item, step) => {
  const status = String(item.data.status);
  const replyTo = reply(item);
  step.record('result', item.actor, {
    request: replyTo.request,
    outcome: status,
    child: item.data.child,
  });
  const { request: _request, ...fields } = replyTo;
  const event =
    status === 'completed'
      ? {
          type: 'subflow.completed',
          ...fields,
          ...(isRecord(item.data.output) ? { output: item.data.output } : {}),
        }
      : { type: 'subflow.failed', ...fields, status, error: `the flow ended ${status}` };
  await world.send(item.actor, event, step);
};

/** A problem the run cannot get past (a gateway with no way out): it ends failed. */
export function fail(world: RunWorld, step: StepBuilder, message: string): void {
  world.state.fault = message;
  step.record('fault', null, { message });
  for (const item of [...world.agenda, ...world.waits.values(), ...world.blocked.values()])
    step.remove(item.id);
}

/**
 * After an actor's event: an actor that reached a final state ends what it started. The root
 * flow sets the run's outcome; a map's tracker sets the instance's; a started flow reports to the
 * actor that started it. What the finished actor still had pending is dropped, except side
 * effects a service performs late (they happen whatever the caller does).
 */
export function onActorDone(world: RunWorld, actorId: string, step: StepBuilder): void {
  const snapshot = world.actors.get(actorId)?.getSnapshot() as
    { status: string; value: unknown; context: { data?: unknown } } | undefined;
  if (snapshot && snapshot.status !== 'done') dropLeftWaits(world, actorId, snapshot.value, step);
  if (snapshot?.status !== 'done') return;
  const finalState = typeof snapshot.value === 'string' ? snapshot.value : '';
  if (actorId === 'tracker') {
    world.state.outcome = finalState.replace(/^__/, '') as RunStatus;
    return;
  }
  const status = (statusOfOutcome[finalState] ?? 'failed') as RunStatus;
  for (const item of [...world.agenda, ...world.waits.values()]) {
    if (item.actor !== actorId || item.kind === 'late-effect') continue;
    step.remove(item.id);
    const outcome = item.kind === 'timer' ? 'cancelled' : 'abandoned';
    if (typeof item.data.request === 'number')
      step.record('result', actorId, { request: item.data.request, outcome });
  }
  const info = world.state.actors[actorId];
  if (actorId === 'flow') {
    world.state.outcome = status;
  } else if (info?.parent) {
    step.schedule(world.nowMs, 'subflow-done', info.parent.actor, {
      status,
      child: actorId,
      output: snapshot.context.data ?? {},
      reply: info.parent.reply,
    });
  }
}

/**
 * A machine that left a user task or a message catch another way (its deadline or a boundary
 * fired) no longer waits there: the wait goes, so nobody can decide a task that is over.
 */
function dropLeftWaits(world: RunWorld, actorId: string, value: unknown, step: StepBuilder): void {
  let active: string | undefined;
  for (const wait of world.waits.values()) {
    if (wait.actor !== actorId || wait.kind === 'hung') continue;
    active ??= JSON.stringify(value);
    if (active.includes(JSON.stringify(String(wait.data.elementId)))) continue;
    step.remove(wait.id);
    if (typeof wait.data.request === 'number') {
      step.record('result', actorId, { request: wait.data.request, outcome: 'abandoned' });
    }
  }
}

/** Agenda items by kind; `hung`, `await` and undecided `person` items wait and are never due. */
export const performers: Record<string, Performer> = {
  start,
  reply: replyPerformer,
  'late-effect': lateEffect,
  timer,
  person,
  decide,
  publish,
  'outside-event': outsideEvent,
  message,
  delivery: (world, item, step) => deliver(world, item, step),
  'subflow-start': subflowStart,
  'subflow-done': subflowDone,
};
