import { findOperation, type Catalog, type MockOutcome } from '../model/catalog';
import type { Choice } from './random';
import type { MockOverride, Scenario } from './scenario';

/** An operation's mock as a run uses it: the catalog's defaults under the scenario's override. */
export interface ResolvedMock {
  readonly latencyMs: number | { readonly min: number; readonly max: number };
  readonly outcomes?: readonly MockOutcome[];
  readonly failRate: number;
  readonly output?: string;
  readonly honoursIdempotency: boolean;
}

/** What a mock does when the operation is not in the catalog: answers at once, always. */
const FALLBACK: ResolvedMock = { latencyMs: 10, failRate: 0, honoursIdempotency: true };

/**
 * The mock of one call. The scenario's entry for the element id wins over its entry for
 * `Service.operation`, which wins over the catalog's defaults (DESIGN.md §5).
 */
export function resolveMock(
  catalog: Catalog,
  scenario: Scenario,
  call: { readonly elementId?: string; readonly service: string; readonly operation: string },
): ResolvedMock {
  const defaults = findOperation(catalog, call.service, call.operation)?.mock ?? FALLBACK;
  const byElement = call.elementId ? scenario.mocks?.[call.elementId] : undefined;
  const byOperation = scenario.mocks?.[`${call.service}.${call.operation}`];
  const override: MockOverride = { ...byOperation, ...byElement };
  return {
    latencyMs: override.latencyMs ?? defaults.latencyMs,
    failRate: override.failRate ?? defaults.failRate,
    honoursIdempotency: override.honoursIdempotency ?? defaults.honoursIdempotency,
    ...((override.outcomes ?? defaults.outcomes)
      ? { outcomes: override.outcomes ?? defaults.outcomes }
      : {}),
    ...(override.output === undefined ? {} : { output: override.output }),
  };
}

/** What one attempt at the service will do, drawn from the mock (a pure function of `choice`). */
export function drawAttempt(
  mock: ResolvedMock,
  attempt: number,
  choice: Choice,
): { readonly outcome: MockOutcome; readonly latencyMs: number } {
  const latency = mock.latencyMs;
  const latencyMs =
    typeof latency === 'number' ? latency : choice.between(latency.min, latency.max);
  const roll = choice.fraction();
  if (mock.outcomes && mock.outcomes.length > 0) {
    const outcome = mock.outcomes[Math.min(attempt, mock.outcomes.length) - 1] ?? 'ok';
    return { outcome, latencyMs };
  }
  return { outcome: roll < mock.failRate ? 'fail' : 'ok', latencyMs };
}

/**
 * When the caller hears back, and when the service's side effect happens, for one attempt with
 * the caller's timeout. A side effect after the caller gave up is a late success.
 */
export interface CallTimeline {
  /** What the caller hears and when (virtual ms after the call), or null: it waits for ever. */
  readonly reply: { readonly kind: 'ok' | 'failed' | 'timeout'; readonly afterMs: number } | null;
  /** When the service performs the side effect, or null: it performs none. */
  readonly effectAfterMs: number | null;
  /** The side effect happens after the caller gave up. */
  readonly late: boolean;
}

export function callTimeline(
  outcome: MockOutcome,
  latencyMs: number,
  timeoutMs: number | undefined,
): CallTimeline {
  const timedOut = timeoutMs !== undefined && latencyMs > timeoutMs;
  const timeout = (afterMs: number) => ({ kind: 'timeout' as const, afterMs });
  switch (outcome) {
    case 'ok':
      return timedOut
        ? { reply: timeout(timeoutMs), effectAfterMs: latencyMs, late: true }
        : { reply: { kind: 'ok', afterMs: latencyMs }, effectAfterMs: latencyMs, late: false };
    case 'fail':
      return {
        reply: timedOut ? timeout(timeoutMs) : { kind: 'failed', afterMs: latencyMs },
        effectAfterMs: null,
        late: false,
      };
    case 'timeout':
      return { reply: timeout(timeoutMs ?? latencyMs), effectAfterMs: null, late: false };
    case 'hang':
      return {
        reply: timeoutMs === undefined ? null : timeout(timeoutMs),
        effectAfterMs: null,
        late: false,
      };
    case 'late-ok':
      if (timeoutMs === undefined) {
        return { reply: { kind: 'ok', afterMs: latencyMs }, effectAfterMs: latencyMs, late: false };
      }
      return {
        reply: timeout(timeoutMs),
        effectAfterMs: Math.max(latencyMs, timeoutMs + 1),
        late: true,
      };
  }
}

/** Whether a service is down at a moment, and until when. */
export function downUntil(scenario: Scenario, service: string, atMs: number): number | undefined {
  const window = scenario.down?.[service]?.find((w) => atMs >= w.fromMs && atMs < w.toMs);
  return window?.toMs;
}
