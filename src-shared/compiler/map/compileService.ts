import type { Connection, ElementOf } from '../../model/document';
import { stateTarget, type ActionJson, type StateJson, type TransitionJson } from '../machineTypes';
import type { ReactionEdge } from './mapGraph';
import { SERVICE_STATES, type DeliveryOutcome, type ServiceMachineJson } from './mapTypes';

/** What compiling one service needs: the service node, its reactions and its publish edges. */
export interface ServiceParts {
  readonly service: ElementOf<'service'>;
  readonly reactions: readonly ReactionEdge[];
  /** Its publish edges to initial events: the events it publishes to start an instance. */
  readonly starts: readonly Connection[];
  /** Catalog names of the event type nodes this service publishes or emits. */
  readonly eventName: (eventTypeNodeId: string) => string | undefined;
  /** The broker's deliveries per event: a reaction's attempts cannot exceed them. */
  readonly maxDeliveries: number;
}

const act = (type: string, params: Record<string, unknown>): ActionJson => ({ type, params });

/** Drops absent optional fields so the JSON stays small and stable (a loop: maps get large). */
function defined(record: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key in record) if (record[key] !== undefined) kept[key] = record[key];
  return kept;
}

/**
 * A result event of the step in flight for the delivery being handled (each effect request
 * records its `step` in the context, and results name theirs).
 */
const isResult = { type: 'isResult' };
const clearDelivery = [{ type: 'clearDelivery' }];
const mergeOutput = [{ type: 'mergeOutput' }];
const recordError = [{ type: 'recordError' }];

/**
 * The machine of one service: idle until the broker delivers an event to one of its reactions
 * (or the runtime starts an instance with an initial event it publishes), then one state per
 * reaction that runs it to the end and settles the delivery. It reads only the service's own
 * reactions and publish edges, so adding a consumer elsewhere never changes it.
 */
export function compileService(parts: ServiceParts): ServiceMachineJson {
  const { reactions, starts } = parts;
  const on: Record<string, TransitionJson[]> = {};
  const accept = [{ type: 'acceptDelivery' }];
  if (reactions.length > 0) {
    on['event.delivered'] = reactions.map((edge) => ({
      guard: { type: 'isDelivery', params: { eventType: edge.source, reaction: edge.id } },
      target: stateTarget(`react_${edge.id}`),
      actions: accept,
    }));
  }
  if (starts.length > 0) {
    on['instance.start'] = starts.map((edge) => ({
      guard: { type: 'isStartOf', params: { eventType: edge.target } },
      target: stateTarget(`start_${edge.id}`),
      actions: accept,
    }));
  }
  const states: Record<string, StateJson> = { [SERVICE_STATES.idle]: { on } };
  for (const edge of reactions) states[`react_${edge.id}`] = compileReaction(edge, parts);
  for (const edge of starts) states[`start_${edge.id}`] = startInstance(edge, parts);
  return {
    id: 'service',
    initial: SERVICE_STATES.idle,
    context: { delivery: null, step: null, data: {} },
    states,
  };
}

/** Publishing an initial event to start an instance (its input becomes the payload). */
function startInstance(edge: Connection, parts: ServiceParts): StateJson {
  const step = 'start';
  const name = parts.eventName(edge.target);
  return {
    id: `start_${edge.id}`,
    entry: [act('effect.publish', defined({ step, eventType: edge.target, name }))],
    on: {
      'publish.done': [{ guard: isResult, target: SERVICE_STATES.idle, actions: clearDelivery }],
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
  // The calls in order, then the flow it starts: each step's state, given where it goes next.
  const work = [
    ...reaction.operations.map((operation, index) => ({
      name: `__call_${index}`,
      state: (next: string, failure: string) => call(edge, parts, operation, index, next, failure),
    })),
    ...(reaction.startsFlow
      ? [
          {
            name: '__subflow',
            state: (next: string, failure: string) => subflow(edge, next, failure),
          },
        ]
      : []),
  ];
  const failureEvents = work.length > 0 ? reaction.emitsOnFailure : [];
  const giveUp = publishStateName('failure', failureEvents, 0, '__rejected');
  const attempts = retriesBeforeFailure(edge, failureEvents, parts);
  const onFailure = attempts > 1 ? '__retry' : giveUp;
  const stepName = (index: number) =>
    work[index]?.name ?? publishStateName('success', reaction.emitsOnSuccess, 0);
  const states: Record<string, StateJson> = {};
  if (reaction.condition !== undefined) states.__condition = condition(edge, stepName(0));
  work.forEach((step, index) => (states[step.name] = step.state(stepName(index + 1), onFailure)));
  Object.assign(states, publishing('success', reaction.emitsOnSuccess, parts));
  Object.assign(states, publishing('failure', failureEvents, parts));
  // A failure before the last attempt gives the event back to the broker, to be delivered again.
  if (attempts > 1)
    states.__retry = {
      always: [
        { guard: { type: 'attemptBelow', params: { attempts } }, target: '__rejected' },
        { target: giveUp },
      ],
    };
  for (const outcome of outcomesOf(edge, work.length > 0, attempts > 1))
    states[`__${outcome}`] = settled(outcome);
  return {
    id: `react_${edge.id}`,
    initial: reaction.condition === undefined ? stepName(0) : '__condition',
    states,
    onDone: [{ target: SERVICE_STATES.idle, actions: clearDelivery }],
  };
}

/**
 * How many deliveries a failing call gets before the reaction publishes its failure events: its
 * `maxAttempts`, at most the broker's deliveries. Without failure events a failure is always
 * given back to the broker, so there is nothing to count.
 */
function retriesBeforeFailure(
  { reaction }: ReactionEdge,
  failureEvents: readonly string[],
  parts: ServiceParts,
) {
  if (failureEvents.length === 0) return 1;
  return Math.max(1, Math.min(reaction.maxAttempts ?? 1, parts.maxDeliveries));
}

/** The ways a delivery to this reaction can end: only those it can reach. */
function outcomesOf(
  { reaction }: ReactionEdge,
  canFail: boolean,
  retries: boolean,
): DeliveryOutcome[] {
  const conditional = reaction.condition !== undefined;
  const failureEvents = canFail && reaction.emitsOnFailure.length > 0;
  const outcomes: DeliveryOutcome[] = ['succeeded'];
  if (failureEvents) outcomes.push('failed');
  if (conditional) outcomes.push('skipped');
  if (conditional || retries || (canFail && !failureEvents)) outcomes.push('rejected');
  return outcomes;
}

/** The state publishing the `index`th event of a kind, or where to go once all are published. */
function publishStateName(
  kind: 'success' | 'failure',
  events: readonly string[],
  index: number,
  none?: string,
) {
  if (index < events.length) return `__${kind}_${index}`;
  if (none !== undefined && events.length === 0) return none;
  return kind === 'success' ? '__succeeded' : '__failed';
}

/** One state per event to publish, in the order the reaction lists them. */
function publishing(
  kind: 'success' | 'failure',
  events: readonly string[],
  parts: ServiceParts,
): Record<string, StateJson> {
  const states: Record<string, StateJson> = {};
  events.forEach((eventType, index) => {
    const step = `${kind}_${index}`;
    states[`__${step}`] = {
      entry: [
        act('effect.publish', defined({ step, eventType, name: parts.eventName(eventType) })),
      ],
      on: {
        'publish.done': [{ guard: isResult, target: publishStateName(kind, events, index + 1) }],
      },
    };
  });
  return states;
}

function condition(edge: ReactionEdge, next: string): StateJson {
  const step = 'condition';
  return {
    // The runtime evaluates the JSONata condition over the event's payload.
    entry: [act('effect.evaluate', { step, condition: edge.reaction.condition })],
    on: {
      'condition.decided': [
        { guard: { type: 'conditionHolds' }, target: next },
        { guard: isResult, target: '__skipped' },
      ],
      'condition.failed': [{ guard: isResult, target: '__rejected' }],
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
  const failed: TransitionJson[] = [{ guard: isResult, target: failure, actions: recordError }];
  return {
    entry: [
      act(
        'effect.call',
        defined({
          step,
          service: parts.service.service,
          operation: operation.operation,
          input: operation.input,
          idempotent: edge.reaction.idempotent,
        }),
      ),
    ],
    on: {
      'call.ok': [{ guard: isResult, target: next, actions: mergeOutput }],
      'call.failed': failed,
      'call.timeout': failed,
    },
  };
}

function subflow(edge: ReactionEdge, next: string, failure: string): StateJson {
  const step = 'subflow';
  const flow = edge.reaction.startsFlow;
  return {
    entry: [act('effect.startSubflow', { step, flowId: flow?.flowId, version: flow?.version })],
    on: {
      'subflow.completed': [{ guard: isResult, target: next, actions: mergeOutput }],
      // The runtime reports a flow that ended compensated or failed as failed.
      'subflow.failed': [{ guard: isResult, target: failure, actions: recordError }],
    },
  };
}

/** The end of a delivery: the runtime acknowledges it, or gives it back to the broker. */
function settled(outcome: DeliveryOutcome): StateJson {
  return { type: 'final', entry: [act('effect.settle', { outcome })] };
}
