// The ASL export's Task states: service tasks, awaited and published events, called flows, each
// with its boundaries and failure path, and the end events a failure path may reach.
import type { Element, ElementOf } from '../../model/document';
import { KEEP_DATA, seconds, serviceTaskState } from './aslStates';
import type { AslCatcher, AslState } from './aslTypes';
import { awaitEventState, callFlowState, publishState } from './messageStates';
import { successors, withNext, type AslWalk, type Region, type Stack } from './regions';

export function endEvent(
  walk: AslWalk,
  element: ElementOf<'endEvent'>,
  region: Region,
  stack: Stack,
): void {
  if (element.result !== 'error') {
    region.states[element.id] = { Type: 'Succeed', Comment: element.name || element.id };
    return;
  }
  const failure = walk.failureTarget(region, stack);
  region.states[element.id] = failure
    ? { Type: 'Pass', Comment: element.name || element.id, Next: failure }
    : {
        Type: 'Fail',
        Comment: element.name || element.id,
        Error: element.errorCode ?? 'Baton.Error',
      };
}

export function serviceTask(
  walk: AslWalk,
  element: ElementOf<'serviceTask'>,
  region: Region,
  stack: Stack,
): [string, Stack][] {
  const done: Stack =
    stack === null || element.pivot ? null : element.compensation ? [...stack, element.id] : stack;
  writeTask(walk, element, region, stack, serviceTaskState(element, walk.targets));
  return successors(walk.graph, element.id, stack, done);
}

export function messageCatch(
  walk: AslWalk,
  element: ElementOf<'messageCatch'>,
  region: Region,
  stack: Stack,
): [string, Stack][] {
  walk.note(
    'ASL002',
    'approximated',
    element.id,
    `Step Functions cannot wait for ${element.eventType} by itself: a callback task hands its token to a function; your event router must call SendTaskSuccess with the event's payload when it arrives for this instance`,
  );
  writeTask(walk, element, region, stack, awaitEventState(element, walk.targets));
  return successors(walk.graph, element.id, stack);
}

export function messageThrow(
  walk: AslWalk,
  element: ElementOf<'messageThrow'>,
  region: Region,
  stack: Stack,
): [string, Stack][] {
  writeTask(walk, element, region, stack, publishState(element));
  return successors(walk.graph, element.id, stack);
}

export function callActivity(
  walk: AslWalk,
  element: ElementOf<'callActivity'>,
  region: Region,
  stack: Stack,
): [string, Stack][] {
  walk.note(
    'ASL102',
    'note',
    element.id,
    `calls flow "${element.flowId}" (version ${element.version}) as a nested execution of a placeholder state machine ARN: export that flow too and put its ARN here`,
  );
  writeTask(walk, element, region, stack, callFlowState(element, walk.targets));
  return successors(walk.graph, element.id, stack);
}

/**
 * A Task state with the element's boundaries and failure path: a timer boundary is its
 * `TimeoutSeconds` and a `States.Timeout` catcher; an error boundary catches every error (as
 * in Baton); any other failure goes to the compensation chain (or fails the branch).
 */
export function writeTask(
  walk: AslWalk,
  element: Element,
  region: Region,
  stack: Stack,
  state: AslState,
): void {
  const catchers: AslCatcher[] = [];
  for (const boundary of walk.graph.boundaries.get(element.id) ?? []) {
    if (boundary.type !== 'boundaryEvent') continue;
    if (boundary.trigger === 'timer') {
      const timer = boundary.timer;
      if (timer && 'durationMs' in timer) state.TimeoutSeconds = seconds(timer.durationMs);
      else
        walk.note(
          'ASL103',
          'approximated',
          boundary.id,
          'a timer boundary until a point in time cannot be a TimeoutSeconds: set one by hand',
        );
      catchers.unshift({ ErrorEquals: ['States.Timeout'], Next: boundary.id, Output: KEEP_DATA });
    } else {
      catchers.push({ ErrorEquals: ['States.ALL'], Next: boundary.id, Output: KEEP_DATA });
    }
  }
  const caught = catchers.some((catcher) => catcher.ErrorEquals.includes('States.ALL'));
  const failure = caught ? null : walk.failureTarget(region, stack);
  if (failure) catchers.push({ ErrorEquals: ['States.ALL'], Next: failure, Output: KEEP_DATA });
  if (catchers.length > 0) state.Catch = catchers;
  region.states[element.id] = withNext(walk.graph, state, element.id, region);
}
