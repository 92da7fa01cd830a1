import { describeIssues } from '../contract/dispatch';
import type { ErrorIssue } from '../contract/errors';
import { FORMAT_VERSION, WorkflowDocument } from '../model/document';
import { parseJsonSafely } from './parseJsonSafely';

/** The most problems a refused document reports one by one; the message gives the total. */
export const MAX_REPORTED_PROBLEMS = 100;

/**
 * A document read from text, or why it could not be read: a one-line `message` for a person and
 * the `problems` found, each with the path to the offending value (`model.elements.3.timeoutMs`).
 */
export type LoadResult =
  | { readonly ok: true; readonly document: WorkflowDocument }
  | { readonly ok: false; readonly message: string; readonly problems: readonly ErrorIssue[] };

/**
 * Reads a saved Baton document (a `.json` file, a paste, an import) without trusting it. Checks, in
 * this order: the text's size and nesting depth and that it is JSON without `"__proto__"` keys
 * (see `parseJsonSafely`); then `formatVersion`, so that a file from a newer Baton says so instead
 * of listing every field this Baton does not know; then the whole document against the schema.
 * Never throws and never returns a half-read document.
 */
export function loadDocument(text: string): LoadResult {
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) {
    const { problem } = parsed;
    const where = problem.path === '(root)' ? '' : ` (at ${problem.path})`;
    return refuse(`Cannot read the document: ${problem.message}${where}`, [problem]);
  }
  const json = parsed.value;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return refuse(
      'Not a Baton document: expected a JSON object with formatVersion, kind, model and diagram',
      [{ path: '(root)', message: `expected an object, received ${describeJsonType(json)}` }],
    );
  }

  const versionProblem = checkFormatVersion(json);
  if (versionProblem) {
    return refuse(versionProblem, [{ path: 'formatVersion', message: versionProblem }]);
  }

  const result = WorkflowDocument.safeParse(json);
  if (result.success) return { ok: true, document: result.data };
  const problems = describeIssues(result.error);
  const first = problems[0]!;
  const more =
    problems.length > 1
      ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`
      : '';
  return refuse(
    `The document is not valid: ${first.path}: ${first.message}${more}`,
    problems.slice(0, MAX_REPORTED_PROBLEMS),
  );
}

function refuse(message: string, problems: readonly ErrorIssue[]): LoadResult {
  return { ok: false, message, problems };
}

/** Why `json.formatVersion` cannot be read by this Baton, or `undefined` when it can. */
function checkFormatVersion(json: object): string | undefined {
  if (!Object.hasOwn(json, 'formatVersion')) {
    return 'Not a Baton document: it has no formatVersion';
  }
  const version = (json as { formatVersion: unknown }).formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return `Not a Baton document: formatVersion must be a whole number, not ${describeJsonType(version)}`;
  }
  if (version > FORMAT_VERSION) {
    return (
      `This document was made by a newer Baton (format ${version}; this Baton reads format ` +
      `${FORMAT_VERSION}). Update Baton to open it.`
    );
  }
  if (version < FORMAT_VERSION) {
    return `This document's format ${version} is not supported (this Baton reads format ${FORMAT_VERSION})`;
  }
  return undefined;
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    return `the string ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
  }
  if (typeof value === 'number') return `the number ${value}`;
  return `a ${typeof value}`;
}
