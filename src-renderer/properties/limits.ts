import type { z } from 'zod';
import { ServiceTask, Reaction } from '../../src-shared/model/elements';
import { RetryPolicy, TimerSpec } from '../../src-shared/model/expressions';
import type { DurationLimits } from './duration';

// The limits the fields check as the user types, read from the model's schemas so the two agree.

const durationLimits = (schema: z.ZodNumber): DurationLimits => ({
  allowZero: schema.safeParse(0).success,
  maxMs: schema.maxValue ?? Number.MAX_SAFE_INTEGER,
});

const wholeNumberLimits = (schema: z.ZodNumber) => ({
  min: schema.minValue ?? 0,
  max: schema.maxValue ?? Number.MAX_SAFE_INTEGER,
});

/** A service call's or a person's timeout: above zero, at most 366 days. */
export const TIMEOUT_LIMITS = durationLimits(ServiceTask.shape.timeoutMs.unwrap());
/** A timer's duration: from zero, at most 366 days. */
export const TIMER_LIMITS = durationLimits(TimerSpec.options[0].shape.durationMs);
/** A retry delay: from zero, at most a day. */
export const RETRY_DELAY_LIMITS = durationLimits(RetryPolicy.shape.initialDelayMs);
export const MAX_ATTEMPTS_LIMITS = wholeNumberLimits(RetryPolicy.shape.maxAttempts);
export const CONCURRENCY_LIMITS = wholeNumberLimits(Reaction.shape.concurrency.unwrap());
export const REACTION_ATTEMPTS_LIMITS = wholeNumberLimits(Reaction.shape.maxAttempts.unwrap());

/** An ISO 8601 date and time with an offset, as a timer's `at`. */
export const TimerAt = TimerSpec.options[1].shape.at;
