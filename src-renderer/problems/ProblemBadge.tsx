import type { Severity } from '../../src-shared/validation/Diagnostic';
import { useElementProblems } from './DiagnosticsContext';
import { countOf, SEVERITIES, severityLabel } from './describeCounts';

/**
 * The problems of one element on the canvas: a small badge with their count, red when one is an
 * error, amber when the worst is a warning; its title lists the messages. Nothing when there is
 * no problem (or no `DiagnosticsProvider`).
 */
export function ProblemBadge({ elementId }: { elementId: string }) {
  const problems = useElementProblems(elementId);
  if (problems.length === 0) return null;
  const counts = SEVERITIES.map((severity) => ({
    severity,
    count: problems.filter((problem) => problem.severity === severity).length,
  })).filter(({ count }) => count > 0);
  const worst: Severity = counts[0]?.severity ?? 'info';
  const lines = problems.map(
    (problem) => `${severityLabel[problem.severity]} ${problem.code}: ${problem.message}`,
  );
  return (
    <span
      className={`problem-badge problem-badge-${worst}`}
      role="img"
      aria-label={`${counts.map(({ severity, count }) => countOf(count, severity)).join(', ')}: ${lines.join('; ')}`}
      title={lines.join('\n')}
    >
      {problems.length}
    </span>
  );
}
