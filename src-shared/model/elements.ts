import { z } from 'zod';
import { OperationName, ServiceName } from './catalog';
import { Expression, RetryPolicy, TimerSpec } from './expressions';
import { ElementId } from './ids';

/** The longest name an element may have. */
export const MAX_NAME_LENGTH = 200;

export const EventTypeName = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_.-]{0,127}$/,
    'an event type is a letter followed by letters, digits, "_", "." or "-"',
  );
const ErrorCode = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'an error code is an identifier');
const Duration = z
  .number()
  .int()
  .positive()
  .max(366 * 24 * 3600 * 1000);

/** Fields every element has: a stable id, a name, and optionally its sub-process and lane. */
const base = {
  id: ElementId,
  name: z.string().max(MAX_NAME_LENGTH),
  /** The embedded sub-process this element belongs to. */
  parent: ElementId.optional(),
  /** The lane (participant) this element is drawn in. */
  lane: ElementId.optional(),
};

const element = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...base, ...shape });

export const StartEvent = element('startEvent', {
  /** Absent: a plain start. */
  trigger: z.enum(['none', 'timer', 'message']).optional(),
  timer: TimerSpec.optional(),
  eventType: EventTypeName.optional(),
});
export const EndEvent = element('endEvent', {
  /** Absent: a plain end. */
  result: z.enum(['none', 'error', 'terminate']).optional(),
  errorCode: ErrorCode.optional(),
});
export const ServiceTask = element('serviceTask', {
  service: ServiceName.optional(),
  operation: OperationName.optional(),
  /** JSONata over the instance data: the call's input. */
  input: Expression.optional(),
  /** JSONata over `{ data, result }`: what is merged into the instance data. */
  output: Expression.optional(),
  timeoutMs: Duration.optional(),
  retry: RetryPolicy.optional(),
  /** The operation of the same service that undoes this step. */
  compensation: z
    .strictObject({ operation: OperationName, input: Expression.optional() })
    .optional(),
  /** Cannot be undone: after it the flow only goes forward. */
  pivot: z.boolean().optional(),
});
export const UserTask = element('userTask', {
  assignee: z.string().max(200).optional(),
  /** How long the person has; a timer boundary event gives the escalation path. */
  timeoutMs: Duration.optional(),
});
export const ExclusiveGateway = element('exclusiveGateway', {
  /** The outgoing connection taken when no condition holds. */
  default: ElementId.optional(),
});
export const ParallelGateway = element('parallelGateway', {});
export const TimerEvent = element('timerEvent', { timer: TimerSpec });
export const MessageCatch = element('messageCatch', {
  eventType: EventTypeName,
  /** JSONata: the correlation value the awaited event must carry (default: the instance's). */
  correlation: Expression.optional(),
});
export const MessageThrow = element('messageThrow', {
  eventType: EventTypeName,
  payload: Expression.optional(),
});
export const BoundaryEvent = element('boundaryEvent', {
  attachedTo: ElementId,
  trigger: z.enum(['error', 'timer']),
  /** For error boundaries: the error caught (absent: any error). */
  errorCode: ErrorCode.optional(),
  timer: TimerSpec.optional(),
});
export const SubProcess = element('subProcess', {});
export const CallActivity = element('callActivity', {
  /** Empty until chosen; validation reports it (FLOW105). */
  flowId: z.string().max(200),
  version: z.union([z.number().int().positive(), z.literal('latest')]),
});
export const Annotation = element('annotation', {
  text: z.string().max(5000),
  annotates: ElementId.optional(),
});
export const Group = element('group', {});
export const Lane = element('lane', {});
/** A service on a choreography map, by its name in the services catalog. */
export const ServiceNode = element('service', {
  service: ServiceName.optional(),
});
/** An event type on a choreography map, by its name in the events catalog. */
export const EventTypeNode = element('eventType', {
  eventType: EventTypeName.optional(),
  /** Published from outside to start an instance (e.g. by the shop front for OrderPlaced). */
  initial: z.boolean().optional(),
  /** Reaching this event ends the instance with this status. */
  terminal: z.enum(['completed', 'compensated', 'failed']).optional(),
});

export const Element = z.discriminatedUnion('type', [
  StartEvent,
  EndEvent,
  ServiceTask,
  UserTask,
  ExclusiveGateway,
  ParallelGateway,
  TimerEvent,
  MessageCatch,
  MessageThrow,
  BoundaryEvent,
  SubProcess,
  CallActivity,
  Annotation,
  Group,
  Lane,
  ServiceNode,
  EventTypeNode,
]);
export type Element = z.infer<typeof Element>;
export type ElementOf<T extends Element['type']> = Extract<Element, { type: T }>;

/**
 * What a service does when an event reaches it (a reaction edge, event → service): on the event
 * [when the condition holds] call operations, then emit events on success or on failure. It may
 * start an orchestration flow and wait for its outcome instead (the hybrid case).
 */
export const Reaction = z.strictObject({
  condition: Expression.optional(),
  operations: z
    .array(z.strictObject({ operation: OperationName, input: Expression.optional() }))
    .max(50),
  /** Event type nodes this reaction publishes when it succeeds. */
  emitsOnSuccess: z.array(ElementId).max(50),
  /** Event type nodes this reaction publishes when it fails (how the map compensates). */
  emitsOnFailure: z.array(ElementId).max(50),
  /** Safe to run twice for the same event (needed on an at-least-once broker). */
  idempotent: z.boolean(),
  /**
   * The service keeps the ids of the events this reaction has handled (an inbox) and drops a copy
   * of one it has: what makes a reaction that is not idempotent safe on an at-least-once broker.
   */
  deduplicates: z.boolean().optional(),
  /** How many events of this type the service handles at once. */
  concurrency: z.number().int().min(1).max(1000).optional(),
  /**
   * How many deliveries a failing call gets before the failure events are published (1, the
   * default: at once). Each earlier failure gives the event back to the broker, which delivers it
   * again after its redelivery delay; at most the broker's `maxDeliveries`.
   */
  maxAttempts: z.number().int().min(1).max(100).optional(),
  /** Payload fields the reaction reads (checked against the event's schema). */
  reads: z
    .array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/))
    .max(100)
    .optional(),
  /** Start this orchestration flow and wait for its outcome (completed → success). */
  startsFlow: z
    .strictObject({
      flowId: z.string().min(1).max(200),
      version: z.union([z.number().int().positive(), z.literal('latest')]),
    })
    .optional(),
});
export type Reaction = z.infer<typeof Reaction>;

/** A sequence flow (in a flow) or a publish/react edge (in a map). */
export const Connection = z.strictObject({
  id: ElementId,
  source: ElementId,
  target: ElementId,
  name: z.string().max(MAX_NAME_LENGTH).optional(),
  /** JSONata condition, on paths leaving an exclusive gateway. */
  condition: Expression.optional(),
  /** On paths leaving a user task: which decision takes this path. */
  outcome: z.enum(['approve', 'reject']).optional(),
  /** On reaction edges of a map (event → service). */
  reaction: Reaction.optional(),
});
export type Connection = z.infer<typeof Connection>;
