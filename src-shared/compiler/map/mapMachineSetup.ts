import { assign, enqueueActions, setup, type EventObject } from 'xstate';
import type {
  DeliveryInfo,
  Milestone,
  ServiceMachineContext,
  ServiceMachineJson,
  TrackerContext,
  TrackerMachineJson,
} from './mapTypes';
import { isRecord, param, type Params } from '../actionParams';

/** Fields every result names: the step that asked for it and the delivery it belongs to. */
interface Result {
  readonly deliveryId: string;
  readonly step: string;
}

/**
 * The events the runtime sends a service machine: a delivery (or the start of an instance whose
 * initial event the service publishes), then the results of the effects it asked for. Results
 * name their step and delivery, so a late result of an earlier delivery or step is never taken
 * for the current one.
 */
export type ServiceEvent =
  | ({ type: 'event.delivered' } & DeliveryInfo & { reaction: string })
  | ({ type: 'instance.start' } & DeliveryInfo)
  | ({ type: 'condition.decided'; holds: boolean } & Result)
  | ({ type: 'condition.failed'; error?: string } & Result)
  | ({ type: 'call.ok'; output?: Record<string, unknown> } & Result)
  | ({ type: 'call.failed'; error?: string } & Result)
  | ({ type: 'call.timeout' } & Result)
  | ({ type: 'subflow.completed'; output?: Record<string, unknown> } & Result)
  | ({ type: 'subflow.failed'; status?: 'failed' | 'compensated'; error?: string } & Result)
  | ({ type: 'publish.done' } & Result);

/** What the runtime sends the tracker: an event of its instance was published. */
export interface TrackerEvent {
  readonly type: 'event.published';
  readonly eventType: string;
  readonly eventId?: string;
  readonly service?: string;
}

/** The effects a service machine asks for, by action name; the runtime performs them. */
export const mapEffectNames = [
  'effect.evaluate',
  'effect.call',
  'effect.startSubflow',
  'effect.publish',
  'effect.settle',
] as const;
export type MapEffectName = (typeof mapEffectNames)[number];

/** How an effect request reaches the runtime: the action's static params and the machine's data. */
export type MapEffectHandler = (request: {
  readonly effect: MapEffectName;
  readonly params: Readonly<Record<string, unknown>>;
  readonly context: ServiceMachineContext;
}) => void;

const field = (event: EventObject, key: string) => (event as unknown as Params)[key];

/** A result of the step in flight, for the delivery being handled. */
const isResult = (context: ServiceMachineContext, event: EventObject) =>
  context.delivery !== null &&
  field(event, 'deliveryId') === context.delivery.deliveryId &&
  field(event, 'step') === context.step;

/** The delivery an `event.delivered` or `instance.start` event describes. */
function deliveryOf(event: EventObject): DeliveryInfo {
  const { type: _type, ...delivery } = event as EventObject & DeliveryInfo;
  return delivery;
}

/**
 * Loads a compiled service machine with the implementations of its named actions and guards.
 * Effects go to `onEffect` (by default nowhere: enough to walk its paths in tests).
 */
export function createServiceMachine(
  json: ServiceMachineJson,
  onEffect: MapEffectHandler = () => undefined,
) {
  // Each effect records its step as the one in flight, then goes to the runtime.
  const effects = Object.fromEntries(
    mapEffectNames.map((effect) => [
      effect,
      enqueueActions(({ context, enqueue }, params: unknown) => {
        const step = param(params, 'step');
        if (typeof step === 'string') enqueue.assign({ step });
        const data = context as ServiceMachineContext;
        enqueue(() => onEffect({ effect, params: (params ?? {}) as Params, context: data }));
      }),
    ]),
  );
  return setup({
    types: { context: {} as ServiceMachineContext, events: {} as ServiceEvent },
    actions: {
      ...effects,
      acceptDelivery: assign(({ event }) => {
        const delivery = deliveryOf(event);
        const data = isRecord(delivery.payload) ? { ...delivery.payload } : {};
        return { delivery, step: null, data };
      }),
      clearDelivery: assign({ delivery: null, step: null, data: {} }),
      mergeOutput: assign({
        data: ({ context, event }) => {
          const output = field(event, 'output');
          return isRecord(output) ? { ...context.data, ...output } : context.data;
        },
      }),
      recordError: () => undefined,
    },
    guards: {
      isDelivery: ({ event }, params: unknown) =>
        field(event, 'eventType') === param(params, 'eventType') &&
        field(event, 'reaction') === param(params, 'reaction'),
      isStartOf: ({ event }, params: unknown) =>
        field(event, 'eventType') === param(params, 'eventType'),
      isResult: ({ context, event }) => isResult(context, event),
      conditionHolds: ({ context, event }) =>
        isResult(context, event) && field(event, 'holds') === true,
      /** The delivery being handled is not yet the reaction's last attempt. */
      attemptBelow: ({ context }, params: unknown) => {
        const attempt = (context.delivery as { attempt?: unknown } | null)?.attempt;
        return (typeof attempt === 'number' ? attempt : 1) < Number(param(params, 'attempts'));
      },
    },
  }).createMachine(json as never);
}

/** Loads a compiled tracker machine with the implementations of its action and guard. */
export function createTrackerMachine(json: TrackerMachineJson) {
  return setup({
    types: { context: {} as TrackerContext, events: {} as TrackerEvent },
    actions: {
      recordMilestone: assign({
        milestones: ({ context, event }) => [...context.milestones, milestoneOf(event)],
      }),
    },
    guards: {
      publishedOneOf: ({ event }, params: unknown) => {
        const eventTypes = param(params, 'eventTypes');
        return Array.isArray(eventTypes) && eventTypes.includes(event.eventType);
      },
    },
  }).createMachine(json as never);
}

function milestoneOf(event: TrackerEvent): Milestone {
  return {
    eventType: event.eventType,
    ...(event.eventId === undefined ? {} : { eventId: event.eventId }),
    ...(event.service === undefined ? {} : { service: event.service }),
  };
}

/** The event types an instance has reached, each once, in the order first reached. */
export function reachedMilestones(context: TrackerContext): string[] {
  return [...new Set(context.milestones.map((milestone) => milestone.eventType))];
}

export type ServiceMachine = ReturnType<typeof createServiceMachine>;
export type TrackerMachine = ReturnType<typeof createTrackerMachine>;
