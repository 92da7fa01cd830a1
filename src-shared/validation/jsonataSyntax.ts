import jsonata from 'jsonata';

/** What is wrong with an expression's syntax, or `null` when it parses. */
export function syntaxProblem(expression: string): string | null {
  try {
    jsonata(expression);
    return null;
  } catch (error: unknown) {
    const { message, position } = (error ?? {}) as { message?: unknown; position?: unknown };
    const text = typeof message === 'string' && message !== '' ? message : 'it cannot be parsed';
    return typeof position === 'number' ? `${text} (at character ${position})` : text;
  }
}

const BATCH = 256;

/**
 * The syntax problem of each expression (`null`: it parses), like `syntaxProblem` but fast for
 * thousands of expressions. JSONata rebuilds its whole parser on every call, which costs about
 * 0.1 ms, so expressions that cannot leak into their neighbours (`isSelfContained`) are parsed
 * together as the items of one array constructor; a batch that fails is split in halves until
 * the broken expressions are parsed on their own, so every message is the one JSONata gives.
 */
export function syntaxProblems(expressions: Iterable<string>): Map<string, string | null> {
  const verdicts = new Map<string, string | null>();
  const batchable: string[] = [];
  for (const expression of new Set(expressions)) {
    if (isSelfContained(expression)) batchable.push(expression);
    else verdicts.set(expression, syntaxProblem(expression));
  }
  for (let start = 0; start < batchable.length; start += BATCH) {
    checkTogether(batchable.slice(start, start + BATCH), verdicts);
  }
  return verdicts;
}

function checkTogether(group: readonly string[], verdicts: Map<string, string | null>): void {
  if (group.length === 1) {
    const [only = ''] = group;
    verdicts.set(only, syntaxProblem(only));
    return;
  }
  if (parsesAsItems(group)) {
    for (const expression of group) verdicts.set(expression, null);
    return;
  }
  const half = Math.ceil(group.length / 2);
  checkTogether(group.slice(0, half), verdicts);
  checkTogether(group.slice(half), verdicts);
}

/** Does `[e1, e2, …]` parse into an array of exactly these items? */
function parsesAsItems(group: readonly string[]): boolean {
  try {
    const ast = jsonata(`[${group.join('\n,\n')}\n]`).ast() as {
      type?: string;
      value?: string;
      expressions?: unknown[];
    };
    return ast.type === 'unary' && ast.value === '[' && ast.expressions?.length === group.length;
  } catch {
    return false;
  }
}

const closing: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/**
 * Can this expression sit between commas in an array constructor and parse there exactly as it
 * does alone? True when its strings, names and comments are closed, its brackets balance, and
 * at its top level it holds no `,`, `;` or `..` (which mean something else inside an array).
 * A `/` outside a comment may start a regular expression, which this scan cannot follow, so it
 * makes the answer false. False only costs time: the expression is then parsed on its own.
 */
export function isSelfContained(expression: string): boolean {
  const open: string[] = [];
  for (let at = 0; at < expression.length; at += 1) {
    const char = expression[at] as string;
    if (char === '"' || char === "'" || char === '`') {
      at = closingQuote(expression, at);
      if (at < 0) return false;
    } else if (char === '/') {
      if (expression[at + 1] !== '*') return false;
      at = expression.indexOf('*/', at + 2) + 1;
      if (at <= 0) return false;
    } else if (char in closing) open.push(closing[char] as string);
    else if (char === ')' || char === ']' || char === '}') {
      if (open.pop() !== char) return false;
    } else if (open.length === 0 && topLevelSeparator(expression, at)) return false;
  }
  return open.length === 0;
}

const topLevelSeparator = (expression: string, at: number) => {
  const char = expression[at];
  return char === ',' || char === ';' || (char === '.' && expression[at + 1] === '.');
};

/** The position of the quote that closes the one at `at`, or -1. */
function closingQuote(expression: string, at: number): number {
  const quote = expression[at];
  for (let end = at + 1; end < expression.length; end += 1) {
    if (quote !== '`' && expression[end] === '\\') end += 1;
    else if (expression[end] === quote) return end;
  }
  return -1;
}
