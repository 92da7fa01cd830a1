import type { Connection, ElementOf } from '../../model/document';
import type { ActionJson, StateJson, TransitionJson } from '../machineTypes';
import type { ReactionEdge } from './mapGraph';
import { SERVICE_STATES, type DeliveryOutcome, type ServiceMachineJson } from './mapTypes';

/** What compiling one service needs: the service node, its reactions and its publish edges. */
export interface ServiceParts {
  readonly service: ElementOf<'service'>;
  readonly reactions: readonly ReactionEdge[];
  readonly publishes: readonly Connection[];
  /** Catalog names of the event type nodes this service publishes or emits. */
  readonly eventName: (eventTypeNodeId: string) => string | undefined;
}

const act = (type: string, params: Record<string, unknown>): ActionJson => ({ type, params });

/** Drops absent optional fields so the JSON stays small and stable. */
function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** `#id` for a state id, with the dots element ids may hold escaped (XState splits on them). */
export const byId = (id: string) => `#${id.replace(/\./g, '\\.')}`;

/** Guards a result event on its step and on the delivery being handled. */
const isResult = (step: string) => ({ type: 'isResult', params: { step } });

/**
 * The machine of one service: idle until the broker delivers an event to one of its reactions
 * (or the runtime asks it to publish an event it has a publish edge to), then one state per
 * reaction that runs it to the end and settles the delivery. It reads only the service's own
 * reactions and publish edges, so adding a consumer elsewhere never changes it.
 */
export function compileService(parts: ServiceParts): ServiceMachineJson {
  const { reactions, publishes } = parts;
  const on: Record<string, TransitionJson[]> = {};
  const accept = [{ type: 'acceptDelivery' }];
  if (reactions.length > 0) {
    on['event.delivered'] = reactions.map((edge) => ({
      guard: { type: 'isDelivery', params: { eventType: edge.source, reaction: edge.id } },
      target: byId(`react_${edge.id}`),
      actions: accept,
    }));
  }
  if (publishes.length > 0) {
    on['publish.requested'] = publishes.map((edge) => ({
      guard: { type: 'isPublishRequest', params: { eventType: edge.target } },
      target: byId(`publish_${edge.id}`),
      actions: accept,
    }));
  }
  const states: Record<string, StateJson> = { [SERVICE_STATES.idle]: { on } };
  for (const edge of reactions) states[`react_${edge.id}`] = compileReaction(edge, parts);
  for (const edge of publishes) states[`publish_${edge.id}`] = publishRequest(edge, parts);
  return {
    id: 'service',
    initial: SERVICE_STATES.idle,
    context: { delivery: null, data: {} },
    states,
  };
}

/** Publishing an event on request (a run's start, or by hand in the debugger). */
function publishRequest(edge: Connection, parts: ServiceParts): StateJson {
  const step = 'publish';
  return {
    id: `publish_${edge.id}`,
    entry: [
      act(
        'effect.publish',
        defined({
          edge: edge.id,
          step,
          eventType: edge.target,
          name: parts.eventName(edge.target),
        }),
      ),
    ],
    on: {
      'publish.done': [
        {
          guard: isResult(step),
          target: SERVICE_STATES.idle,
          actions: [{ type: 'clearDelivery' }],
        },
      ],
    },
  };
}

/**
 * One reaction as a compound state: [evaluate the condition] → each operation in order →
 * [start the flow and wait for its outcome] → publish the success events; a failed call or
 * flow publishes the failure events instead. It ends in a final state that settles the delivery.
 */
function compileReaction(edge: ReactionEdge, parts: ServiceParts): StateJson {
  const { reaction } = edge;
  const work = [
    ...reaction.operations.map((operation, index) => ({ kind: 'call' as const, operation, index })),
    ...(reaction.startsFlow ? [{ kind: 'subflow' as const }] : []),
  ];
  const canFail = work.length > 0;
  const failureStart = failurePath(edge, canFail).start;
  const successStart = publishStateName('success', reaction.emitsOnSuccess, 0);
  const stepName = (index: number) => {
    const step = work[index];
    if (!step) return successStart;
    return step.kind === 'call' ? `__call_${step.index}` : '__subflow';
  };
  const states: Record<string, StateJson> = {};
  if (reaction.condition !== undefined) states.__condition = condition(edge, stepName(0));
  work.forEach((step, index) => {
    states[stepName(index)] =
      step.kind === 'call'
        ? call(edge, parts, step.operation, step.index, stepName(index + 1), failureStart)
        : subflow(edge, stepName(index + 1), failureStart);
  });
  Object.assign(states, publishing(edge, 'success', reaction.emitsOnSuccess, parts));
  Object.assign(states, failurePath(edge, canFail).states(parts));
  const outcomes: DeliveryOutcome[] = ['succeeded'];
  if (canFail && reaction.emitsOnFailure.length > 0) outcomes.push('failed');
  if (reaction.condition !== undefined) outcomes.push('skipped');
  if (reaction.condition !== undefined || (canFail && reaction.emitsOnFailure.length === 0))
    outcomes.push('rejected');
  for (const outcome of outcomes) states[`__${outcome}`] = settled(edge, outcome);
  return {
    id: `react_${edge.id}`,
    initial: reaction.condition === undefined ? stepName(0) : '__condition',
    states,
    onDone: [{ target: SERVICE_STATES.idle, actions: [{ type: 'clearDelivery' }] }],
  };
}

/** Where a failure goes: publishing the failure events, or straight to rejecting the delivery. */
function failurePath(edge: ReactionEdge, canFail: boolean) {
  const events = canFail ? edge.reaction.emitsOnFailure : [];
  return {
    start: events.length > 0 ? publishStateName('failure', events, 0) : '__rejected',
    states: (parts: ServiceParts) => publishing(edge, 'failure', events, parts),
  };
}

function publishStateName(kind: 'success' | 'failure', events: readonly string[], index: number) {
  if (index < events.length) return `__${kind}_${index}`;
  return kind === 'success' ? '__succeeded' : '__failed';
}

/** One state per event to publish, in the order the reaction lists them. */
function publishing(
  edge: ReactionEdge,
  kind: 'success' | 'failure',
  events: readonly string[],
  parts: ServiceParts,
): Record<string, StateJson> {
  const states: Record<string, StateJson> = {};
  events.forEach((eventType, index) => {
    const step = `${kind}_${index}`;
    states[`__${step}`] = {
      entry: [
        act(
          'effect.publish',
          defined({ reaction: edge.id, step, eventType, name: parts.eventName(eventType) }),
        ),
      ],
      on: {
        'publish.done': [
          { guard: isResult(step), target: publishStateName(kind, events, index + 1) },
        ],
      },
    };
  });
  return states;
}

function condition(edge: ReactionEdge, next: string): StateJson {
  const step = 'condition';
  return {
    // The runtime evaluates the JSONata condition over the event's payload.
    entry: [
      act('effect.evaluate', { reaction: edge.id, step, condition: edge.reaction.condition }),
    ],
    on: {
      'condition.decided': [
        { guard: { type: 'conditionHolds', params: { step } }, target: next },
        { guard: isResult(step), target: '__skipped' },
      ],
      'condition.failed': [{ guard: isResult(step), target: '__rejected' }],
    },
  };
}

function call(
  edge: ReactionEdge,
  parts: ServiceParts,
  operation: { readonly operation: string; readonly input?: string },
  index: number,
  next: string,
  failure: string,
): StateJson {
  const step = `call_${index}`;
  const failed: TransitionJson[] = [
    { guard: isResult(step), target: failure, actions: [act('recordError', { step })] },
  ];
  return {
    entry: [
      act(
        'effect.call',
        defined({
          reaction: edge.id,
          step,
          service: parts.service.service,
          operation: operation.operation,
          input: operation.input,
          idempotent: edge.reaction.idempotent,
        }),
      ),
    ],
    on: {
      'call.ok': [{ guard: isResult(step), target: next, actions: [{ type: 'mergeOutput' }] }],
      'call.failed': failed,
      'call.timeout': failed,
    },
  };
}

function subflow(edge: ReactionEdge, next: string, failure: string): StateJson {
  const step = 'subflow';
  const flow = edge.reaction.startsFlow;
  return {
    entry: [
      act('effect.startSubflow', {
        reaction: edge.id,
        step,
        flowId: flow?.flowId,
        version: flow?.version,
      }),
    ],
    on: {
      'subflow.completed': [
        { guard: isResult(step), target: next, actions: [{ type: 'mergeOutput' }] },
      ],
      // The runtime reports a flow that ended compensated or failed as failed.
      'subflow.failed': [
        { guard: isResult(step), target: failure, actions: [act('recordError', { step })] },
      ],
    },
  };
}

/** The end of a delivery: the runtime acknowledges it, or gives it back to the broker. */
function settled(edge: ReactionEdge, outcome: DeliveryOutcome): StateJson {
  return { type: 'final', entry: [act('effect.settle', { reaction: edge.id, outcome })] };
}
