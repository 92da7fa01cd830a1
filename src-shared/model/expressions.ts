import { z } from 'zod';

/** The longest JSONata expression a document may hold. */
export const MAX_EXPRESSION_LENGTH = 10_000;

/**
 * A JSONata expression (a condition or a data mapping). Its syntax is checked by validation
 * (FLOW diagnostics), not by the schema, so a half-typed expression never blocks saving.
 */
export const Expression = z.string().max(MAX_EXPRESSION_LENGTH);
export type Expression = z.infer<typeof Expression>;

/** How long to wait: a duration, or until a point in time (ISO 8601). */
export const TimerSpec = z.union([
  z.strictObject({
    durationMs: z
      .number()
      .int()
      .nonnegative()
      .max(366 * 24 * 3600 * 1000),
  }),
  z.strictObject({ at: z.iso.datetime({ offset: true }) }),
]);
export type TimerSpec = z.infer<typeof TimerSpec>;

/** How a failed service call is tried again. */
export const RetryPolicy = z.strictObject({
  /** Attempts in all, the first one included (1 = no retry). */
  maxAttempts: z.number().int().min(1).max(100),
  backoff: z.enum(['fixed', 'exponential']),
  initialDelayMs: z.number().int().nonnegative().max(86_400_000),
  maxDelayMs: z.number().int().nonnegative().max(86_400_000),
});
export type RetryPolicy = z.infer<typeof RetryPolicy>;
