import { describe, expect, it } from 'vitest';
import { fixtureContext, loadBrokenFixtures } from '../../test/shared/brokenFixtures';
import { cleanSaga, shopContext } from '../../test/shared/flows';
import { cleanOrderMap, orderContext } from '../../test/shared/maps';
import { validateMap } from './map/validateMap';
import { validateDocument } from './validateDocument';
import { validateFlow } from './validateFlow';

/** Fixtures that hand a document to the other kind's checks on purpose. */
const wrongKind = new Set(['FLOW023.map-document.json', 'CHOR006.flow-document.json']);

describe('validateDocument', () => {
  it('given a flow and a map, when validated, then each goes to its own checks', () => {
    const flow = cleanSaga();
    const map = cleanOrderMap();
    map.model.elements.push({ type: 'eventType', id: 'lonely', name: 'Lonely' });

    expect(validateDocument(flow, shopContext)).toEqual(validateFlow(flow, shopContext));
    expect(validateDocument(map, orderContext)).toEqual(validateMap(map, orderContext));
    expect(validateDocument(map, orderContext).map((d) => d.code)).toEqual(['CHOR103', 'CHOR302']);
  });

  it.each(
    loadBrokenFixtures()
      .filter((fixture) => !wrongKind.has(fixture.file))
      .map((fixture) => [fixture.file, fixture] as const),
  )('given %s, when validated, then it yields exactly its code', (_, fixture) => {
    const codes = validateDocument(fixture.document, fixtureContext).map((d) => d.code);

    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set([fixture.code]));
  });
});
