import type { ErrorIssue } from '../contract/errors';

/** The longest text `parseJsonSafely` reads by default: 50 MB of characters. */
export const MAX_JSON_TEXT_LENGTH = 50 * 1024 * 1024;

/** The deepest nesting of objects and arrays `parseJsonSafely` reads by default. */
export const MAX_JSON_DEPTH = 64;

export type SafeJsonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: ErrorIssue };

export interface JsonLimits {
  readonly maxLength?: number;
  readonly maxDepth?: number;
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/**
 * Parses JSON that comes from outside (a file, a paste, a request) without trusting it: the text
 * must be within a size limit, nest no deeper than a depth limit (checked on the text, before
 * anything is built, so validators that recurse cannot overflow the stack), be well-formed, and
 * hold no `"__proto__"` key anywhere (JSON.parse keeps it as an own key, which code that copies
 * by assignment would turn into a prototype). Never throws; a leading byte-order mark is ignored.
 */
export function parseJsonSafely(text: string, limits: JsonLimits = {}): SafeJsonResult {
  const maxLength = limits.maxLength ?? MAX_JSON_TEXT_LENGTH;
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  if (text.length > maxLength) {
    return refuse(
      `the text is too large: ${formatSize(text.length)} (the limit is ${formatSize(maxLength)})`,
    );
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') return refuse('the text is empty: expected JSON');

  const tooDeep = findTooDeep(source, maxDepth);
  if (tooDeep !== undefined) {
    const { line, column } = lineAndColumn(source, tooDeep);
    return refuse(
      `the JSON is nested deeper than ${maxDepth} levels (at line ${line}, column ${column})`,
    );
  }

  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse(`the text is not valid JSON: ${detail}`);
  }

  const protoPath = mayHoldProtoKey(source) ? findProtoKey(value, []) : undefined;
  if (protoPath !== undefined) {
    return {
      ok: false,
      problem: {
        path: protoPath.join('.') || '(root)',
        message: '"__proto__" is not allowed as a key',
      },
    };
  }
  return { ok: true, value };
}

function refuse(message: string): SafeJsonResult {
  return { ok: false, problem: { path: '(root)', message } };
}

/** The offset of the first bracket that opens level `maxDepth + 1`, skipping strings. */
function findTooDeep(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth += 1;
      if (depth > maxDepth) return index;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return undefined;
}

/**
 * Whether a `"__proto__"` key is possible at all: it must appear literally, unless written with
 * `\u` escapes (no other JSON escape yields a letter or "_"). Saves walking a large file that has
 * neither.
 */
function mayHoldProtoKey(text: string): boolean {
  return text.includes('__proto__') || text.includes('\\u');
}

/**
 * The path to the first `"__proto__"` key in a parsed value, if any. `path` is a scratch stack
 * (pushed and popped, not copied, so a file of 100,000 elements costs no garbage). The depth is
 * already bounded, so the recursion is too.
 */
function findProtoKey(value: unknown, path: (string | number)[]): string[] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const entries: Iterable<[string | number, unknown]> = Array.isArray(value)
    ? value.entries()
    : Object.entries(value);
  for (const [key, child] of entries) {
    path.push(key);
    if (key === '__proto__') return path.map(String);
    const found = findProtoKey(child, path);
    if (found) return found;
    path.pop();
  }
  return undefined;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index += 1) {
    if (text.charCodeAt(index) === NEWLINE) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function formatSize(characters: number): string {
  const megabytes = characters / (1024 * 1024);
  return megabytes >= 1 ? `${Math.round(megabytes * 10) / 10} MB` : `${characters} characters`;
}
