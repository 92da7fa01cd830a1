import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src-shared/format/loadDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { chain, el, flowOf, path } from '../../test/shared/flows';
import { describeElement, type StepCaption } from './describeElement';

function example(name: string): WorkflowDocument {
  const loaded = loadDocument(readFileSync(`assets/examples/${name}.json`, 'utf8'));
  if (!loaded.ok) throw new Error(`${name}: ${loaded.message}`);
  return loaded.document;
}

function captionOf(doc: WorkflowDocument, id: string): StepCaption {
  const element = doc.model.elements.find((candidate) => candidate.id === id);
  if (!element) throw new Error(`no element ${id}`);
  return describeElement(doc, element);
}

const textOf = (caption: StepCaption) =>
  [caption.name, caption.kind, ...caption.facts, ...caption.description].join('\n');

describe('captions of the order saga', () => {
  const saga = example('order-saga');

  it('says what a service task calls, what undoes it and how long it may take', () => {
    expect(captionOf(saga, 'chargePayment')).toEqual({
      name: 'Charge payment',
      kind: 'Service task: calls Payment.charge',
      facts: [
        'Undone by Payment.refund if a later step fails',
        'Gives up after 5 s',
        'Tries up to 2 times',
      ],
      description: [],
    });
  });

  it('says when a message start begins the flow', () => {
    expect(captionOf(saga, 'orderPlaced').kind).toBe('Starts when OrderPlaced arrives');
  });

  it('describes the pivot with the note attached to it', () => {
    const caption = captionOf(saga, 'shipOrder');
    expect(caption.facts).toContain('Cannot be undone: from here the flow only goes forward');
    expect(caption.description).toEqual([
      'Shipping cannot be undone: from here the saga only goes forward, retrying until it succeeds.',
    ]);
  });

  it('says that a plain end completes the flow', () => {
    expect(captionOf(saga, 'orderCompleted').kind).toBe('End: the flow is complete');
  });
});

describe('captions of parallel branches', () => {
  const trip = example('travel-booking');

  it('counts the branches a fork starts and a join waits for', () => {
    expect(captionOf(trip, 'bookAll').kind).toBe('Splits into 3 parallel branches');
    expect(captionOf(trip, 'allBooked').kind).toBe('Waits for all 3 branches to finish');
  });
});

describe('captions of a choreography map', () => {
  const map = example('choreography-saga');

  it('lists what a service reacts to and the events each reaction emits', () => {
    expect(captionOf(map, 'inventory')).toMatchObject({
      name: 'Inventory',
      kind: 'Service: reacts to Order created and Payment failed',
      facts: [
        'On Order created: Reserve items → Inventory reserved; if it fails → Inventory unavailable',
        'On Payment failed: Release items → Inventory released',
      ],
    });
  });

  it('says which event starts a run, which end it and who publishes the others', () => {
    expect(captionOf(map, 'orderCreated').kind).toBe(
      'Starting event: published from outside to begin each run',
    );
    expect(captionOf(map, 'orderConfirmed').kind).toBe('Ends the run: completed');
    expect(captionOf(map, 'orderCancelled').kind).toBe('Ends the run: undone (compensated)');
    expect(captionOf(map, 'inventoryReserved').kind).toBe('Event published by Inventory');
  });
});

describe('captions of the other kinds of step', () => {
  const doc = flowOf(
    [
      el.start('start'),
      el.user('approve', { name: 'Manager approves', assignee: 'Sales managers' }),
      el.xor('big', { name: 'Big order?', default: 'big-ship' }),
      el.publish('announce', { name: 'Announce', eventType: 'OrderPlaced' }),
      { type: 'messageCatch', id: 'paid', name: 'Paid', eventType: 'PaymentReceived' },
      el.wait('cool', { name: 'Cool off', timer: { durationMs: 30 * 60_000 } }),
      el.task('ship', { name: 'Ship' }),
      el.boundary('late', 'ship', { trigger: 'timer', timer: { durationMs: 2 * 3_600_000 } }),
      el.boundary('broken', 'ship', { errorCode: 'NoStock' }),
      el.end('failed', { name: '', result: 'error', errorCode: 'OrderRejected' }),
      el.call('customs', 'customs-flow'),
    ],
    [...chain('start', 'big'), path('big', 'approve', { name: 'Over 1000' }), path('big', 'ship')],
  );

  it.each([
    ['approve', 'Waits for a person: Sales managers'],
    ['big', 'Decision: takes one of 2 paths'],
    ['announce', 'Publishes OrderPlaced'],
    ['paid', 'Waits for PaymentReceived'],
    ['cool', 'Waits 30 min'],
    ['late', 'If Ship takes longer than 2 h'],
    ['broken', 'If Ship fails with NoStock'],
    ['failed', 'Ends with the error OrderRejected'],
    ['customs', 'Runs another flow'],
  ])('describes %s as “%s”', (id, kind) => {
    expect(captionOf(doc, id).kind).toBe(kind);
  });

  it('lists a decision’s paths by their names, the default one as “Otherwise”', () => {
    expect(captionOf(doc, 'big').facts).toEqual([
      'Over 1000 → Manager approves',
      'Otherwise → Ship',
    ]);
  });

  it('names a step without a name by its type', () => {
    expect(captionOf(doc, 'failed').name).toBe('End');
  });

  it('names the flow a call activity runs when the workspace knows it', () => {
    const element = doc.model.elements.find((candidate) => candidate.id === 'customs');
    if (!element) throw new Error('no call activity');
    const caption = describeElement(doc, element, {
      flow: (id) => (id === 'customs-flow' ? 'Customs clearance' : undefined),
    });
    expect(caption.kind).toBe('Runs the flow “Customs clearance”');
  });
});

describe('captions never show technical ids', () => {
  it.each(readdirSync('assets/examples').map((file) => file.replace(/\.json$/, '')))(
    'in %s',
    (name) => {
      const doc = example(name);
      const businessNames = [...doc.model.elements, ...doc.model.connections]
        .map((item) => item.name ?? '')
        .join('\n');
      const asWord = (id: string) => new RegExp(`\\b${id}\\b`);
      // An id that is also a word of a business name ("payment") or an operation of the catalog
      // ("Payment.charge") may appear as that; any other appearance is an id leaking out.
      const ids = doc.model.elements
        .map((element) => element.id)
        .filter((id) => !asWord(id).test(businessNames));
      for (const element of doc.model.elements) {
        const text = textOf(describeElement(doc, element)).replace(/\b\w+\.\w+\b/g, '');
        const shown = ids.filter((id) => asWord(id).test(text));
        expect(shown, `caption of ${element.id}: ${text}`).toEqual([]);
      }
    },
  );
});
