import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src-shared/format/loadDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { chain, cleanSaga, el, flowOf, path } from '../../test/shared/flows';
import { presentationSteps } from './presentationSteps';

function example(name: string): WorkflowDocument {
  const loaded = loadDocument(readFileSync(`assets/examples/${name}.json`, 'utf8'));
  if (!loaded.ok) throw new Error(`${name}: ${loaded.message}`);
  return loaded.document;
}

describe('the order of a presentation’s steps', () => {
  it('follows the order saga from its start event to its end, without its note', () => {
    expect(presentationSteps(example('order-saga'))).toEqual([
      'orderPlaced',
      'createOrder',
      'reserveInventory',
      'chargePayment',
      'shipOrder',
      'notifyCustomer',
      'orderCompleted',
    ]);
  });

  it('shows parallel branches side by side, and their join once, after all of them', () => {
    expect(presentationSteps(example('travel-booking'))).toEqual([
      'tripRequested',
      'bookAll',
      'bookFlight',
      'reserveHotel',
      'reserveCar',
      'allBooked',
      'confirmTrip',
      'sendItinerary',
      'tripBooked',
    ]);
  });

  it('walks a map from its initial event through the reactions and the events they emit', () => {
    expect(presentationSteps(example('choreography-saga'))).toEqual([
      'orderCreated',
      'inventory',
      // Inventory's reaction to "Order created" emits these two (success, then failure) …
      'inventoryReserved',
      'inventoryUnavailable',
      'payment',
      'orders',
      'paymentCompleted',
      'paymentFailed',
      'orderRejected',
      'orderConfirmed',
      // … while "Inventory released" comes only from its reaction to "Payment failed".
      'inventoryReleased',
      'orderCancelled',
    ]);
  });

  it.each(readdirSync('assets/examples').map((file) => file.replace(/\.json$/, '')))(
    'shows every element of %s once, except notes, groups and lanes',
    (name) => {
      const doc = example(name);
      const steps = presentationSteps(doc);
      const expected = doc.model.elements
        .filter((element) => !['annotation', 'group', 'lane'].includes(element.type))
        .map((element) => element.id);
      expect(new Set(steps).size).toBe(steps.length);
      expect([...steps].sort()).toEqual([...expected].sort());
    },
  );
});

describe('the order of steps in unusual flows', () => {
  it('takes each decision path breadth-first and shows a merge once', () => {
    expect(presentationSteps(cleanSaga())).toEqual([
      'orderReceived',
      'reserveStock',
      'bigOrder',
      'managerApproval',
      'merge',
      'rejected',
      'chargeCard',
      'fork',
      'shipParcel',
      'announce',
      'join',
      'orderDone',
    ]);
  });

  it('ends a loop back to an earlier step instead of going round it forever', () => {
    const doc = flowOf(
      [el.start('start'), el.task('try'), el.xor('again'), el.end('done')],
      [...chain('start', 'try', 'again', 'done'), path('again', 'try')],
    );
    expect(presentationSteps(doc)).toEqual(['start', 'try', 'again', 'done']);
  });

  it('shows a boundary event after what its task leads to, then the path it takes', () => {
    const doc = flowOf(
      [
        el.start('start'),
        el.task('charge'),
        el.end('paid'),
        el.boundary('declined', 'charge'),
        el.end('failed'),
      ],
      [...chain('start', 'charge', 'paid'), path('declined', 'failed')],
    );
    expect(presentationSteps(doc)).toEqual(['start', 'charge', 'paid', 'declined', 'failed']);
  });

  it('shows what the walk cannot reach last, in document order', () => {
    const doc = flowOf(
      [el.task('orphan'), el.start('start'), el.end('done'), el.task('draft'), el.end('later')],
      [...chain('start', 'done'), path('draft', 'later')],
    );
    expect(presentationSteps(doc)).toEqual(['start', 'done', 'orphan', 'draft', 'later']);
  });

  it('starts where nothing leads in when a flow has no start event yet', () => {
    const doc = flowOf([el.end('done'), el.task('first')], [path('first', 'done')]);
    expect(presentationSteps(doc)).toEqual(['first', 'done']);
  });

  it('has no steps for an empty document', () => {
    expect(presentationSteps(flowOf([], []))).toEqual([]);
  });
});
