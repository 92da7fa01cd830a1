import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { el, path } from '../../test/shared/flows';
import {
  createDiagnostic,
  describeSubject,
  flowDiagnosticCodes,
  flowDiagnostics,
  type DiagnosticGroup,
} from './diagnostics';

const groupOfHundred: Record<string, DiagnosticGroup> = {
  '0': 'structure',
  '1': 'references',
  '2': 'expressions',
  '3': 'failure modes',
};

describe('the diagnostic catalogue', () => {
  it.each(flowDiagnosticCodes)(
    'given %s, when read, then its code, group and texts fit',
    (code) => {
      const entry = flowDiagnostics[code];

      expect(code).toMatch(/^FLOW\d{3}$/);
      expect(entry.group).toBe(groupOfHundred[code.charAt(4)]);
      expect(entry.title.length).toBeGreaterThan(5);
      expect(entry.help).toMatch(/^[A-Z].*[.!]$/);
    },
  );

  it('given the catalogue, when listed, then codes are in ascending order', () => {
    expect([...flowDiagnosticCodes].sort()).toEqual(flowDiagnosticCodes);
  });

  it('given docs/diagnostics.md, when read, then every code has a section with its title and severity', () => {
    const docs = readFileSync(join(import.meta.dirname, '../../docs/diagnostics.md'), 'utf8');
    const sections = [...docs.matchAll(/^### (FLOW\d{3}): (.+) \((error|warning|info)\)$/gm)].map(
      ([, code, title, severity]) => [code, title, severity],
    );

    expect(sections).toEqual(
      flowDiagnosticCodes.map((code) => [
        code,
        flowDiagnostics[code].title,
        flowDiagnostics[code].severity,
      ]),
    );
  });
});

describe('describeSubject and createDiagnostic', () => {
  it.each(
    (
      [
        [
          'a named element',
          el.task('chargeCard', { name: 'Charge card' }),
          'Service task "Charge card" (chargeCard)',
        ],
        ['an element with a blank name', el.xor('g', { name: '  ' }), 'Exclusive gateway g'],
        ['a named path', path('a', 'b', { id: 'p', name: 'approved' }), 'Path "approved" (p)'],
        ['a path without a name', path('a', 'b', { id: 'p' }), 'Path p'],
        ['the whole flow', undefined, 'The flow'],
      ] as const
    ).map(([scenario, subject, expected]) => [scenario, expected, subject] as const),
  )('given %s, when described, then it reads %j', (_, expected, subject) => {
    expect(describeSubject(subject)).toBe(expected);
  });

  it('given an element, when a diagnostic is made, then it carries the catalogue entry and the id', () => {
    const diagnostic = createDiagnostic('FLOW301', el.task('t'), 'has no timeout');

    expect(diagnostic).toEqual({
      code: 'FLOW301',
      severity: 'warning',
      message: 'Service task "t" (t) has no timeout',
      elementId: 't',
      help: flowDiagnostics.FLOW301.help,
    });
  });

  it('given no subject, when a diagnostic is made, then it has no element id', () => {
    const diagnostic = createDiagnostic('FLOW001', undefined, 'has no start event');

    expect(diagnostic).not.toHaveProperty('elementId');
    expect(diagnostic.message).toBe('The flow has no start event');
  });
});
