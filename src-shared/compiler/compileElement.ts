import type { Connection, Element, ElementOf } from '../model/document';
import type { ActionJson, StateJson, TransitionJson } from './machineTypes';
import type { Scope } from './scope';

const isFor = (elementId: string) => ({ type: 'isFor', params: { elementId } });
const act = (type: string, params?: Record<string, unknown>): ActionJson =>
  params ? { type, params } : { type };

/** Drops absent optional fields so the JSON stays small and stable. */
function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/**
 * The state of one element. Every state asks the runtime for its effects by name (`effect.*`)
 * and moves on the events that report their results; ids equal element ids.
 */
export function compileElement(element: Element, scope: Scope): StateJson {
  switch (element.type) {
    case 'startEvent':
      return startEvent(element, scope);
    case 'endEvent':
      return endEvent(element, scope);
    case 'serviceTask':
      return serviceTask(element, scope);
    case 'userTask':
      return userTask(element, scope);
    case 'exclusiveGateway':
      return exclusiveGateway(element, scope);
    case 'parallelGateway':
      // A fork is compiled by the scope as a parallel state; what is left is a join or a pass-through.
      return { id: element.id, always: [{ target: scope.next(element.id) }] };
    case 'timerEvent':
      return waiting(
        element,
        scope,
        act('effect.startTimer', {
          timerId: `timer:${element.id}`,
          elementId: element.id,
          timer: element.timer,
        }),
        'timer.fired',
        { type: 'timerIs', params: { timerId: `timer:${element.id}` } },
      );
    case 'messageCatch':
      return waiting(
        element,
        scope,
        act(
          'effect.awaitEvent',
          defined({
            elementId: element.id,
            eventType: element.eventType,
            correlation: element.correlation,
          }),
        ),
        'message.received',
        isFor(element.id),
        [act('mergeOutput')],
      );
    case 'messageThrow':
      return waiting(
        element,
        scope,
        act(
          'effect.publish',
          defined({
            elementId: element.id,
            eventType: element.eventType,
            payload: element.payload,
          }),
        ),
        'publish.done',
        isFor(element.id),
      );
    case 'callActivity':
      return callActivity(element, scope);
    case 'boundaryEvent':
      return { id: element.id, always: [{ target: scope.next(element.id) }] };
    default:
      // Sub-processes are compiled by the scope; annotations, groups and lanes have no state.
      return { id: element.id };
  }
}

function startEvent(element: ElementOf<'startEvent'>, scope: Scope): StateJson {
  if (scope.isNested) return { id: element.id, always: [{ target: scope.next(element.id) }] };
  // The runtime starts the instance (at once, on a timer, or when the message arrives).
  return {
    id: element.id,
    on: { 'instance.start': [{ target: scope.next(element.id), actions: [act('setInput')] }] },
  };
}

function endEvent(element: ElementOf<'endEvent'>, scope: Scope): StateJson {
  if (element.result === 'error') {
    return {
      id: element.id,
      always: [
        {
          target: scope.failureTarget(element.id),
          actions: [
            act('recordError', defined({ elementId: element.id, errorCode: element.errorCode })),
          ],
        },
      ],
    };
  }
  return scope.endState(element);
}

/** A state waiting for one result event; boundary timers and failure paths come from the scope. */
function waiting(
  element: Element,
  scope: Scope,
  effect: ActionJson,
  event: string,
  guard: { type: string; params: Record<string, unknown> },
  actions: ActionJson[] = [],
): StateJson {
  return scope.withBoundaries(element, {
    id: element.id,
    entry: [effect],
    on: { [event]: [{ guard, target: scope.next(element.id), actions }] },
  });
}

function serviceTask(element: ElementOf<'serviceTask'>, scope: Scope): StateJson {
  const failure = scope.failureTarget(element.id);
  const retry = element.retry && element.retry.maxAttempts > 1 ? element.retry : undefined;
  const onFailure: TransitionJson[] = [
    ...(retry
      ? [
          {
            guard: {
              type: 'canRetry',
              params: { elementId: element.id, maxAttempts: retry.maxAttempts },
            },
            target: 'retrying',
          },
        ]
      : []),
    {
      guard: isFor(element.id),
      target: failure,
      actions: [act('recordError', { elementId: element.id })],
    },
  ];
  const completion: ActionJson[] = [act('mergeOutput')];
  if (element.compensation) completion.push(act('recordCompletion', { elementId: element.id }));
  if (element.pivot) completion.push(act('markPivot'));
  const call = act(
    'effect.call',
    defined({
      elementId: element.id,
      service: element.service,
      operation: element.operation,
      input: element.input,
      output: element.output,
      timeoutMs: element.timeoutMs,
    }),
  );
  const states: Record<string, StateJson> = {
    calling: {
      entry: [act('recordAttempt', { elementId: element.id }), call],
      on: {
        'call.ok': [
          { guard: isFor(element.id), target: scope.next(element.id), actions: completion },
        ],
        'call.failed': onFailure,
        'call.timeout': onFailure,
      },
    },
  };
  if (retry) {
    const timerId = `retry:${element.id}`;
    states.retrying = {
      entry: [act('effect.startTimer', { timerId, elementId: element.id, retry })],
      on: {
        'timer.fired': [{ guard: { type: 'timerIs', params: { timerId } }, target: 'calling' }],
      },
    };
  }
  return scope.withBoundaries(element, {
    id: element.id,
    entry: [act('beginVisit', { elementId: element.id })],
    initial: 'calling',
    states,
  });
}

function userTask(element: ElementOf<'userTask'>, scope: Scope): StateJson {
  const paths = scope.outgoing(element.id);
  const approve =
    paths.find((path) => path.outcome === 'approve') ?? paths.find((path) => !path.outcome);
  const reject = paths.find((path) => path.outcome === 'reject');
  const target = (path: Connection | undefined) =>
    path ? scope.target(path.target) : scope.failureTarget(element.id);
  const entry = [
    act('effect.waitForPerson', defined({ elementId: element.id, assignee: element.assignee })),
  ];
  const exit: ActionJson[] = [];
  const on: Record<string, TransitionJson[]> = {
    'user.approve': [
      { guard: isFor(element.id), target: target(approve), actions: [act('mergeOutput')] },
    ],
    'user.reject': [
      { guard: isFor(element.id), target: target(reject), actions: [act('mergeOutput')] },
    ],
  };
  if (element.timeoutMs && !scope.hasTimerBoundary(element.id)) {
    const timerId = `timeout:${element.id}`;
    entry.push(
      act('effect.startTimer', {
        timerId,
        elementId: element.id,
        timer: { durationMs: element.timeoutMs },
      }),
    );
    on['timer.fired'] = [
      { guard: { type: 'timerIs', params: { timerId } }, target: scope.failureTarget(element.id) },
    ];
    // A decision in time cancels the deadline, so the runtime forgets the timer.
    exit.push(act('effect.cancelTimer', { timerId }));
  }
  const state: StateJson = { id: element.id, entry, on };
  if (exit.length > 0) state.exit = exit;
  return scope.withBoundaries(element, state);
}

function exclusiveGateway(element: ElementOf<'exclusiveGateway'>, scope: Scope): StateJson {
  const paths = scope.outgoing(element.id);
  if (paths.length <= 1) return { id: element.id, always: [{ target: scope.next(element.id) }] };
  const conditions = paths
    .filter((path) => path.id !== element.default)
    .map((path) => ({ connectionId: path.id, condition: path.condition ?? 'true' }));
  return {
    id: element.id,
    // The runtime evaluates the JSONata conditions in order and reports the path taken.
    entry: [
      act(
        'effect.evaluate',
        defined({ elementId: element.id, conditions, default: element.default }),
      ),
    ],
    on: {
      'gateway.decided': paths.map((path) => ({
        guard: { type: 'decided', params: { elementId: element.id, connectionId: path.id } },
        target: scope.target(path.target),
      })),
    },
  };
}

function callActivity(element: ElementOf<'callActivity'>, scope: Scope): StateJson {
  return scope.withBoundaries(element, {
    id: element.id,
    entry: [
      act('effect.startSubflow', {
        elementId: element.id,
        flowId: element.flowId,
        version: element.version,
      }),
    ],
    on: {
      'subflow.completed': [
        { guard: isFor(element.id), target: scope.next(element.id), actions: [act('mergeOutput')] },
      ],
      'subflow.failed': [
        {
          guard: isFor(element.id),
          target: scope.failureTarget(element.id),
          actions: [act('recordError', { elementId: element.id })],
        },
      ],
    },
  });
}
