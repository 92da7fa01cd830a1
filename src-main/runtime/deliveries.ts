// The broker's deliveries: scheduling one, and handing it to a service when it falls due (a
// consumer down keeps its backlog, an inbox drops a handled copy, an ordering key waits its turn).
import type { ServiceMachineContext, Subscription } from '../../src-shared/compiler/map/mapTypes';
import { downUntil } from '../../src-shared/runtime/mocks';
import { brokerSettings, inboxKey, serviceNameOf } from './brokerMap';
import { contextOf } from './machines';
import type { AgendaRow } from './RunStore';
import type { RunWorld, StepBuilder } from './RunWorld';

export interface Delivery {
  readonly eventId: string;
  readonly type: string;
  readonly node: string;
  readonly payload: Record<string, unknown>;
  readonly correlationId: string;
  readonly subscription: Subscription;
  readonly attempt: number;
  readonly duplicate?: boolean;
}

type ScheduledDelivery = Delivery & { deliveryId: string };

export function scheduleDelivery(
  world: RunWorld,
  step: StepBuilder,
  delivery: Delivery,
  extraDelay: number,
): void {
  const deliveryId = `d${++world.state.nextDelivery}`;
  step.schedule(
    world.nowMs + brokerSettings(world).latencyMs + extraDelay,
    'delivery',
    `svc:${delivery.subscription.service}`,
    { ...delivery, deliveryId },
  );
}

/** The value events of one ordering key must keep their order by. */
function orderingKeyOf(world: RunWorld, payload: Record<string, unknown>): string {
  const field = world.definition.orderingKey;
  const value = field ? payload[field] : undefined;
  return value === undefined ? String(payload.correlationId) : JSON.stringify(value);
}

/** A delivery as the journal keeps it. */
function deliveryRecord(
  delivery: ScheduledDelivery,
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
  const delivery = item.data as unknown as ScheduledDelivery;
  if (postponedWhileDown(world, item, step, delivery)) return;
  if (droppedByInbox(world, item, step, delivery)) return;
  const idle = idleCopyFor(world, step, delivery);
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

/** A consumer that is down: the delivery is put off until its window ends. */
function postponedWhileDown(
  world: RunWorld,
  item: AgendaRow,
  step: StepBuilder,
  delivery: ScheduledDelivery,
): boolean {
  const node = delivery.subscription.service;
  const service = serviceNameOf(world, node);
  const until =
    downUntil(world.scenario, service, world.nowMs) ?? downUntil(world.scenario, node, world.nowMs);
  if (until === undefined) return false;
  step.record('delivery.postponed', item.actor, {
    deliveryId: delivery.deliveryId,
    eventId: delivery.eventId,
    type: delivery.type,
    service: node,
    untilMs: until,
  });
  step.schedule(until, 'delivery', item.actor, item.data);
  return true;
}

/** The service has handled this event: its inbox drops the copy, which is acknowledged. */
function droppedByInbox(
  world: RunWorld,
  item: AgendaRow,
  step: StepBuilder,
  delivery: ScheduledDelivery,
): boolean {
  const handled = world.state.inbox?.[inboxKey(delivery.subscription.reaction, delivery.eventId)];
  if (!delivery.subscription.deduplicates || !handled) return false;
  step.record('delivery', item.actor, deliveryRecord(delivery, { dropped: true }));
  step.record('settle', item.actor, {
    deliveryId: delivery.deliveryId,
    eventId: delivery.eventId,
    outcome: 'dropped',
  });
  return true;
}

/**
 * The copy of the consumer that takes the delivery, made if every existing one is busy and the
 * reaction's concurrency allows; none while an earlier event of its ordering key is in flight.
 */
function idleCopyFor(
  world: RunWorld,
  step: StepBuilder,
  delivery: ScheduledDelivery,
): string | undefined {
  const node = delivery.subscription.service;
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
  return idle;
}
