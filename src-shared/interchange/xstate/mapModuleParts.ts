/**
 * The TypeScript a map's module is written with: the service machines' and the tracker's types
 * and named implementations. Guards and bookkeeping are Baton's own; effects are typed stubs.
 */

/** The types every exported map module declares (text, emitted once at the top). */
export const MAP_TYPES = `/** A JSONata expression (https://jsonata.org), as drawn in Baton. */
export type Jsonata = string;

/** The event a service machine is working on (or the instance it starts). */
export interface DeliveryInfo {
  readonly deliveryId: string;
  /** The event type node delivered, or the initial event to publish. */
  readonly eventType: string;
  /** The reaction (edge id) the broker delivered it to; absent when starting an instance. */
  readonly reaction?: string;
  readonly correlationId?: string;
  readonly payload?: Readonly<Record<string, unknown>>;
}

/** A service machine's data: the delivery it handles, the step in flight, the data so far. */
export interface ServiceContext {
  delivery: DeliveryInfo | null;
  step: string | null;
  data: Record<string, unknown>;
}

/** Fields every result names: the step that asked for it and the delivery it belongs to. */
interface Result {
  readonly deliveryId: string;
  readonly step: string;
}

/** What your broker and code send a service machine: a delivery, then effect results. */
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

/** One event an instance published, in the order the tracker heard of them. */
export interface Milestone {
  readonly eventType: string;
  readonly eventId?: string;
  readonly service?: string;
}
export interface TrackerContext {
  milestones: Milestone[];
}
/** What the tracker hears: an event of its instance was published. */
export interface TrackerEvent {
  readonly type: 'event.published';
  readonly eventType: string;
  readonly eventId?: string;
  readonly service?: string;
}

function isResult(context: ServiceContext, event: ServiceEvent): boolean {
  return (
    context.delivery !== null &&
    'deliveryId' in event &&
    event.deliveryId === context.delivery.deliveryId &&
    'step' in event &&
    event.step === context.step
  );
}
`;

/** A stub effect that records its step as the one in flight, as Baton's does. */
const effect = (name: string, doc: string, request: string) => `    /**
${doc
  .split('\n')
  .map((line) => `     * ${line}`)
  .join('\n')}
     */
    '${name}': enqueueActions(({ enqueue }, request: ${request}) => {
      enqueue.assign({ step: request.step });
    }) as never, // enqueueActions cannot be typed from inside setup's own inference`;

/** Implementations of the service machines' named actions (text inside \`actions: {}\`). */
export const SERVICE_ACTIONS: Readonly<Record<string, string>> = {
  'effect.evaluate': effect(
    'effect.evaluate',
    'TODO: evaluate the JSONata `request.condition` over `context.data`; send\n' +
      "`{ type: 'condition.decided', holds, deliveryId, step }` (or `condition.failed`) to `self`.",
    '{ readonly step: string; readonly condition: Jsonata }',
  ),
  'effect.call': effect(
    'effect.call',
    'TODO: call `request.service`.`request.operation` (input: the JSONata `request.input` over\n' +
      '`context.data`; use an idempotency key when `request.idempotent`); send `call.ok` (with\n' +
      '`output`), `call.failed` or `call.timeout` with `deliveryId` and `step` to `self`.',
    '{ readonly step: string; readonly service?: string; readonly operation: string; readonly input?: Jsonata; readonly idempotent: boolean }',
  ),
  'effect.startSubflow': effect(
    'effect.startSubflow',
    'TODO: start orchestration flow `request.flowId` (version `request.version`) with\n' +
      '`context.data`; send `subflow.completed` or `subflow.failed` with `deliveryId` and `step`.',
    "{ readonly step: string; readonly flowId?: string; readonly version?: number | 'latest' }",
  ),
  'effect.publish': effect(
    'effect.publish',
    'TODO: publish event `request.name` (node `request.eventType`) to your broker with\n' +
      "`context.data` and the correlation id; send `{ type: 'publish.done', deliveryId, step }`.",
    '{ readonly step: string; readonly eventType: string; readonly name?: string }',
  ),
  'effect.settle': `    /**
     * TODO: tell your broker how the delivery ended: acknowledge it (\`succeeded\`, \`failed\`,
     * \`skipped\`) or give it back for redelivery (\`rejected\`).
     */
    'effect.settle': (
      _args,
      request: { readonly outcome: 'succeeded' | 'failed' | 'skipped' | 'rejected' },
    ) => {
      void request;
    },`,
  acceptDelivery: `    acceptDelivery: assign(({ event }) => {
      if (event.type !== 'event.delivered' && event.type !== 'instance.start') return {};
      const { type: _type, ...delivery } = event;
      return { delivery, step: null, data: delivery.payload ? { ...delivery.payload } : {} };
    }),`,
  clearDelivery: `    clearDelivery: assign({ delivery: null, step: null, data: {} }),`,
  mergeOutput: `    mergeOutput: assign({
      data: ({ context, event }) =>
        'output' in event && event.output ? { ...context.data, ...event.output } : context.data,
    }),`,
  recordError: `    /** TODO (optional): log or report the failed step. */
    recordError: () => undefined,`,
};

/** Implementations of the service machines' named guards (text inside \`guards: {}\`). */
export const SERVICE_GUARDS: Readonly<Record<string, string>> = {
  isDelivery: `    isDelivery: ({ event }, params: { readonly eventType: string; readonly reaction: string }) =>
      event.type === 'event.delivered' &&
      event.eventType === params.eventType &&
      event.reaction === params.reaction,`,
  isStartOf: `    isStartOf: ({ event }, params: { readonly eventType: string }) =>
      event.type === 'instance.start' && event.eventType === params.eventType,`,
  isResult: `    isResult: ({ context, event }) => isResult(context, event),`,
  conditionHolds: `    conditionHolds: ({ context, event }) =>
      isResult(context, event) && event.type === 'condition.decided' && event.holds,`,
};

/** The tracker machine's setup (text). */
export const TRACKER_SETUP = `const trackerSetup = setup({
  types: { context: {} as TrackerContext, events: {} as TrackerEvent },
  actors: {},
  delays: {},
  actions: {
    recordMilestone: assign({
      milestones: ({ context, event }) => [
        ...context.milestones,
        {
          eventType: event.eventType,
          ...(event.eventId === undefined ? {} : { eventId: event.eventId }),
          ...(event.service === undefined ? {} : { service: event.service }),
        },
      ],
    }),
  },
  guards: {
    publishedOneOf: ({ event }, params: { readonly eventTypes: readonly string[] }) =>
      params.eventTypes.includes(event.eventType),
  },
});`;
