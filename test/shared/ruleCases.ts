import { expect, it } from 'vitest';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { Diagnostic } from '../../src-shared/validation/Diagnostic';
import { chain, el, flowOf } from './flows';

/** What a rule found: `[code, elementId]`. */
export type Finding = readonly [code: string, elementId: string | undefined];
/** One row of a rule's case table: a scenario, its flow, and what the rule must find. */
export type RuleCase = readonly [
  scenario: string,
  doc: WorkflowDocument,
  expected: readonly Finding[],
];

/** The findings of a rule, sorted so that case tables need not follow the rule's order. */
export const findings = (diagnostics: readonly Diagnostic[]): Finding[] =>
  diagnostics.map((d) => [d.code, d.elementId] as const).sort((a, b) => (a < b ? -1 : 1));

/** One test per case: given the flow, when the rule checks it, then it finds exactly these. */
export const checkCases = (
  rule: (doc: WorkflowDocument) => readonly Diagnostic[],
  cases: readonly RuleCase[],
) =>
  it.each(withExpectation(cases))(
    'given %s, when checked, then it finds %s',
    (...[, , doc, expected]) => {
      const diagnostics = rule(doc);

      expect(findings(diagnostics)).toEqual([...expected].sort((a, b) => (a < b ? -1 : 1)));
    },
  );

/** `[scenario, "FLOW003 lost, …", doc, expected]`: the rows with what is expected, for titles. */
export const withExpectation = <Given>(
  rows: readonly (readonly [scenario: string, given: Given, expected: readonly Finding[]])[],
) =>
  rows.map(([scenario, given, expected]) => {
    const label = expected.map((finding) => finding.join(' ')).join(', ') || 'nothing';
    return [scenario, label, given, expected] as const;
  });

/** start → steps… → end. */
export const linear = (...steps: ReturnType<typeof el.wait>[]) =>
  flowOf([el.start('s'), ...steps, el.end('e')], chain('s', ...steps.map((m) => m.id), 'e'));
