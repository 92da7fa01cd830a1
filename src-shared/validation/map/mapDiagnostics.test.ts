import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { node, react } from '../../../test/shared/maps';
import type { DiagnosticGroup } from '../diagnostics';
import {
  createMapDiagnostic,
  describeMapSubject,
  mapDiagnosticCodes,
  mapDiagnostics,
} from './mapDiagnostics';

const groupOfHundred: Record<string, DiagnosticGroup> = {
  '0': 'structure',
  '1': 'references',
  '2': 'expressions',
  '3': 'failure modes',
};

describe('the map diagnostic catalogue', () => {
  it.each(mapDiagnosticCodes)('given %s, when read, then its code, group and texts fit', (code) => {
    const entry = mapDiagnostics[code];

    expect(code).toMatch(/^CHOR\d{3}$/);
    expect(entry.group).toBe(groupOfHundred[code.charAt(4)]);
    expect(entry.title.length).toBeGreaterThan(5);
    expect(entry.help).toMatch(/^[A-Z].*[.!]$/);
  });

  it('given the catalogue, when listed, then codes are in ascending order', () => {
    expect([...mapDiagnosticCodes].sort()).toEqual(mapDiagnosticCodes);
  });

  it('given docs/diagnostics.md, when read, then every CHOR code has a section with its title and severity', () => {
    const docs = readFileSync(join(import.meta.dirname, '../../../docs/diagnostics.md'), 'utf8');
    const sections = [...docs.matchAll(/^### (CHOR\d{3}): (.+) \((error|warning|info)\)$/gm)].map(
      ([, code, title, severity]) => [code, title, severity],
    );

    expect(sections).toEqual(
      mapDiagnosticCodes.map((code) => [
        code,
        mapDiagnostics[code].title,
        mapDiagnostics[code].severity,
      ]),
    );
  });
});

describe('describeMapSubject and createMapDiagnostic', () => {
  it.each([
    ['a service node', node.service('payment', 'Payment'), 'Service "Payment" (payment)'],
    ['an event type node', node.event('paid', 'PaymentCaptured'), 'Event "PaymentCaptured" (paid)'],
    ['a node with a blank name', { ...node.service('s'), name: ' ' }, 'Service s'],
    ['a reaction edge', react('paid', 'shipping'), 'Reaction paid-shipping'],
    [
      'a named reaction',
      { ...react('paid', 'shipping'), name: 'ship it' },
      'Reaction "ship it" (paid-shipping)',
    ],
    ['a plain edge', { id: 'c1', source: 'a', target: 'b' }, 'Connection c1'],
    ['the whole map', undefined, 'The map'],
  ])('given %s, when described, then it reads %j', (_, subject, expected) => {
    expect(describeMapSubject(subject)).toBe(expected);
  });

  it('given a node, when a diagnostic is made, then it carries the catalogue entry and the id', () => {
    const diagnostic = createMapDiagnostic('CHOR302', node.event('low', 'StockLow'), 'is lonely');

    expect(diagnostic).toEqual({
      code: 'CHOR302',
      severity: 'warning',
      message: 'Event "StockLow" (low) is lonely',
      elementId: 'low',
      help: mapDiagnostics.CHOR302.help,
    });
  });

  it('given no subject, when a diagnostic is made, then it has no element id', () => {
    const diagnostic = createMapDiagnostic('CHOR001', undefined, 'has no initial event');

    expect(diagnostic).not.toHaveProperty('elementId');
    expect(diagnostic.message).toBe('The map has no initial event');
  });
});
