import { describe, expect, it } from 'vitest';
import { fixtureContext, loadBrokenFixtures } from '../../../test/shared/brokenFixtures';
import { deepFreeze } from '../../../test/shared/documents';
import { largeMap, randomMap } from '../../../test/shared/generatedMaps';
import { cleanOrderMap, orderContext, react } from '../../../test/shared/maps';
import type { Element } from '../../model/document';
import { WorkflowDocument } from '../../model/document';
import { compareDiagnostics } from '../validateFlow';
import { mapDiagnosticCodes, mapDiagnostics, type MapDiagnosticCode } from './mapDiagnostics';
import { validateMap } from './validateMap';

const fixtures = loadBrokenFixtures('CHOR');
const refusedBySchema = new Set(['CHOR007', 'CHOR008']);

describe('validateMap: broken fixtures', () => {
  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))(
    'given %s, when validated, then it yields exactly its code',
    (_, fixture) => {
      const diagnostics = validateMap(fixture.document, fixtureContext);

      expect(diagnostics.length).toBeGreaterThan(0);
      expect(diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual(
        diagnostics.filter((d) => d.code === fixture.code).map((d) => `${d.code}: ${d.message}`),
      );
    },
  );

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))(
    'given %s, when parsed by the schema, then only CHOR007 and CHOR008 are refused',
    (_, fixture) => {
      const result = WorkflowDocument.safeParse(fixture.document);

      expect(result.success).toBe(!refusedBySchema.has(fixture.code));
    },
  );

  it('given the catalogue, when the fixtures are listed, then every CHOR code has at least one', () => {
    const covered = new Set(fixtures.map((fixture) => fixture.code));

    const missing = mapDiagnosticCodes.filter((code) => !covered.has(code));

    expect(missing).toEqual([]);
    expect([...covered].filter((code) => !mapDiagnosticCodes.includes(code as never))).toEqual([]);
  });

  it('given the three-service cycle, when validated, then the message spells the cycle in order from the smallest service id', () => {
    const fixture = fixtures.find((f) => f.file === 'CHOR301.three-service-cycle.json');

    const diagnostics = validateMap(fixture!.document, fixtureContext);

    expect(diagnostics.map(({ elementId, message }) => ({ elementId, message }))).toEqual([
      {
        elementId: 'billing',
        message:
          'Service "Billing" (billing) is in a choreography cycle: Billing → InvoiceIssued → Ledger → LedgerUpdated → Reminder → ReminderSent → Billing',
      },
    ]);
  });
});

describe('validateMap: whole maps', () => {
  it('given the clean order map (OrderPlaced fans out), when validated, then there are no diagnostics', () => {
    const doc = deepFreeze(cleanOrderMap());

    expect(WorkflowDocument.safeParse(doc).success).toBe(true);
    expect(validateMap(doc, orderContext)).toEqual([]);
  });

  it('given the same map with its elements and edges in another order, when validated, then the result is the same', () => {
    const doc = cleanOrderMap();
    for (const element of doc.model.elements) {
      if (element.type === 'service' && element.id !== 'shop') element.service = 'Unknown';
    }
    doc.model.connections.push(react('orderConfirmed', 'payment', { idempotent: false }));
    const shuffled = {
      ...doc,
      model: {
        elements: [...doc.model.elements].reverse(),
        connections: [...doc.model.connections].reverse(),
      },
    };

    const first = validateMap(doc, orderContext);

    expect(first.length).toBeGreaterThan(3);
    expect(validateMap(shuffled, orderContext)).toEqual(first);
    expect([...first].sort(compareDiagnostics)).toEqual(first);
  });

  it('given a map whose catalog is the workspace’s, when validated, then the workspace catalog is used', () => {
    const doc = cleanOrderMap();
    const { catalog } = doc;
    delete doc.catalog;

    expect(validateMap(doc, { ...orderContext, catalog: catalog! })).toEqual([]);
    expect(validateMap(doc, orderContext).map((d) => d.code)).toContain('CHOR101');
  });

  it('given reactions that leave out their lists and a node without a name, as hand-written JSON may, when validated, then it reports instead of throwing', () => {
    const doc = cleanOrderMap();
    const reaction = doc.model.connections.find((c) => c.id === 'stockReserved-payment')?.reaction;
    const partial = reaction as unknown as Record<string, unknown>;
    delete partial.emitsOnSuccess;
    delete partial.emitsOnFailure;
    partial.operations = [null, { operation: 'charge' }];
    delete (doc.model.elements[0] as unknown as Record<string, unknown>).name;

    expect(WorkflowDocument.safeParse(doc).success).toBe(false);
    expect(validateMap(doc, orderContext)).toEqual([]);
  });

  it('given a flow, when validated as a map, then it is reported once on the document', () => {
    const flow = { ...cleanOrderMap(), kind: 'flow' as const };

    expect(validateMap(flow, orderContext)).toEqual([
      {
        code: 'CHOR006',
        severity: 'error',
        message: 'The document is an orchestration flow, not a choreography map',
        help: mapDiagnostics.CHOR006.help,
      },
    ]);
  });
});

describe('validateMap: random maps', () => {
  it('given 500 random maps, when validated twice, then it never throws and gives the same sorted list', () => {
    for (let seed = 1; seed <= 500; seed += 1) {
      const doc = deepFreeze(randomMap(seed));

      const first = validateMap(doc, fixtureContext);
      const second = validateMap(doc, fixtureContext);

      expect(second).toEqual(first);
      expect([...first].sort(compareDiagnostics)).toEqual(first);
      for (const diagnostic of first) {
        expect(mapDiagnostics[diagnostic.code as MapDiagnosticCode].severity).toBe(
          diagnostic.severity,
        );
      }
    }
  });
});

// How fast this is, is measured by `npm run bench compile` (validate a map of 1,000 services and
// 1,000 events), not here: timed assertions fail on a busy machine.
describe('validateMap: size', () => {
  it('given a generated map of 1,000 services and 1,000 events, when validated, then it finds nothing', () => {
    const doc = largeMap(1_000);
    const count = (type: Element['type']) =>
      doc.model.elements.filter((element) => element.type === type).length;

    const diagnostics = validateMap(doc, orderContext);

    expect([count('service'), count('eventType')]).toEqual([1_000, 1_000]);
    expect(diagnostics).toEqual([]);
  });

  it('given 1,000 events in one ring, when validated, then the cycle is found once', () => {
    const doc = largeMap(1_000);
    doc.model.connections.push(react('e997', 's0', { emitsOnSuccess: ['e0'] }));
    validateMap(doc, orderContext);

    const diagnostics = validateMap(doc, orderContext);

    expect(diagnostics.map((d) => [d.code, d.elementId])).toEqual([['CHOR301', 's0']]);
    expect(diagnostics[0]?.message).toMatch(
      /^Service "S0" \(s0\) is in a choreography cycle: S0 → E0 → S1 → E1 → /,
    );
    expect(diagnostics[0]?.message).toMatch(/ → S997 → E997 → S0$/);
  });
});
