import type {
  CompiledMap,
  ServiceMachineContext,
  Subscription,
} from '../../src-shared/compiler/map/mapTypes';
import { downUntil } from '../../src-shared/runtime/mocks';
import { requestCall } from './calls';
import { contextOf } from './machines';
import { textOr } from './expressions';
import type { AgendaRow } from './RunStore';
import type { Requester, RunWorld, StepBuilder } from './RunWorld';
import { mapReply, nodeOf, startSubflow } from './subflows';

/** Default broker timings in virtual ms (the scenario's `broker` overrides them). */
export const BROKER_LATENCY_MS = 5;
export const REDELIVERY_DELAY_MS = 1_000;

export function compiledMap(world: RunWorld): CompiledMap | undefined {
  return world.definition.kind === 'map'
    ? (JSON.parse(world.definition.root.text) as CompiledMap)
    : undefined;
}

const mapCache = new WeakMap<RunWorld, CompiledMap | undefined>();
function mapOf(world: RunWorld): CompiledMap | undefined {
  if (!mapCache.has(world)) mapCache.set(world, compiledMap(world));
  return mapCache.get(world);
}

/** The broker's settings for this run: the map's, under the scenario's. */
function settings(world: RunWorld) {
  const map = mapOf(world);
  const fromScenario = world.scenario.broker ?? {};
  return {
    duplicateRate: fromScenario.duplicateRate ?? map?.broker.settings.duplicateRate ?? 0,
    maxDeliveries: fromScenario.maxDeliveries ?? map?.broker.settings.maxDeliveries ?? 5,
    deadLetterQueue: map?.broker.settings.deadLetterQueue ?? true,
    latencyMs: fromScenario.latencyMs ?? BROKER_LATENCY_MS,
    redeliveryDelayMs: fromScenario.redeliveryDelayMs ?? REDELIVERY_DELAY_MS,
  };
}

/**
 * Publishes an event in the run: journals it, tells the map's tracker, schedules a delivery to
 * every reaction subscribed to it (and, at the duplicate rate, a second one: at-least-once), and
 * hands it to flows awaiting it. Every event carries the run's correlation id.
 */
export async function publishEvent(
  world: RunWorld,
  step: StepBuilder,
  event: {
    readonly type: string;
    readonly node?: string;
    readonly payload: Record<string, unknown>;
    readonly by: string;
    readonly actor: string | null;
    /** Set by an idempotent reaction: the event it handles, itself and its publishing step. */
    readonly outbox?: string;
  },
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
      for (const subscription of map.broker.subscriptions[node] ?? []) {
        const delivery = {
          eventId,
          type: event.type,
          node,
          payload,
          correlationId,
          subscription,
          attempt: 1,
        };
        scheduleDelivery(world, step, delivery, 0);
        const duplicate = world.choice(`duplicate:${eventId}:${subscription.reaction}`).fraction();
        if (duplicate < settings(world).duplicateRate) {
          const delay = world
            .choice(`duplicate-delay:${eventId}:${subscription.reaction}`)
            .between(1, 50);
          scheduleDelivery(world, step, { ...delivery, duplicate: true }, delay);
        }
      }
    }
  }
  for (const wait of [...world.waits.values()]) {
    if (
      wait.kind !== 'await' ||
      wait.data.eventType !== event.type ||
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
  return eventId;
}

/** Journals a publish; the payload carries the run's correlation id unless it has its own. */
function recordPublish(
  step: StepBuilder,
  world: RunWorld,
  event: Parameters<typeof publishEvent>[2],
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
  event: Parameters<typeof publishEvent>[2],
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

interface Delivery {
  readonly eventId: string;
  readonly type: string;
  readonly node: string;
  readonly payload: Record<string, unknown>;
  readonly correlationId: string;
  readonly subscription: Subscription;
  readonly attempt: number;
  readonly duplicate?: boolean;
}

function scheduleDelivery(
  world: RunWorld,
  step: StepBuilder,
  delivery: Delivery,
  extraDelay: number,
): void {
  const deliveryId = `d${++world.state.nextDelivery}`;
  step.schedule(
    world.nowMs + settings(world).latencyMs + extraDelay,
    'delivery',
    `svc:${delivery.subscription.service}`,
    { ...delivery, deliveryId },
  );
}

/** The catalog service a map's service node stands for. */
export function serviceNameOf(world: RunWorld, node: string): string {
  return world.definition.serviceNames?.[node] ?? node;
}

/** The value events of one ordering key must keep their order by. */
function orderingKeyOf(world: RunWorld, payload: Record<string, unknown>): string {
  const field = world.definition.orderingKey;
  const value = field ? payload[field] : undefined;
  return value === undefined ? String(payload.correlationId) : JSON.stringify(value);
}

/** Where a deduplicating reaction's inbox keeps an event it has handled. */
const inboxKey = (reaction: string, eventId: string) => `${reaction}|${eventId}`;

/** A delivery as the journal keeps it. */
function deliveryRecord(
  delivery: Delivery & { deliveryId: string },
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    deliveryId: delivery.deliveryId,
    eventId: delivery.eventId,
    type: delivery.type,
    service: delivery.subscription.service,
    reaction: delivery.subscription.reaction,
    attempt: delivery.attempt,
    ...(delivery.duplicate ? { duplicate: true } : {}),
    ...extra,
  };
}

/**
 * A delivery falls due. A consumer that is down keeps it in its backlog until the window ends; a
 * consumer whose copies are all busy (or busy with an earlier event of the same ordering key)
 * keeps it blocked until one is free; otherwise an idle copy gets it.
 */
export async function deliver(world: RunWorld, item: AgendaRow, step: StepBuilder): Promise<void> {
  const delivery = item.data as unknown as Delivery & { deliveryId: string };
  const node = delivery.subscription.service;
  const service = serviceNameOf(world, node);
  const until =
    downUntil(world.scenario, service, world.nowMs) ?? downUntil(world.scenario, node, world.nowMs);
  if (until !== undefined) {
    step.record('delivery.postponed', item.actor, {
      deliveryId: delivery.deliveryId,
      eventId: delivery.eventId,
      type: delivery.type,
      service: node,
      untilMs: until,
    });
    step.schedule(until, 'delivery', item.actor, item.data);
    return;
  }
  const handled = world.state.inbox?.[inboxKey(delivery.subscription.reaction, delivery.eventId)];
  if (delivery.subscription.deduplicates && handled) {
    // The service has handled this event: its inbox drops the copy, which is acknowledged.
    step.record('delivery', item.actor, deliveryRecord(delivery, { dropped: true }));
    step.record('settle', item.actor, {
      deliveryId: delivery.deliveryId,
      eventId: delivery.eventId,
      outcome: 'dropped',
    });
    return;
  }
  const key = orderingKeyOf(world, delivery.payload);
  // Copies are made only when every existing one is busy, up to the reaction's concurrency.
  let idle: string | undefined;
  let copies = 0;
  for (; world.actors.has(`svc:${node}:${copies}`); copies += 1) {
    const id = `svc:${node}:${copies}`;
    const busy = contextOf<ServiceMachineContext>(world.actors.get(id))?.delivery ?? null;
    if (busy === null) idle ??= id;
    else if (
      busy.reaction === delivery.subscription.reaction &&
      orderingKeyOf(world, busy.payload ?? {}) === key
    ) {
      // An earlier event of the same ordering key is in flight: this one waits its turn.
      idle = undefined;
      copies = Infinity;
      break;
    }
  }
  if (!idle && copies < Math.max(1, delivery.subscription.concurrency)) {
    idle = `svc:${node}:${copies}`;
    world.createActor(idle, { machine: 'root', part: { kind: 'service', node } }, step);
  }
  if (!idle) {
    world.block(item, step);
    return;
  }
  step.record('delivery', idle, deliveryRecord(delivery));
  await world.send(
    idle,
    {
      type: 'event.delivered',
      deliveryId: delivery.deliveryId,
      eventType: delivery.node,
      reaction: delivery.subscription.reaction,
      correlationId: delivery.correlationId,
      payload: delivery.payload,
      eventId: delivery.eventId,
      attempt: delivery.attempt,
      idempotent: delivery.subscription.idempotent,
      ...(delivery.duplicate ? { duplicate: true } : {}),
    },
    step,
  );
}

type DeliveryInContext = NonNullable<ServiceMachineContext['delivery']> & {
  eventId?: string;
  attempt?: number;
  idempotent?: boolean;
};

const delivering = (context: ServiceMachineContext): DeliveryInContext | null => context.delivery;

const call: Requester = (world, actor, request, step) => {
  const context = request.context as ServiceMachineContext;
  const delivery = delivering(context);
  const { params } = request;
  const stepName = String(params.step);
  const reaction = delivery?.reaction ?? 'start';
  const eventId = delivery?.eventId ?? delivery?.deliveryId ?? 'start';
  const effectKey = `${world.correlationId}:${reaction}:${eventId}@${stepName}`;
  const idempotent = params.idempotent === true;
  requestCall(world, step, {
    actor,
    mode: 'map',
    elementId: nodeOf(actor),
    service: textOr(params.service, serviceNameOf(world, nodeOf(actor))),
    operation: textOr(params.operation, ''),
    attempt: delivery?.attempt ?? 1,
    input: context.data,
    effectKey,
    idempotencyKey: idempotent ? effectKey : `${delivery?.deliveryId ?? 'start'}@${stepName}`,
    reply: mapReply(request),
  });
  return Promise.resolve();
};

const evaluateCondition: Requester = (world, actor, request, step) => {
  const context = request.context as ServiceMachineContext;
  const requestSeq = step.record('request', actor, {
    effect: 'condition',
    elementId: nodeOf(actor),
    name: `${serviceNameOf(world, nodeOf(actor))} condition`,
    condition: request.params.condition,
  });
  step.schedule(world.nowMs, 'decide', actor, {
    request: requestSeq,
    mode: 'map',
    condition: request.params.condition,
    data: context.data,
    reply: mapReply(request),
  });
  return Promise.resolve();
};

const publish: Requester = (world, actor, request, step) => {
  const context = request.context as ServiceMachineContext;
  const delivery = delivering(context);
  const node = String(request.params.eventType);
  // An idempotent reaction knows the event it handles: what it publishes for it has a fixed id.
  const outbox =
    world.definition.outbox && delivery?.idempotent && delivery.eventId && delivery.reaction
      ? `${delivery.eventId}|${delivery.reaction}|${String(request.params.step)}`
      : undefined;
  const type = textOr(request.params.name, node);
  const requestSeq = step.record('request', actor, {
    effect: 'publish',
    elementId: nodeOf(actor),
    name: `${serviceNameOf(world, nodeOf(actor))} publishes ${type}`,
    eventType: type,
  });
  step.schedule(world.nowMs, 'publish', actor, {
    request: requestSeq,
    node,
    type,
    payload: {
      ...context.data,
      correlationId: context.delivery?.correlationId ?? world.correlationId,
    },
    by: serviceNameOf(world, nodeOf(actor)),
    ...(outbox === undefined ? {} : { outbox }),
    reply: mapReply(request),
  });
  return Promise.resolve();
};

/**
 * A delivery ends. Succeeded, failed (failure events published) or skipped: the broker
 * acknowledges it. Rejected: delivered again after a delay, up to the maximum, then
 * dead-lettered. Either way the copy is free, so blocked deliveries of its service may go.
 */
const settle: Requester = (world, actor, request, step) => {
  const delivery = delivering(request.context as ServiceMachineContext);
  const outcome = String(request.params.outcome);
  const node = nodeOf(actor);
  step.record('settle', actor, {
    deliveryId: delivery?.deliveryId,
    eventId: delivery?.eventId,
    outcome,
  });
  const map = mapOf(world);
  const subscription = delivery?.reaction
    ? map?.broker.subscriptions[delivery.eventType]?.find((s) => s.reaction === delivery.reaction)
    : undefined;
  // Handled (not given back): a deduplicating reaction's inbox keeps the event's id.
  if (outcome !== 'rejected' && subscription?.deduplicates && delivery?.eventId)
    world.state.inbox = {
      ...world.state.inbox,
      [inboxKey(subscription.reaction, delivery.eventId)]: true,
    };
  if (outcome === 'rejected' && delivery && delivery.reaction) {
    const broker = settings(world);
    const attempt = delivery.attempt ?? 1;
    if (attempt < broker.maxDeliveries && subscription) {
      const deliveryId = `d${++world.state.nextDelivery}`;
      step.schedule(world.nowMs + broker.redeliveryDelayMs, 'delivery', `svc:${node}`, {
        eventId: delivery.eventId,
        type: map?.broker.eventNames[delivery.eventType] ?? delivery.eventType,
        node: delivery.eventType,
        payload: delivery.payload ?? {},
        correlationId: delivery.correlationId ?? world.correlationId,
        subscription,
        attempt: attempt + 1,
        deliveryId,
      });
    } else {
      step.record('dead-letter', actor, {
        deliveryId: delivery.deliveryId,
        eventId: delivery.eventId,
        type: map?.broker.eventNames[delivery.eventType] ?? delivery.eventType,
        service: node,
        deliveries: attempt,
        queued: broker.deadLetterQueue,
      });
    }
  }
  world.unblock(step, (row) => (row.data.subscription as Subscription).service === node);
  return Promise.resolve();
};

/** Starts a map's instance: the service that publishes its initial event, or the event itself. */
export async function startMap(world: RunWorld, step: StepBuilder): Promise<void> {
  const map = mapOf(world);
  if (!map) return;
  const input = world.scenario.input ?? {};
  const payload = { ...input, correlationId: world.correlationId };
  for (const node of map.broker.initialEvents.slice(0, 1)) {
    const starter = Object.keys(map.services).find((service) =>
      (map.services[service]?.states?.__idle?.on?.['instance.start'] ?? []).some(
        (transition) => transition.guard?.params?.eventType === node,
      ),
    );
    if (starter) {
      const id = `svc:${starter}:0`;
      if (!world.actors.has(id))
        world.createActor(id, { machine: 'root', part: { kind: 'service', node: starter } }, step);
      await world.send(
        id,
        {
          type: 'instance.start',
          deliveryId: 'start',
          eventType: node,
          correlationId: world.correlationId,
          payload,
        },
        step,
      );
    } else {
      await publishEvent(world, step, {
        type: map.broker.eventNames[node] ?? node,
        node,
        payload,
        by: 'outside',
        actor: null,
      });
    }
  }
}

/** What a map's service machines ask for, by effect name. */
export const serviceRequesters: Record<string, Requester> = {
  'effect.call': call,
  'effect.evaluate': evaluateCondition,
  'effect.publish': publish,
  'effect.settle': settle,
  'effect.startSubflow': startSubflow,
};
