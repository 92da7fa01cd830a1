import { COMPENSATION_RETRY } from '../../compiler/compileFlow';
import type { ElementOf } from '../../model/document';
import type { RetryPolicy, TimerSpec } from '../../model/expressions';
import type { AslRetrier, AslState } from './aslTypes';

/** Where the mock resources of an export live: replace them, or mock them in Step Functions Local. */
export interface AslTargets {
  readonly region: string;
  readonly account: string;
}
export const MOCK_TARGETS: AslTargets = { region: 'us-east-1', account: '123456789012' };

/** A Lambda function ARN for a name (letters, digits, "-" and "_" only, at most 64 characters). */
export function functionArn(targets: AslTargets, name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64);
  return `arn:aws:lambda:${targets.region}:${targets.account}:function:${safe}`;
}

export function stateMachineArn(targets: AslTargets, name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 80);
  return `arn:aws:states:${targets.region}:${targets.account}:stateMachine:${safe}`;
}

/**
 * A JSONata expression as a Step Functions template. ASL allows no line breaks inside `{% %}`,
 * so they become spaces (JSONata reads them alike outside string literals).
 */
export const jsonata = (expression: string) =>
  `{% ${expression.replace(/\s*[\r\n]+\s*/g, ' ').trim()} %}`;

/** A Baton mapping evaluates over the instance data: in ASL, the state's input. */
export const overData = (expression: string) => `$states.input.(${expression})`;

/** The instance data, unchanged: what a state that only acts passes on. */
export const KEEP_DATA = jsonata('$states.input');

/** A result (an object) merged into the instance data, as Baton merges a step's output. */
export const MERGE_RESULT = jsonata(
  "$merge([$states.input, $type($states.result) = 'object' ? $states.result : {}])",
);

export const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Baton's retry policy: `maxAttempts` in all, so `maxAttempts - 1` retries, doubling or fixed. */
export function retrier(policy: RetryPolicy): AslRetrier {
  return {
    ErrorEquals: ['States.ALL'],
    IntervalSeconds: seconds(policy.initialDelayMs),
    MaxAttempts: policy.maxAttempts - 1,
    BackoffRate: policy.backoff === 'exponential' ? 2 : 1,
    MaxDelaySeconds: seconds(policy.maxDelayMs),
  };
}

/** A service task: its call with its input mapping, its output merged into the data. */
export function serviceTaskState(element: ElementOf<'serviceTask'>, targets: AslTargets): AslState {
  const name = `${element.service ?? 'Service'}-${element.operation ?? 'operation'}`;
  const output =
    element.output === undefined
      ? MERGE_RESULT
      : jsonata(
          `$merge([$states.input, {"data": $states.input, "result": $states.result}.(${element.output})])`,
        );
  const state: AslState = {
    Type: 'Task',
    Comment: `${element.name || element.id}: ${element.service ?? '?'}.${element.operation ?? '?'}`,
    Resource: functionArn(targets, name),
    Arguments: jsonata(element.input === undefined ? '$states.input' : overData(element.input)),
    Output: output,
  };
  if (element.timeoutMs !== undefined) state.TimeoutSeconds = seconds(element.timeoutMs);
  if (element.retry && element.retry.maxAttempts > 1) state.Retry = [retrier(element.retry)];
  return state;
}

/** The call that undoes a completed step; retried as Baton retries a compensation. */
export function compensationState(
  element: ElementOf<'serviceTask'>,
  targets: AslTargets,
): AslState {
  const operation = element.compensation?.operation ?? 'undo';
  const input = element.compensation?.input;
  return {
    Type: 'Task',
    Comment: `Undo ${element.name || element.id}: ${element.service ?? '?'}.${operation}`,
    Resource: functionArn(targets, `${element.service ?? 'Service'}-${operation}`),
    Arguments: jsonata(input === undefined ? '$states.input' : overData(input)),
    Output: KEEP_DATA,
    Retry: [retrier(COMPENSATION_RETRY)],
  };
}

/**
 * A step Step Functions cannot do by itself (a person's decision, an awaited event): a callback
 * task that hands its token to a function and waits until something calls SendTaskSuccess.
 */
export function callbackState(
  comment: string,
  functionName: string,
  payload: Record<string, unknown>,
  targets: AslTargets,
): AslState {
  return {
    Type: 'Task',
    Comment: comment,
    Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    Arguments: {
      FunctionName: functionArn(targets, functionName),
      Payload: { taskToken: jsonata('$states.context.Task.Token'), ...payload, data: KEEP_DATA },
    },
    Output: MERGE_RESULT,
  };
}

/** A timer: a Wait of whole seconds, or until a point in time. */
export function waitState(timer: TimerSpec, comment: string): AslState {
  return 'durationMs' in timer
    ? { Type: 'Wait', Comment: comment, Seconds: Math.ceil(timer.durationMs / 1000) }
    : { Type: 'Wait', Comment: comment, Timestamp: timer.at };
}
