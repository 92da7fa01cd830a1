import { describe, expect, it } from 'vitest';
import {
  atLeastOnce,
  editedOrderMap,
  mapOf,
  node,
  publish,
  react,
  reactionOf,
} from '../../../test/shared/maps';
import { checkCases, type RuleCase } from '../../../test/shared/ruleCases';
import type { Broker } from '../../model/document';
import { checkEventFlow } from './mapEventFlow';
import { indexMap } from './mapIndex';

const withEvent = (...extra: Parameters<typeof node.event>) =>
  editedOrderMap((doc) => doc.model.elements.push(node.event(...extra)));

const chargingTwice = (broker?: Broker) =>
  editedOrderMap((doc) => {
    reactionOf(doc, 'stockReserved-payment').idempotent = false;
    if (broker) doc.broker = broker;
    else delete doc.broker;
  });

const cases: RuleCase[] = [
  ['the clean order map', editedOrderMap(() => {}), []],
  [
    'an event only published',
    editedOrderMap((doc) => {
      doc.model.elements.push(node.event('low', 'StockLow'));
      doc.model.connections.push(publish('inventory', 'low'));
    }),
    [['CHOR302', 'low']],
  ],
  [
    'an event only emitted by a reaction',
    editedOrderMap((doc) => {
      doc.model.elements.push(node.event('low', 'StockLow'));
      reactionOf(doc, 'orderPlaced-inventory').emitsOnSuccess.push('low');
    }),
    [['CHOR302', 'low']],
  ],
  ['an event on its own', withEvent('low', 'StockLow'), [['CHOR302', 'low']]],
  ['a terminal event on its own', withEvent('done', 'Done', { terminal: 'completed' }), []],
  ['an initial event nobody consumes (CHOR002)', withEvent('go', 'Go', { initial: true }), []],
  [
    'an event consumed by an edge without a reaction (CHOR004)',
    editedOrderMap((doc) => {
      doc.model.elements.push(node.event('low', 'StockLow'));
      doc.model.connections.push(publish('inventory', 'low'), {
        id: 'x',
        source: 'low',
        target: 'shipping',
      });
    }),
    [],
  ],
  [
    'an event consumed but never published',
    editedOrderMap((doc) => {
      doc.model.elements.push(node.event('moved', 'AddressChanged'));
      doc.model.connections.push(react('moved', 'shipping'));
    }),
    [['CHOR303', 'moved']],
  ],
  [
    'an initial event consumed, published by nobody on the map',
    editedOrderMap((doc) => {
      doc.model.connections = doc.model.connections.filter((c) => c.id !== 'shop-orderPlaced');
    }),
    [],
  ],
  [
    'an event consumed and only emitted, without a publish edge (CHOR005)',
    editedOrderMap((doc) => {
      doc.model.connections = doc.model.connections.filter(
        (c) => c.id !== 'payment-paymentRefunded',
      );
    }),
    [],
  ],
  [
    'a non-idempotent reaction, at-least-once',
    chargingTwice(atLeastOnce),
    [['CHOR304', 'stockReserved-payment']],
  ],
  [
    'a non-idempotent reaction, default broker',
    chargingTwice(),
    [['CHOR304', 'stockReserved-payment']],
  ],
  [
    'a non-idempotent reaction that deduplicates (an inbox), at-least-once',
    editedOrderMap((doc) => {
      const reaction = reactionOf(doc, 'stockReserved-payment');
      reaction.idempotent = false;
      reaction.deduplicates = true;
      doc.broker = atLeastOnce;
    }),
    [],
  ],
  [
    'a non-idempotent reaction, at-most-once',
    chargingTwice({ ...atLeastOnce, delivery: 'at-most-once' }),
    [],
  ],
  [
    'a non-idempotent reaction, exactly-once',
    chargingTwice({ ...atLeastOnce, delivery: 'exactly-once' }),
    [],
  ],
];

describe('event flow (CHOR302, CHOR303, CHOR304)', () => {
  checkCases((doc) => checkEventFlow(indexMap(doc)), cases);

  it('given a non-idempotent reaction on the default broker, when checked, then the message says the broker is the default', () => {
    const [diagnostic] = checkEventFlow(indexMap(chargingTwice()));

    expect(diagnostic?.message).toBe(
      'Reaction stockReserved-payment of Payment to StockReserved is not idempotent, and the broker (by default) delivers at least once: a redelivered event runs it twice',
    );
  });

  it('given a map without events, when checked, then nothing is found', () => {
    expect(checkEventFlow(indexMap(mapOf([node.service('s', 'Shop')], [])))).toEqual([]);
  });
});
