// What a map's service machines ask the runtime for (calls, conditions, publishes, settling a
// delivery, starting a flow): the requesters the broker answers them with.
import type {
  CompiledMap,
  ServiceMachineContext,
  Subscription,
} from '../../src-shared/compiler/map/mapTypes';
import { brokerSettings, inboxKey, mapOf, serviceNameOf } from './brokerMap';
import { requestCall } from './calls';
import { textOr } from './expressions';
import type { Requester, RunWorld, StepBuilder } from './RunWorld';
import { mapReply, nodeOf, startSubflow } from './subflows';

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
  if (outcome === 'rejected' && delivery && delivery.reaction)
    redeliverOrDeadLetter(world, actor, step, { delivery, subscription, map });
  world.unblock(step, (row) => (row.data.subscription as Subscription).service === node);
  return Promise.resolve();
};

/** A rejected delivery: scheduled again after the redelivery delay, or, at the last, dead-lettered. */
function redeliverOrDeadLetter(
  world: RunWorld,
  actor: string,
  step: StepBuilder,
  rejected: {
    readonly delivery: DeliveryInContext;
    readonly subscription: Subscription | undefined;
    readonly map: CompiledMap | undefined;
  },
): void {
  const { delivery, subscription, map } = rejected;
  const node = nodeOf(actor);
  const broker = brokerSettings(world);
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

/** What a map's service machines ask for, by effect name. */
export const serviceRequesters: Record<string, Requester> = {
  'effect.call': call,
  'effect.evaluate': evaluateCondition,
  'effect.publish': publish,
  'effect.settle': settle,
  'effect.startSubflow': startSubflow,
};
