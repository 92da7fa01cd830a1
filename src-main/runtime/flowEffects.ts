import { pendingCompensation } from '../../src-shared/compiler/machineSetup';
import type { FlowMachineContext } from '../../src-shared/compiler/machineTypes';
import type { RetryPolicy, TimerSpec } from '../../src-shared/model/expressions';
import { requestCall } from './calls';
import { startSubflow } from './subflows';
import { evaluate, isRecord, textOr } from './expressions';
import type { Requester } from './RunWorld';
import type { EffectRequest } from './machines';

/** Virtual time 0 of every run, for timers that wait until a date (`{ at }`). */
export const VIRTUAL_EPOCH_MS = Date.UTC(2026, 0, 1);

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const flowData = (request: EffectRequest) => (request.context as FlowMachineContext).data;

/** The delay before a retry: fixed, or doubling from the initial delay up to the maximum. */
export function backoffDelay(policy: RetryPolicy, attemptsSoFar: number): number {
  if (policy.backoff === 'fixed') return policy.initialDelayMs;
  const delay = policy.initialDelayMs * 2 ** Math.max(0, attemptsSoFar - 1);
  return Math.min(policy.maxDelayMs, delay);
}

function timerDelay(timer: TimerSpec | undefined, nowMs: number): number {
  if (!timer) return 0;
  if ('durationMs' in timer) return timer.durationMs;
  return Math.max(0, Date.parse(timer.at) - VIRTUAL_EPOCH_MS - nowMs);
}

/** Evaluates an optional mapping over the instance data; absent, the data itself. */
async function mapData(source: string | undefined, data: unknown) {
  if (source === undefined) return { value: data };
  const result = await evaluate(source, data);
  return result.ok ? { value: result.value ?? {} } : { value: {}, error: result.message };
}

/**
 * The business identity of a step's call: the same for its retries, another for each visit of a
 * loop (`#2`, `#3`…), so that a service honouring idempotency keys does the work again and the
 * verdict does not take a loop for a duplicate. The first visit's key is the one runs always had.
 */
export function stepKey(
  correlationId: string,
  actor: string,
  elementId: string,
  context: Pick<FlowMachineContext, 'visits'>,
): string {
  const visit = context.visits?.[elementId] ?? 1;
  return `${correlationId}:${actor}:${elementId}${visit > 1 ? `#${visit}` : ''}`;
}

const call: Requester = async (world, actor, request, step) => {
  const { params } = request;
  const context = request.context as FlowMachineContext;
  const elementId = String(params.elementId);
  const input = await mapData(text(params.input), context.data);
  const effectKey = stepKey(world.correlationId, actor, elementId, context);
  requestCall(world, step, {
    actor,
    mode: 'flow',
    elementId,
    service: textOr(params.service, ''),
    operation: textOr(params.operation, ''),
    attempt: context.attempts[elementId] ?? 1,
    input: input.value,
    ...(typeof params.timeoutMs === 'number' ? { timeoutMs: params.timeoutMs } : {}),
    effectKey,
    idempotencyKey: effectKey,
    reply: { elementId },
    ...(text(params.output) ? { outputExpression: text(params.output) } : {}),
    ...(input.error ? { inputError: `the input mapping failed: ${input.error}` } : {}),
  });
};

const compensate: Requester = async (world, actor, request, step) => {
  const context = request.context as FlowMachineContext;
  const elementId = pendingCompensation(context);
  const plan = elementId ? context.compensations[elementId] : undefined;
  if (!elementId || !plan)
    throw new Error('a compensation was asked for with nothing to compensate');
  const input = await mapData(plan.input, context.data);
  // The undo of the step's latest visit (the one its compensation plan stands for).
  const effectKey = `${stepKey(world.correlationId, actor, elementId, context)}:undo`;
  requestCall(world, step, {
    actor,
    mode: 'compensate',
    elementId,
    service: plan.service,
    operation: plan.operation,
    attempt: context.compensationAttempts,
    input: input.value,
    effectKey,
    idempotencyKey: effectKey,
    reply: { elementId },
    ...(input.error
      ? { inputError: `the compensation's input mapping failed: ${input.error}` }
      : {}),
  });
};

const startTimer: Requester = (world, actor, request, step) => {
  const { params } = request;
  const context = request.context as FlowMachineContext;
  const timerId = String(params.timerId);
  const elementId = text(params.elementId);
  let delay: number;
  let purpose: string;
  if (isRecord(params.retry)) {
    const attempts = elementId ? (context.attempts[elementId] ?? 1) : context.compensationAttempts;
    delay = backoffDelay(params.retry as RetryPolicy, attempts);
    purpose = 'retry';
  } else {
    delay = timerDelay(params.timer as TimerSpec | undefined, world.nowMs);
    purpose = timerId.split(':')[0] ?? 'timer';
  }
  const requestSeq = step.record('request', actor, {
    effect: 'timer',
    timerId,
    purpose,
    ...(elementId ? { elementId, name: world.elementName(actor, elementId) } : {}),
    delayMs: delay,
  });
  step.schedule(world.nowMs + delay, 'timer', actor, {
    request: requestSeq,
    timerId,
    purpose,
    ...(elementId ? { elementId } : {}),
  });
  return Promise.resolve();
};

const cancelTimer: Requester = (world, actor, request, step) => {
  const timerId = String(request.params.timerId);
  for (const item of world.agenda) {
    if (item.kind === 'timer' && item.actor === actor && item.data.timerId === timerId) {
      step.remove(item.id);
      step.record('result', actor, { request: item.data.request, outcome: 'cancelled' });
    }
  }
  return Promise.resolve();
};

const waitForPerson: Requester = (world, actor, request, step) => {
  const elementId = String(request.params.elementId);
  const planned = world.scenario.approvals?.[elementId];
  const decision = planned === 'ignore' ? undefined : planned;
  const requestSeq = step.record('request', actor, {
    effect: 'person',
    elementId,
    name: world.elementName(actor, elementId),
    ...(text(request.params.assignee) ? { assignee: request.params.assignee } : {}),
    ...(decision ? { decidedBy: 'scenario' } : {}),
  });
  const data = { request: requestSeq, elementId, ...(decision ? { decision } : {}) };
  // Ignored on purpose: the task never ends by a decision, and the clock is free to pass it.
  step.schedule(
    decision ? world.nowMs : null,
    planned === 'ignore' ? 'ignored' : 'person',
    actor,
    data,
  );
  return Promise.resolve();
};

const evaluateGateway: Requester = (world, actor, request, step) => {
  const elementId = String(request.params.elementId);
  const requestSeq = step.record('request', actor, {
    effect: 'decide',
    elementId,
    name: world.elementName(actor, elementId),
  });
  step.schedule(world.nowMs, 'decide', actor, {
    request: requestSeq,
    elementId,
    conditions: request.params.conditions,
    ...(text(request.params.default) ? { default: request.params.default } : {}),
  });
  return Promise.resolve();
};

const awaitEvent: Requester = async (world, actor, request, step) => {
  const elementId = String(request.params.elementId);
  const correlation = text(request.params.correlation);
  // The awaited event must carry this value; an expression that gives nothing falls back to the
  // instance's correlation id.
  const evaluated = correlation ? await evaluate(correlation, flowData(request)) : undefined;
  const expected =
    evaluated?.ok && evaluated.value !== undefined ? evaluated.value : world.correlationId;
  const requestSeq = step.record('request', actor, {
    effect: 'await',
    elementId,
    name: world.elementName(actor, elementId),
    eventType: request.params.eventType,
    correlation: expected,
  });
  step.schedule(null, 'await', actor, {
    request: requestSeq,
    elementId,
    eventType: request.params.eventType,
    correlation: typeof expected === 'string' ? expected : JSON.stringify(expected),
  });
};

const publish: Requester = async (world, actor, request, step) => {
  const elementId = String(request.params.elementId);
  const payload = await mapData(text(request.params.payload), flowData(request));
  const requestSeq = step.record('request', actor, {
    effect: 'publish',
    elementId,
    name: world.elementName(actor, elementId),
    eventType: request.params.eventType,
  });
  step.schedule(world.nowMs, 'publish', actor, {
    request: requestSeq,
    type: request.params.eventType,
    payload: isRecord(payload.value) ? payload.value : { value: payload.value },
    by: elementId,
    reply: { elementId },
  });
};

/** Flow effects by name; a map's service machines have their own (`broker.ts`). */
export const flowRequesters: Record<string, Requester> = {
  'effect.call': call,
  'effect.compensate': compensate,
  'effect.startTimer': startTimer,
  'effect.cancelTimer': cancelTimer,
  'effect.waitForPerson': waitForPerson,
  'effect.evaluate': evaluateGateway,
  'effect.awaitEvent': awaitEvent,
  'effect.publish': publish,
  'effect.startSubflow': startSubflow,
};
