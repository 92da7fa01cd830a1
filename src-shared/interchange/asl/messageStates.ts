import type { ElementOf } from '../../model/document';
import {
  callbackState,
  jsonata,
  KEEP_DATA,
  overData,
  stateMachineArn,
  type AslTargets,
} from './aslStates';
import type { AslState } from './aslTypes';

/** A message catch: a callback task that the event router completes when the event arrives. */
export function awaitEventState(element: ElementOf<'messageCatch'>, targets: AslTargets): AslState {
  return callbackState(
    `${element.name || element.id}: waits for ${element.eventType}`,
    'baton-await-event',
    {
      elementId: element.id,
      eventType: element.eventType,
      ...(element.correlation ? { correlation: jsonata(overData(element.correlation)) } : {}),
    },
    targets,
  );
}

/** A message throw: an EventBridge PutEvents with the payload mapping as its detail. */
export function publishState(element: ElementOf<'messageThrow'>): AslState {
  return {
    Type: 'Task',
    Comment: `${element.name || element.id}: publishes ${element.eventType}`,
    Resource: 'arn:aws:states:::events:putEvents',
    Arguments: {
      Entries: [
        {
          EventBusName: 'default',
          Source: 'baton',
          DetailType: element.eventType,
          Detail: jsonata(element.payload ? overData(element.payload) : '$states.input'),
        },
      ],
    },
    Output: KEEP_DATA,
  };
}

/** A call activity: a nested execution of the called flow's state machine (a placeholder ARN). */
export function callFlowState(element: ElementOf<'callActivity'>, targets: AslTargets): AslState {
  return {
    Type: 'Task',
    Comment: `${element.name || element.id}: runs flow ${element.flowId}`,
    Resource: 'arn:aws:states:::states:startExecution.sync:2',
    Arguments: {
      StateMachineArn: stateMachineArn(targets, element.flowId || 'flow'),
      Input: KEEP_DATA,
    },
    Output: jsonata(
      "$merge([$states.input, $type($states.result.Output) = 'object' ? $states.result.Output : {}])",
    ),
  };
}
