import { describe, expect, it } from 'vitest';
import { editedOrderMap, elementOf, orderCatalog, reactionOf } from '../../../test/shared/maps';
import { withExpectation, findings, type Finding } from '../../../test/shared/ruleCases';
import type { WorkflowDocument } from '../../model/document';
import type { FlowContext } from '../Diagnostic';
import { indexMap } from './mapIndex';
import { checkMapReferences, mapReferenceContext } from './mapReferences';

const check = (doc: WorkflowDocument, flowVersions?: FlowContext['flowVersions']) =>
  checkMapReferences(indexMap(doc), mapReferenceContext(orderCatalog, flowVersions));

const onPayment = (change: (reaction: ReturnType<typeof reactionOf>) => void) =>
  editedOrderMap((doc) => change(reactionOf(doc, 'stockReserved-payment')));
const onNotification = (reads: string[]) =>
  editedOrderMap((doc) => (reactionOf(doc, 'orderPlaced-notification').reads = reads));
const starting = (flowId: string, version: number | 'latest') =>
  editedOrderMap((doc) => {
    reactionOf(doc, 'paymentCaptured-shipping').startsFlow = { flowId, version };
  });

const cases: (readonly [string, WorkflowDocument, readonly Finding[]])[] = [
  ['the clean order map', editedOrderMap(() => {}), []],
  [
    'a service node without a service',
    editedOrderMap((doc) => delete elementOf(doc, 'payment', 'service').service),
    [['CHOR101', 'payment']],
  ],
  [
    'an unknown service whose reactions call unknown operations',
    editedOrderMap((doc) => {
      elementOf(doc, 'payment', 'service').service = 'Billing';
      reactionOf(doc, 'stockReserved-payment').operations = [{ operation: 'invoice' }];
    }),
    [['CHOR101', 'payment']],
  ],
  [
    'an unknown operation, called twice',
    onPayment((r) => (r.operations = [{ operation: 'capture' }, { operation: 'capture' }])),
    [['CHOR102', 'stockReserved-payment']],
  ],
  [
    'an event node without an event type',
    editedOrderMap((doc) => delete elementOf(doc, 'orderPlaced', 'eventType').eventType),
    [['CHOR103', 'orderPlaced']],
  ],
  [
    'an unknown event type whose reactions read anything',
    editedOrderMap((doc) => {
      elementOf(doc, 'orderPlaced', 'eventType').eventType = 'OrderSubmitted';
      reactionOf(doc, 'orderPlaced-notification').reads = ['whatever'];
    }),
    [['CHOR103', 'orderPlaced']],
  ],
  [
    'a read of a missing field',
    onNotification(['coupon']),
    [['CHOR104', 'orderPlaced-notification']],
  ],
  ['a read of the correlation id', onNotification(['correlationId']), []],
  ['a read inside an object field', onNotification(['customer.address.city']), []],
  ['a read inside an array field', onNotification(['items.sku']), []],
  [
    'a read inside a number field',
    onNotification(['amount.cents']),
    [['CHOR104', 'orderPlaced-notification']],
  ],
  [
    'a read inside the correlation id',
    onNotification(['correlationId.part']),
    [['CHOR104', 'orderPlaced-notification']],
  ],
  ['a started flow the workspace has', starting('customs-clearance', 2), []],
  [
    'a started flow the workspace lacks',
    starting('customs-inspection', 1),
    [['CHOR105', 'paymentCaptured-shipping']],
  ],
  [
    'an unsaved version of a started flow',
    starting('customs-clearance', 3),
    [['CHOR105', 'paymentCaptured-shipping']],
  ],
  [
    'the latest version of a flow never saved',
    starting('draft', 'latest'),
    [['CHOR105', 'paymentCaptured-shipping']],
  ],
  [
    'an event published by a service that does not own it',
    editedOrderMap((doc) => {
      doc.model.connections.push({ id: 'x', source: 'payment', target: 'orderCancelled' });
    }),
    [['CHOR106', 'x']],
  ],
  [
    'an event published by an unknown service',
    editedOrderMap((doc) => (elementOf(doc, 'inventory', 'service').service = 'Stock')),
    [['CHOR101', 'inventory']],
  ],
];

const flowVersions = (flowId: string) =>
  flowId === 'customs-clearance' ? [1, 2] : flowId === 'draft' ? [] : undefined;

describe('references (CHOR101–CHOR106)', () => {
  it.each(withExpectation(cases))(
    'given %s, when checked, then it finds %s',
    (...[, , doc, expected]) => {
      expect(findings(check(doc, flowVersions))).toEqual(
        [...expected].sort((a, b) => (a < b ? -1 : 1)),
      );
    },
  );

  it('given no workspace flows to ask, when a reaction starts an unknown flow, then nothing is found', () => {
    expect(check(starting('customs-inspection', 1))).toEqual([]);
  });

  it.each([
    [
      'an unknown operation',
      onPayment((r) => (r.operations = [{ operation: 'capture' }])),
      'Reaction stockReserved-payment calls Payment.capture, which Payment does not offer',
    ],
    [
      'a read of a missing field',
      onNotification(['coupon']),
      'Reaction orderPlaced-notification reads coupon, but OrderPlaced carries no field coupon',
    ],
    [
      'a second publisher',
      editedOrderMap((doc) => {
        doc.model.connections.push({ id: 'x', source: 'payment', target: 'orderCancelled' });
      }),
      'Connection x publishes OrderCancelled from Payment, but the events catalog says Inventory owns it',
    ],
  ])(
    'given %s, when checked, then the message names what is unknown and where',
    (_, doc, message) => {
      expect(check(doc).map((d) => d.message)).toEqual([message]);
    },
  );
});
