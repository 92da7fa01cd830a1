import { describe, expect, it } from 'vitest';
import { largeMap, randomMap } from '../../../test/shared/generatedMaps';
import { cleanOrderMap, mapOf, node, publish, react } from '../../../test/shared/maps';
import type { WorkflowDocument } from '../../model/document';
import { mapFigures } from './mapFigures';

const reversed = (doc: WorkflowDocument): WorkflowDocument => ({
  ...doc,
  model: {
    elements: [...doc.model.elements].reverse(),
    connections: [...doc.model.connections].reverse(),
  },
});

describe('mapFigures', () => {
  it('given the clean order map, when measured, then OrderPlaced fans out to two reactions', () => {
    const { fanOut } = mapFigures(cleanOrderMap());

    expect(fanOut.map(({ eventId, reactions }) => `${eventId}: ${reactions}`)).toEqual([
      'orderPlaced: 2',
      'stockReserved: 1',
      'outOfStock: 0',
      'paymentCaptured: 1',
      'paymentFailed: 1',
      'paymentRefunded: 1',
      'orderConfirmed: 0',
      'shipmentFailed: 1',
      'orderCancelled: 0',
    ]);
  });

  it('given the clean order map, when measured, then the chain of OrderPlaced reaches every event and the four reacting services', () => {
    const { chains } = mapFigures(cleanOrderMap());

    expect(chains).toHaveLength(1);
    expect(chains[0]?.initialEventId).toBe('orderPlaced');
    expect([...(chains[0]?.eventIds ?? [])].sort()).toEqual(
      [
        'orderCancelled',
        'orderConfirmed',
        'orderPlaced',
        'outOfStock',
        'paymentCaptured',
        'paymentFailed',
        'paymentRefunded',
        'shipmentFailed',
        'stockReserved',
      ].sort(),
    );
    expect(chains[0]?.eventIds[0]).toBe('orderPlaced');
    expect(chains[0]?.serviceIds).toEqual(['inventory', 'notification', 'payment', 'shipping']);
  });

  it('given the clean order map, when measured, then the longest chain runs through the refund, in order', () => {
    const { longestChain } = mapFigures(cleanOrderMap());

    expect(longestChain).toEqual([
      'orderPlaced',
      'inventory',
      'stockReserved',
      'payment',
      'paymentCaptured',
      'shipping',
      'shipmentFailed',
      'payment',
      'paymentRefunded',
      'inventory',
      'orderCancelled',
    ]);
  });

  it('given two chains of the same length, when measured in either document order, then the smaller service id wins', () => {
    const doc = mapOf(
      [
        node.service('shop', 'Shop'),
        node.event('placed', 'OrderPlaced', { initial: true }),
        node.service('zeta', 'Payment'),
        node.service('alpha', 'Inventory'),
      ],
      [publish('shop', 'placed'), react('placed', 'zeta'), react('placed', 'alpha')],
    );

    expect(mapFigures(doc).longestChain).toEqual(['placed', 'alpha']);
    expect(mapFigures(reversed(doc)).longestChain).toEqual(['placed', 'alpha']);
  });

  it('given a cycle, when measured, then the longest chain leaves out the step that closes it', () => {
    const doc = mapOf(
      [
        node.event('placed', 'OrderPlaced', { initial: true }),
        node.service('inventory', 'Inventory'),
        node.event('reserved', 'StockReserved'),
        node.service('payment', 'Payment'),
      ],
      [
        react('placed', 'inventory', { emitsOnSuccess: ['reserved'] }),
        publish('inventory', 'reserved'),
        react('reserved', 'payment', { emitsOnSuccess: ['placed'] }),
        publish('payment', 'placed'),
      ],
    );

    expect(mapFigures(doc).longestChain).toEqual(['placed', 'inventory', 'reserved', 'payment']);
  });

  it('given a reaction that emits the event it reacts to, when measured, then the chain stops (regression: it looped for ever)', () => {
    const doc = mapOf(
      [
        node.event('failed', 'PaymentFailed', { initial: true }),
        node.service('payment', 'Payment'),
      ],
      [react('failed', 'payment', { emitsOnFailure: ['failed'] }), publish('payment', 'failed')],
    );

    expect(mapFigures(doc).longestChain).toEqual(['failed', 'payment']);
  });

  it('given a map without an initial event, when measured, then there are no chains', () => {
    const doc = mapOf([node.event('placed', 'OrderPlaced'), node.service('s', 'Shop')], []);

    expect(mapFigures(doc)).toEqual({
      fanOut: [{ eventId: 'placed', reactions: 0 }],
      chains: [],
      longestChain: [],
    });
  });

  it('given an initial event nobody reacts to, when measured, then its chain is the event alone', () => {
    const doc = mapOf([node.event('placed', 'OrderPlaced', { initial: true })], []);

    const figures = mapFigures(doc);

    expect(figures.chains).toEqual([
      { initialEventId: 'placed', eventIds: ['placed'], serviceIds: [] },
    ]);
    expect(figures.longestChain).toEqual(['placed']);
  });

  it('given 300 random maps, when measured, then it never throws and every chain id is an element', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const doc = randomMap(seed);
      const ids = new Set(doc.model.elements.map((element) => element.id));

      const figures = mapFigures(doc);

      for (const id of figures.longestChain) expect(ids.has(id)).toBe(true);
    }
  });

  it('given a generated map of 1,000 services and 1,000 events, when measured, then it is quick (fastest of three) and the longest chain runs to the end', () => {
    const doc = largeMap(1_000);
    mapFigures(doc);

    const figures = mapFigures(doc);
    const elapsedMs = Math.min(
      ...[1, 2, 3].map(() => {
        const started = performance.now();
        mapFigures(doc);
        return performance.now() - started;
      }),
    );

    expect(figures.longestChain.slice(0, 4)).toEqual(['e0', 's1', 'e1', 's2']);
    expect(figures.longestChain.at(-1)).toBe('e998');
    expect(figures.chains[0]?.serviceIds).toHaveLength(999);
    expect(elapsedMs).toBeLessThan(50);
  });
});
