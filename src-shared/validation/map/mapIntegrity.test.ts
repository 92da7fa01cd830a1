import { describe } from 'vitest';
import { editedOrderMap, node, publish } from '../../../test/shared/maps';
import { checkCases, type RuleCase } from '../../../test/shared/ruleCases';
import { indexMap } from './mapIndex';
import { checkMapIntegrity } from './mapIntegrity';

const cases: RuleCase[] = [
  ['the clean order map', editedOrderMap(() => {}), []],
  [
    'a timer in the map',
    editedOrderMap((doc) => {
      doc.model.elements.push({
        type: 'timerEvent',
        id: 'wait',
        name: 'Wait',
        timer: { durationMs: 5 },
      });
    }),
    [['CHOR006', 'wait']],
  ],
  [
    'an annotation, a group and a lane',
    editedOrderMap((doc) => {
      doc.model.elements.push(
        {
          type: 'annotation',
          id: 'note',
          name: '',
          text: 'Payments are captured late',
          annotates: 'payment',
        },
        { type: 'group', id: 'money', name: 'Money' },
        { type: 'lane', id: 'ops', name: 'Operations' },
      );
    }),
    [],
  ],
  [
    'an edge from an element that is not there',
    editedOrderMap((doc) => doc.model.connections.push(publish('ghost', 'orderPlaced'))),
    [['CHOR007', 'ghost-orderPlaced']],
  ],
  [
    'a shape and a route for nothing',
    editedOrderMap((doc) => {
      doc.diagram.shapes.gone = { x: 0, y: 0 };
      doc.diagram.edges = { 'shop-orderPlaced': { waypoints: [] }, lost: { waypoints: [] } };
    }),
    [
      ['CHOR007', 'gone'],
      ['CHOR007', 'lost'],
    ],
  ],
  [
    'an element and an edge with the same id',
    editedOrderMap((doc) => {
      const edge = doc.model.connections.find((c) => c.id === 'shop-orderPlaced');
      if (edge) edge.id = 'shop';
    }),
    [['CHOR008', 'shop']],
  ],
  [
    'an event type drawn twice',
    editedOrderMap((doc) => {
      doc.model.elements.push(
        node.event('confirmedAgain', 'OrderConfirmed', { terminal: 'completed' }),
      );
    }),
    [['CHOR009', 'confirmedAgain']],
  ],
  [
    'two event nodes that name no event type',
    editedOrderMap((doc) => {
      doc.model.elements.push(
        { type: 'eventType', id: 'blank1', name: 'Event' },
        { type: 'eventType', id: 'blank2', name: 'Event' },
      );
    }),
    [],
  ],
];

describe('integrity (CHOR006–CHOR009)', () => {
  checkCases((doc) => checkMapIntegrity(indexMap(doc)), cases);
});
