// Publishing an event in a run: the journal, the map's tracker, a delivery per subscribed
// reaction (and, at the duplicate rate, a second one), and the flows awaiting it.
import type { Subscription } from '../../src-shared/compiler/map/mapTypes';
import { brokerSettings, mapOf } from './brokerMap';
import { scheduleDelivery } from './deliveries';
import type { RunWorld, StepBuilder } from './RunWorld';

/** An event to publish, and who publishes it. */
interface PublishedEvent {
  readonly type: string;
  readonly node?: string;
  readonly payload: Record<string, unknown>;
  readonly by: string;
  readonly actor: string | null;
  /** Set by an idempotent reaction: the event it handles, itself and its publishing step. */
  readonly outbox?: string;
}

/** What every delivery of one published event carries. */
interface Published {
  readonly eventId: string;
  readonly type: string;
  readonly node: string;
  readonly payload: Record<string, unknown>;
  readonly correlationId: string;
}

/**
 * Publishes an event in the run: journals it, tells the map's tracker, schedules a delivery to
 * every reaction subscribed to it (and, at the duplicate rate, a second one: at-least-once), and
 * hands it to flows awaiting it. Every event carries the run's correlation id.
 */
export async function publishEvent(
  world: RunWorld,
  step: StepBuilder,
  event: PublishedEvent,
): Promise<string> {
  const sent = event.outbox === undefined ? undefined : world.state.outbox?.[event.outbox];
  if (sent !== undefined) return publishAgain(world, step, event, sent);
  const eventId = `ev${++world.state.nextEvent}`;
  if (event.outbox !== undefined)
    world.state.outbox = { ...world.state.outbox, [event.outbox]: eventId };
  const { correlationId, payload } = recordPublish(step, world, event, eventId, false);
  const map = mapOf(world);
  if (map) {
    const nodes = event.node
      ? [event.node]
      : Object.keys(map.broker.eventNames).filter(
          (node) => map.broker.eventNames[node] === event.type,
        );
    for (const node of nodes) {
      if (world.actors.has('tracker') && world.state.outcome === undefined) {
        await world.send(
          'tracker',
          { type: 'event.published', eventType: node, eventId, service: event.by },
          step,
        );
      }
      const published = { eventId, type: event.type, node, payload, correlationId };
      for (const subscription of map.broker.subscriptions[node] ?? [])
        scheduleDeliveries(world, step, published, subscription);
    }
  }
  wakeAwaitingFlows(world, step, event.type, { eventId, payload, correlationId });
  return eventId;
}

/** A delivery to one subscribed reaction and, at the duplicate rate, a second one later. */
function scheduleDeliveries(
  world: RunWorld,
  step: StepBuilder,
  published: Published,
  subscription: Subscription,
): void {
  const { eventId } = published;
  const delivery = { ...published, subscription, attempt: 1 };
  scheduleDelivery(world, step, delivery, 0);
  const duplicate = world.choice(`duplicate:${eventId}:${subscription.reaction}`).fraction();
  if (duplicate < brokerSettings(world).duplicateRate) {
    const delay = world
      .choice(`duplicate-delay:${eventId}:${subscription.reaction}`)
      .between(1, 50);
    scheduleDelivery(world, step, { ...delivery, duplicate: true }, delay);
  }
}

/** Hands the event to the flows awaiting an event of its type and correlation. */
function wakeAwaitingFlows(
  world: RunWorld,
  step: StepBuilder,
  type: string,
  event: Pick<Published, 'eventId' | 'payload' | 'correlationId'>,
): void {
  const { eventId, payload, correlationId } = event;
  for (const wait of [...world.waits.values()]) {
    if (
      wait.kind !== 'await' ||
      wait.data.eventType !== type ||
      wait.data.correlation !== correlationId
    )
      continue;
    step.remove(wait.id);
    step.schedule(world.nowMs, 'message', wait.actor, {
      request: wait.data.request,
      elementId: wait.data.elementId,
      payload,
      eventId,
    });
  }
}

/** Journals a publish; the payload carries the run's correlation id unless it has its own. */
function recordPublish(
  step: StepBuilder,
  world: RunWorld,
  event: PublishedEvent,
  eventId: string,
  again: boolean,
) {
  const correlationId =
    typeof event.payload.correlationId === 'string'
      ? event.payload.correlationId
      : world.correlationId;
  const payload = { ...event.payload, correlationId };
  step.record('publish', event.actor, {
    eventId,
    type: event.type,
    ...(event.node ? { node: event.node } : {}),
    correlationId,
    payload,
    by: event.by,
    ...(again ? { again: true } : {}),
  });
  return { correlationId, payload };
}

/**
 * An idempotent reaction publishes again what it published for an event it handled before: the
 * same event id, journaled as published again, delivered to every subscriber as a duplicate. The
 * tracker and waiting flows heard of it the first time.
 */
function publishAgain(
  world: RunWorld,
  step: StepBuilder,
  event: PublishedEvent,
  eventId: string,
): string {
  const { correlationId, payload } = recordPublish(step, world, event, eventId, true);
  const { node, type } = event;
  // A reaction always names the event type node it publishes.
  if (!node) return eventId;
  for (const subscription of mapOf(world)?.broker.subscriptions[node] ?? []) {
    const delivery = { eventId, type, node, payload, correlationId, subscription };
    scheduleDelivery(world, step, { ...delivery, attempt: 1, duplicate: true }, 0);
  }
  return eventId;
}
