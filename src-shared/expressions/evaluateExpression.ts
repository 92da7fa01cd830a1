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
