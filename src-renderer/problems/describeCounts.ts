import type { Diagnostic, Severity } from '../../src-shared/validation/Diagnostic';

/** Errors first, then warnings, then notes: the order problems are listed and counted in. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A severity as a word on its own: "Error". */
export const severityLabel: Readonly<Record<Severity, string>> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
};

const nouns: Readonly<Record<Severity, readonly [string, string]>> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['note', 'notes'],
};

/** "1 error", "3 warnings". */
export function countOf(count: number, severity: Severity): string {
  const [one, many] = nouns[severity];
  return `${count} ${count === 1 ? one : many}`;
}

/** "2 errors, 3 warnings" (always both; notes only when there are some). */
export function describeCounts(diagnostics: readonly Diagnostic[]): string {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) counts[diagnostic.severity] += 1;
  return SEVERITIES.filter((severity) => severity !== 'info' || counts.info > 0)
    .map((severity) => countOf(counts[severity], severity))
    .join(', ');
}

/** Errors before warnings before notes; the order within a severity is kept. */
export function bySeverity(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return SEVERITIES.flatMap((severity) =>
    diagnostics.filter((diagnostic) => diagnostic.severity === severity),
  );
}
