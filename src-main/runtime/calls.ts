import type { MockOutcome } from '../../src-shared/model/catalog';
import { callTimeline, downUntil, drawAttempt, resolveMock } from '../../src-shared/runtime/mocks';
import { evaluate, isRecord } from './expressions';
import { contextOf } from './machines';
import type { AgendaRow } from './RunStore';
import type { RunWorld, StepBuilder } from './RunWorld';

/** How the result of a call goes back to its machine. */
export type CallMode = 'flow' | 'compensate' | 'map';

/** A call a machine asked for, before the mock is consulted. */
export interface CallRequest {
  readonly actor: string;
  readonly mode: CallMode;
  readonly elementId: string;
  readonly service: string;
  readonly operation: string;
  readonly attempt: number;
  readonly input: unknown;
  readonly timeoutMs?: number;
  /** The business identity of the effect, and the key the call carries. */
  readonly effectKey: string;
  readonly idempotencyKey: string;
  /** Fields every result event for this call carries (`elementId`, or `deliveryId` and `step`). */
  readonly reply: Readonly<Record<string, unknown>>;
  /** JSONata over `{ data, result }` (a flow's service task `output`). */
  readonly outputExpression?: string;
  /** Why the input could not be built: the call fails at once. */
  readonly inputError?: string;
}

/**
 * The outcome a person forced on this call's next attempt (`runs.nextOutcome`), used up by it:
 * by element id (not for its compensation) or by `Service.operation`.
 */
function takeForcedOutcome(world: RunWorld, call: CallRequest): MockOutcome | undefined {
  const forced = world.state.forced;
  if (!forced) return undefined;
  const keys = [
    ...(call.mode === 'compensate' ? [] : [call.elementId]),
    `${call.service}.${call.operation}`,
  ];
  const key = keys.find((candidate) => Object.hasOwn(forced, candidate));
  if (key === undefined) return undefined;
  const outcome = forced[key];
  const { [key]: _used, ...rest } = forced;
  world.state.forced = rest;
  return outcome;
}

/**
 * Journals a call request and schedules what will happen: the reply the caller gets (or a wait
 * for ever when the service hangs and nothing times it out) and, for a late success, the side
 * effect the service performs after the caller gave up. What the mock does is drawn now from the
 * run's seed, so it is fixed in the journal before anything is performed.
 */
export function requestCall(world: RunWorld, step: StepBuilder, call: CallRequest): void {
  const mock = resolveMock(world.definition.catalog, world.scenario, call);
  const drawn = drawAttempt(
    mock,
    call.attempt,
    world.choice(`call:${call.effectKey}:${call.mode}:${call.attempt}`),
  );
  const downTill = downUntil(world.scenario, call.service, world.nowMs);
  const forced = takeForcedOutcome(world, call);
  const outcome = call.inputError || downTill !== undefined ? 'fail' : (forced ?? drawn.outcome);
  if (call.attempt > 1) world.state.retries = (world.state.retries ?? 0) + 1;
  const latencyMs = downTill !== undefined ? 0 : drawn.latencyMs;
  const timeline = callTimeline(outcome, latencyMs, call.timeoutMs);
  const request = step.record('request', call.actor, {
    effect: call.mode === 'compensate' ? 'compensate' : 'call',
    elementId: call.elementId,
    name:
      call.mode === 'compensate'
        ? `Undo ${world.elementName(call.actor, call.elementId)}`
        : call.mode === 'map'
          ? `${call.service}.${call.operation}`
          : world.elementName(call.actor, call.elementId),
    service: call.service,
    operation: call.operation,
    attempt: call.attempt,
    input: call.input,
    idempotencyKey: call.idempotencyKey,
    planned: {
      outcome,
      latencyMs,
      ...(call.timeoutMs ? { timeoutMs: call.timeoutMs } : {}),
      ...(forced ? { forced: true } : {}),
    },
    ...(downTill !== undefined ? { error: `${call.service} is down until ${downTill} ms` } : {}),
    ...(call.inputError ? { error: call.inputError } : {}),
  });
  const base = {
    request,
    mode: call.mode,
    elementId: call.elementId,
    service: call.service,
    operation: call.operation,
    attempt: call.attempt,
    input: call.input,
    effectKey: call.effectKey,
    idempotencyKey: call.idempotencyKey,
    honours: mock.honoursIdempotency,
    reply: call.reply,
    ...(mock.output ? { mockOutput: mock.output } : {}),
    ...(call.outputExpression ? { outputExpression: call.outputExpression } : {}),
  };
  if (timeline.reply) {
    const performs = timeline.effectAfterMs !== null && !timeline.late;
    step.schedule(world.nowMs + timeline.reply.afterMs, 'reply', call.actor, {
      ...base,
      kind: timeline.reply.kind,
      performs,
      ...(call.inputError ? { error: call.inputError } : {}),
    });
  } else {
    step.schedule(null, 'hung', call.actor, base);
  }
  if (timeline.late && timeline.effectAfterMs !== null) {
    step.schedule(world.nowMs + timeline.effectAfterMs, 'late-effect', call.actor, base);
  }
}

/**
 * The mock performs the call's side effect and keeps it in its ledger (a journal `effect`
 * entry). A mock that honours idempotency keys answers a key it has seen with the first answer
 * and performs nothing again; one that does not performs it again (a duplicate).
 */
export async function performEffect(
  world: RunWorld,
  step: StepBuilder,
  item: AgendaRow,
  late: boolean,
): Promise<unknown> {
  const data = item.data;
  const key = String(data.idempotencyKey);
  const prior = world.performed.get(key);
  if (prior && data.honours === true) {
    step.record('effect.repeated', item.actor, { idempotencyKey: key, first: prior.seq, late });
    return prior.output;
  }
  let output: unknown = {};
  if (typeof data.mockOutput === 'string') {
    const result = await evaluate(data.mockOutput, data.input ?? {});
    output = result.ok && result.value !== undefined ? result.value : {};
  }
  const seq = step.record('effect', item.actor, {
    service: data.service,
    operation: data.operation,
    elementId: data.elementId,
    effectKey: data.effectKey,
    idempotencyKey: key,
    correlationId: world.correlationId,
    late,
    output,
  });
  if (!prior) world.performed.set(key, { output, seq });
  return output;
}

/** The reply a caller gets: the result event for its machine, and the outcome for the journal. */
export async function replyOf(
  world: RunWorld,
  step: StepBuilder,
  item: AgendaRow,
): Promise<{ event: { type: string } & Record<string, unknown>; outcome: string }> {
  const data = item.data;
  const reply = data.reply as Record<string, unknown>;
  const kind = String(data.kind);
  const mode = data.mode as CallMode;
  if (mode === 'compensate') {
    if (kind === 'ok') await performEffect(world, step, item, false);
    const type = kind === 'ok' ? 'compensation.ok' : 'compensation.failed';
    return { event: { type, ...reply }, outcome: kind === 'ok' ? 'compensated' : kind };
  }
  if (kind === 'timeout') return { event: { type: 'call.timeout', ...reply }, outcome: 'timeout' };
  if (kind === 'failed') {
    const error =
      typeof data.error === 'string'
        ? data.error
        : `${String(data.service)}.${String(data.operation)} failed`;
    return { event: { type: 'call.failed', ...reply, error }, outcome: 'failed' };
  }
  const result = data.performs === true ? await performEffect(world, step, item, false) : {};
  let output: unknown = result;
  if (typeof data.outputExpression === 'string') {
    const actor = world.actors.get(item.actor);
    const context = contextOf<{ data?: unknown }>(actor);
    const mapped = await evaluate(data.outputExpression, { data: context?.data ?? {}, result });
    if (!mapped.ok) {
      const error = `the output mapping failed: ${mapped.message}`;
      return { event: { type: 'call.failed', ...reply, error }, outcome: 'failed' };
    }
    output = mapped.value;
  }
  return {
    event: { type: 'call.ok', ...reply, ...(isRecord(output) ? { output } : {}) },
    outcome: 'ok',
  };
}

/** Agenda kinds that stand for a call not answered yet (its reply, its wait, its late effect). */
export const CALL_IN_FLIGHT = new Set(['reply', 'hung', 'late-effect']);

/**
 * Gives a call in flight another outcome (`runs.nextOutcome`): what it had scheduled is replaced
 * by what the mock schedules for that outcome, with the latency and timeout it was requested with.
 */
export function rescheduleCall(
  world: RunWorld,
  step: StepBuilder,
  items: readonly AgendaRow[],
  requested: { readonly atMs: number; readonly planned: { latencyMs: number; timeoutMs?: number } },
  outcome: MockOutcome,
): void {
  const first = items.find((item) => item.kind !== 'late-effect');
  if (!first) return;
  for (const item of items) step.remove(item.id);
  const { kind: _kind, performs: _performs, error: _error, ...base } = first.data;
  const timeline = callTimeline(outcome, requested.planned.latencyMs, requested.planned.timeoutMs);
  const at = (afterMs: number) => Math.max(world.nowMs, requested.atMs + afterMs);
  if (timeline.reply) {
    step.schedule(at(timeline.reply.afterMs), 'reply', first.actor, {
      ...base,
      kind: timeline.reply.kind,
      performs: timeline.effectAfterMs !== null && !timeline.late,
    });
  } else {
    step.schedule(null, 'hung', first.actor, base);
  }
  if (timeline.late && timeline.effectAfterMs !== null)
    step.schedule(at(timeline.effectAfterMs), 'late-effect', first.actor, base);
}
