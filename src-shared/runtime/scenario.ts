import { z } from 'zod';
import { Latency, MockOutcome } from '../model/catalog';
import { Expression } from '../model/expressions';
import { parseJsonSafely } from '../format/parseJsonSafely';

const Millis = z
  .number()
  .int()
  .nonnegative()
  .max(366 * 24 * 3600 * 1000);

/**
 * How one mock behaves in a run, over the catalog's defaults (DESIGN.md §5). `outcomes` applies
 * per attempt, the last one repeating; without it each attempt fails at `failRate`. `output` is
 * JSONata over the call's input (`$attempt` is the attempt number).
 */
export const MockOverride = z.strictObject({
  latencyMs: Latency.optional(),
  outcomes: z.array(MockOutcome).min(1).max(100).optional(),
  failRate: z.number().min(0).max(1).optional(),
  output: Expression.optional(),
  honoursIdempotency: z.boolean().optional(),
});
export type MockOverride = z.infer<typeof MockOverride>;

/** A stretch of virtual time during which a service answers nothing and consumes nothing. */
export const DownWindow = z
  .strictObject({ fromMs: Millis, toMs: Millis })
  .refine((window) => window.toMs > window.fromMs, 'a down window must end after it starts');
export type DownWindow = z.infer<typeof DownWindow>;

/** What every random choice of a run is drawn from: a 32-bit unsigned integer. */
export const Seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1);

export const Decision = z.enum(['approve', 'reject']);
export type Decision = z.infer<typeof Decision>;

/** What the person does in a scenario: decide, or ignore the task so its deadline passes. */
export const ScenarioDecision = z.enum(['approve', 'reject', 'ignore']);

/** An event published from outside the run at a moment of its virtual time. */
export const ScenarioEvent = z.strictObject({
  type: z.string().min(1).max(128),
  atMs: Millis,
  payload: z.record(z.string(), z.unknown()).optional(),
});

const keyed = <T extends z.ZodType>(value: T) =>
  z
    .record(z.string().min(1).max(200), value)
    .refine((record) => !Object.hasOwn(record, '__proto__'), {
      message: '"__proto__" is not a valid key',
    });

/**
 * What a run is tested against: the scenario file of DESIGN.md §5, also edited by the run dialog.
 * A mock key is an element id or `Service.operation` (the element id wins); `down` is keyed by
 * service name. `events`, `correlationId` and `clock` are Baton's additions to the file.
 */
export const Scenario = z.strictObject({
  seed: Seed.optional(),
  input: z.record(z.string(), z.unknown()).optional(),
  mocks: keyed(MockOverride).optional(),
  approvals: keyed(ScenarioDecision).optional(),
  broker: z
    .strictObject({
      duplicateRate: z.number().min(0).max(1).optional(),
      maxDeliveries: z.number().int().min(1).max(100).optional(),
      latencyMs: Millis.optional(),
      redeliveryDelayMs: Millis.optional(),
    })
    .optional(),
  down: keyed(z.array(DownWindow).max(100)).optional(),
  events: z.array(ScenarioEvent).max(1000).optional(),
  correlationId: z.string().min(1).max(200).optional(),
  clock: z
    .strictObject({
      mode: z.enum(['virtual', 'real']),
      /** Virtual milliseconds per real millisecond in real-time mode. */
      speed: z.number().positive().max(10_000).optional(),
    })
    .optional(),
});
export type Scenario = z.infer<typeof Scenario>;

export type ScenarioResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Reads a scenario file's text without trusting it; problems name the field at fault. */
export function parseScenario(text: string): ScenarioResult {
  const parsed = parseJsonSafely(text, { maxLength: 5 * 1024 * 1024 });
  if (!parsed.ok) return { ok: false, problems: [parsed.problem.message] };
  return checkScenario(parsed.value);
}

/** Checks a scenario object (from a file, the run dialog or the contract). */
export function checkScenario(value: unknown): ScenarioResult {
  const result = Scenario.safeParse(value);
  if (result.success) return { ok: true, scenario: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    ),
  };
}

/** The seed a run uses: the scenario's, else 1. */
export const seedOf = (scenario: Scenario, seed?: number) => seed ?? scenario.seed ?? 1;
