import {
  createExpressionEvaluator,
  DEFAULT_EXPRESSION_LIMITS,
  type EvaluationResult,
} from '../../src-shared/expressions/evaluateExpression';

const evaluator = createExpressionEvaluator({
  ...DEFAULT_EXPRESSION_LIMITS,
  now: () => performance.now(),
});

/**
 * Evaluates a document's JSONata in a run, with the standard time and depth limits; each
 * expression is parsed once per process.
 */
export function evaluate(source: string, input: unknown): Promise<EvaluationResult> {
  return evaluator(source, input);
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A journaled or requested field that should be text, or the fallback. */
export const textOr = (value: unknown, fallback: string): string =>
  typeof value === 'string' ? value : fallback;
