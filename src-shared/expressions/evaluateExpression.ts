import jsonata from 'jsonata';

/** How long and how deep one evaluation may run. */
export interface ExpressionLimits {
  readonly timeoutMs: number;
  readonly maxDepth: number;
  /** The clock that measures the time limit (injected: src-shared reads no clock of its own). */
  readonly now: () => number;
}

export const DEFAULT_EXPRESSION_LIMITS = { timeoutMs: 1_000, maxDepth: 200 } as const;

export type EvaluationResult =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly code: string;
      readonly message: string;
      readonly position?: number;
    };

interface JsonataError {
  readonly code?: string;
  readonly message?: string;
  readonly position?: number;
}

class LimitExceeded extends Error {
  constructor(
    readonly code: 'limit.depth' | 'limit.time',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Evaluates a JSONata condition or mapping against `input`, stopping it when it runs longer or
 * deeper than the limits allow. JSONata has no access to Node, the DOM or JavaScript's `eval`;
 * the limits stop runaway loops and recursion. Never throws: failures come back as data.
 */
export async function evaluateExpression(
  source: string,
  input: unknown,
  limits: ExpressionLimits,
): Promise<EvaluationResult> {
  let expression: jsonata.Expression;
  try {
    expression = jsonata(source);
  } catch (error) {
    return failure(error);
  }
  return evaluateParsed(expression, input, limits);
}

/**
 * An evaluator that parses each expression once and reuses it: what a runtime that evaluates the
 * same mappings thousands of times wants. A parsed expression carries the limit hooks of the
 * evaluation using it, so each is lent to one evaluation at a time (a small pool per source);
 * evaluations that overlap get their own copies.
 */
export function createExpressionEvaluator(limits: ExpressionLimits) {
  const idle = new Map<string, jsonata.Expression[]>();
  const unparsable = new Map<string, EvaluationResult>();
  return async (source: string, input: unknown): Promise<EvaluationResult> => {
    const refused = unparsable.get(source);
    if (refused) return refused;
    let expression = idle.get(source)?.pop();
    if (!expression) {
      try {
        expression = jsonata(source);
      } catch (error) {
        const result = failure(error);
        unparsable.set(source, result);
        return result;
      }
    }
    try {
      return await evaluateParsed(expression, input, limits);
    } finally {
      const pool = idle.get(source) ?? [];
      if (pool.length < 4) pool.push(expression);
      // Sources come from documents; a process that has seen very many starts afresh.
      if (idle.size >= 10_000 && !idle.has(source)) idle.clear();
      idle.set(source, pool);
    }
  };
}

async function evaluateParsed(
  expression: jsonata.Expression,
  input: unknown,
  limits: ExpressionLimits,
): Promise<EvaluationResult> {
  const started = limits.now();
  let depth = 0;
  const check = () => {
    if (depth > limits.maxDepth) {
      throw new LimitExceeded(
        'limit.depth',
        `the expression nests deeper than ${limits.maxDepth} levels (runaway recursion?)`,
      );
    }
    if (limits.now() - started > limits.timeoutMs) {
      throw new LimitExceeded(
        'limit.time',
        `the expression ran longer than ${limits.timeoutMs} ms (endless loop?)`,
      );
    }
  };
  // JSONata 2 calls these hooks, bound under well-known symbols, around every evaluation step.
  const assign = expression.assign.bind(expression) as unknown as (
    name: symbol,
    value: () => void,
  ) => void;
  assign(Symbol.for('jsonata.__evaluate_entry'), () => {
    depth += 1;
    check();
  });
  assign(Symbol.for('jsonata.__evaluate_exit'), () => {
    depth -= 1;
    check();
  });
  try {
    const value: unknown = await expression.evaluate(input);
    if (typeof value === 'function' || isLambda(value)) {
      return {
        ok: false,
        code: 'result.function',
        message: 'the expression gives a function, not a value',
      };
    }
    return { ok: true, value };
  } catch (error) {
    return failure(error);
  }
}

const isLambda = (value: unknown) =>
  typeof value === 'object' && value !== null && '_jsonata_lambda' in value;

function failure(error: unknown): EvaluationResult {
  if (error instanceof LimitExceeded)
    return { ok: false, code: error.code, message: error.message };
  const { code, message, position } = (error ?? {}) as JsonataError;
  return {
    ok: false,
    code: code ?? 'error',
    message: message ?? String(error),
    ...(position === undefined ? {} : { position }),
  };
}
