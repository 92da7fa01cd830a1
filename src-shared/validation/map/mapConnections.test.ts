import { describe, expect, it } from 'vitest';
import { editedOrderMap, react, reactionOf } from '../../../test/shared/maps';
import { checkCases, type RuleCase } from '../../../test/shared/ruleCases';
import type { Connection } from '../../model/document';
import { checkMapConnections } from './mapConnections';
import { indexMap } from './mapIndex';

const withEdge = (edge: Connection) => editedOrderMap((doc) => doc.model.connections.push(edge));
const emitting = (...ids: string[]) =>
  editedOrderMap((doc) => reactionOf(doc, 'shipmentFailed-payment').emitsOnSuccess.push(...ids));

const cases: RuleCase[] = [
  ['the clean order map', editedOrderMap(() => {}), []],
  [
    'an edge between two services',
    withEdge({ id: 'x', source: 'shop', target: 'payment' }),
    [['CHOR003', 'x']],
  ],
  [
    'an edge between two events',
    withEdge({ id: 'x', source: 'orderPlaced', target: 'stockReserved' }),
    [['CHOR003', 'x']],
  ],
  [
    'a reaction on an edge from a service',
    withEdge(react('shop', 'stockReserved', {}, 'x')),
    [['CHOR003', 'x']],
  ],
  [
    'a reaction between two services',
    withEdge(react('shop', 'payment', {}, 'x')),
    [['CHOR003', 'x']],
  ],
  [
    'an edge to an annotation',
    editedOrderMap((doc) => {
      doc.model.elements.push({ type: 'annotation', id: 'note', name: '', text: 'why' });
      doc.model.connections.push({ id: 'x', source: 'shop', target: 'note' });
    }),
    [['CHOR003', 'x']],
  ],
  [
    'an edge from an event to a service without a reaction',
    withEdge({ id: 'x', source: 'orderPlaced', target: 'payment' }),
    [['CHOR004', 'x']],
  ],
  [
    'an edge whose end is missing (CHOR007)',
    withEdge({ id: 'x', source: 'ghost', target: 'payment' }),
    [],
  ],
  [
    'a reaction emitting a missing element',
    emitting('ghost'),
    [['CHOR005', 'shipmentFailed-payment']],
  ],
  ['a reaction emitting a service', emitting('shipping'), [['CHOR005', 'shipmentFailed-payment']]],
  [
    'a reaction emitting an event its service does not publish',
    emitting('orderConfirmed'),
    [['CHOR005', 'shipmentFailed-payment']],
  ],
  [
    'a reaction emitting the same missing id on success and failure',
    editedOrderMap((doc) => {
      const reaction = reactionOf(doc, 'shipmentFailed-payment');
      reaction.emitsOnSuccess.push('ghost');
      reaction.emitsOnFailure.push('ghost');
    }),
    [['CHOR005', 'shipmentFailed-payment']],
  ],
];

describe('connections (CHOR003, CHOR004, CHOR005)', () => {
  checkCases((doc) => checkMapConnections(indexMap(doc)), cases);

  it.each([
    [
      'an edge between two services',
      withEdge({ id: 'x', source: 'shop', target: 'payment' }),
      'Connection x runs from a service (shop) to a service (payment); a map connects services to the events they publish and events to the services that react',
    ],
    [
      'an event its service does not publish',
      emitting('orderConfirmed'),
      'Reaction shipmentFailed-payment emits OrderConfirmed (orderConfirmed), but Payment has no publish edge to it',
    ],
    [
      'a subscription without a reaction',
      withEdge({ id: 'x', source: 'orderPlaced', target: 'payment' }),
      'Connection x leads OrderPlaced to Payment without a reaction: the service does nothing with it',
    ],
  ])('given %s, when checked, then the message names both ends', (_, doc, message) => {
    expect(checkMapConnections(indexMap(doc)).map((d) => d.message)).toEqual([message]);
  });
});
