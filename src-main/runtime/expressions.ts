import {
  DEFAULT_EXPRESSION_LIMITS,
  evaluateExpression,
  type EvaluationResult,
} from '../../src-shared/expressions/evaluateExpression';

const limits = { ...DEFAULT_EXPRESSION_LIMITS, now: () => performance.now() };

/** Evaluates a document's JSONata in a run, with the standard time and depth limits. */
export function evaluate(source: string, input: unknown): Promise<EvaluationResult> {
  return evaluateExpression(source, input, limits);
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A journaled or requested field that should be text, or the fallback. */
export const textOr = (value: unknown, fallback: string): string =>
  typeof value === 'string' ? value : fallback;
