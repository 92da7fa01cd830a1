import { describe } from 'vitest';
import {
  editedOrderMap,
  elementOf,
  mapOf,
  node,
  publish,
  react,
  reactionOf,
} from '../../../test/shared/maps';
import { checkCases, type RuleCase } from '../../../test/shared/ruleCases';
import type { WorkflowDocument } from '../../model/document';
import { indexMap } from './mapIndex';
import { checkLifecycle } from './mapLifecycle';

const withoutTerminals = (doc: WorkflowDocument) => {
  for (const element of doc.model.elements) {
    if (element.type === 'eventType') delete element.terminal;
  }
};

/** OrderPlaced → Inventory → StockReserved (terminal `status`), with no failure emitted. */
const happyPath = (status: 'completed' | 'compensated' | 'failed') =>
  mapOf(
    [
      node.event('placed', 'OrderPlaced', { initial: true }),
      node.service('inventory', 'Inventory'),
      node.event('reserved', 'StockReserved', { terminal: status }),
    ],
    [
      react('placed', 'inventory', { emitsOnSuccess: ['reserved'] }),
      publish('inventory', 'reserved'),
    ],
  );

const cases: RuleCase[] = [
  ['the clean order map', editedOrderMap(() => {}), []],
  ['an empty map', mapOf([], []), [['CHOR001', undefined]]],
  [
    'no initial event',
    editedOrderMap((doc) => delete elementOf(doc, 'orderPlaced', 'eventType').initial),
    [['CHOR001', undefined]],
  ],
  ['no terminal event', editedOrderMap(withoutTerminals), [['CHOR002', undefined]]],
  [
    'a second initial event whose reaction emits nothing',
    editedOrderMap((doc) => {
      doc.model.elements.push(node.event('returned', 'ReturnRequested', { initial: true }));
      doc.model.connections.push(react('returned', 'notification'));
    }),
    [['CHOR002', 'returned']],
  ],
  [
    'a second initial event nobody reacts to',
    editedOrderMap((doc) => {
      doc.model.elements.push(node.event('returned', 'ReturnRequested', { initial: true }));
    }),
    [['CHOR002', 'returned']],
  ],
  [
    'an initial event that is terminal itself',
    editedOrderMap((doc) => {
      doc.model.elements.push(
        node.event('cancelled', 'OrderCancelled', { initial: true, terminal: 'compensated' }),
      );
    }),
    [],
  ],
  [
    'an initial event that only reaches a failed end, through a failure',
    editedOrderMap((doc) => {
      doc.model.elements.push(node.event('returned', 'ReturnRequested', { initial: true }));
      doc.model.connections.push(
        react('returned', 'payment', { emitsOnFailure: ['paymentFailed'] }),
      );
    }),
    [],
  ],
  [
    'a happy path ending completed, no failure drawn',
    happyPath('completed'),
    [['CHOR305', undefined]],
  ],
  ['a happy path ending failed', happyPath('failed'), []],
  ['a happy path ending compensated', happyPath('compensated'), []],
  [
    'failures emitted but no failed or compensated end',
    editedOrderMap((doc) => {
      elementOf(doc, 'outOfStock', 'eventType').terminal = 'completed';
      elementOf(doc, 'orderCancelled', 'eventType').terminal = 'completed';
    }),
    [],
  ],
  [
    'no failure emitted but a compensated end',
    editedOrderMap((doc) => {
      for (const id of [
        'orderPlaced-inventory',
        'stockReserved-payment',
        'paymentCaptured-shipping',
      ]) {
        reactionOf(doc, id).emitsOnFailure = [];
      }
    }),
    [],
  ],
  [
    'initial events but no reactions at all',
    mapOf([node.event('placed', 'OrderPlaced', { initial: true, terminal: 'completed' })], []),
    [],
  ],
];

describe('lifecycle (CHOR001, CHOR002, CHOR305)', () => {
  checkCases((doc) => checkLifecycle(indexMap(doc)), cases);
});
