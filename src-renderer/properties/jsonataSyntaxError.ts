import jsonata from 'jsonata';

/** Where an expression stops parsing, for a person: 1-based line and column, and why. */
export interface SyntaxErrorAt {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * The syntax error of a JSONata expression with its line and column, or `null` when it parses.
 * JSONata reports the offset just past the offending token; that character is the column shown.
 */
export function jsonataSyntaxError(expression: string): SyntaxErrorAt | null {
  try {
    jsonata(expression);
    return null;
  } catch (error: unknown) {
    const { message, position } = (error ?? {}) as { message?: unknown; position?: unknown };
    const text = typeof message === 'string' && message !== '' ? message : 'it cannot be parsed';
    const offset = typeof position === 'number' ? position : expression.length;
    const at = Math.max(0, Math.min(offset, expression.length) - 1);
    const before = expression.slice(0, at);
    const line = before.split('\n').length;
    const column = at - (before.lastIndexOf('\n') + 1) + 1;
    return { line, column, message: text };
  }
}

/** "line 1, column 9: Expected "}" before end of expression" */
export function describeSyntaxError({ line, column, message }: SyntaxErrorAt): string {
  return `line ${line}, column ${column}: ${message}`;
}
