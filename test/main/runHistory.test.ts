/**
 * The run history view (src-shared/runtime/runView.ts) over journals the real runtime writes:
 * real compiled machines, a real SQLite workspace, the example documents.
 */
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src-shared/contract/contract';
import type { WorkflowDocument } from '../../src-shared/model/document';
import {
  CHECKPOINT_INTERVAL,
  createRunHistory,
  type RunHistory,
} from '../../src-shared/runtime/runView';
import type { Scenario } from '../../src-shared/runtime/scenario';
import { example, runDocument, type Ran } from './runtimeHarness';
import { seededRandom } from '../shared/seededRandom';

const order = { orderId: 'o-1', amount: 120, currency: 'EUR', customerEmail: 'a@b.c' };
const mapOrder = {
  orderId: 'o-7',
  customerId: 'c-1',
  amount: 40,
  currency: 'EUR',
  items: ['book'],
};

const journalOf = (ran: Ran, after = 0): JournalEntry[] => ran.store.journal(ran.row.id, after);

function historyOf(document: WorkflowDocument, ran: Ran): RunHistory {
  return createRunHistory({ document, entries: journalOf(ran) });
}

/** The seq of the first entry matching `predicate`. */
function seqWhere(history: RunHistory, predicate: (entry: JournalEntry) => boolean): number {
  const entry = history.entries.find(predicate);
  if (!entry) throw new Error('no journal entry matches');
  return entry.seq;
}

const valueText = (entry: JournalEntry) => JSON.stringify(entry.data.value ?? null);

describe('the order saga with payment failing', () => {
  it('shows the charge retrying then failed, the completed steps compensated in order, and the edges taken', async () => {
    const saga = example('order-saga');
    const ran = await runDocument(saga, {
      input: order,
      mocks: { 'Payment.charge': { outcomes: ['fail'] } },
    });
    const history = historyOf(saga, ran);
    expect(history.kind).toBe('flow');
    expect(history.lastSeq).toBe(history.entries.at(-1)!.seq);

    const retrying = seqWhere(history, (entry) =>
      valueText(entry).includes('"chargePayment":"retrying"'),
    );
    expect(history.at(retrying).elements.chargePayment).toBe('retrying');
    expect(history.at(retrying).status).toBe('running');
    const compensating = seqWhere(
      history,
      (entry) => entry.kind === 'request' && entry.data.effect === 'compensate',
    );
    expect(history.at(compensating).elements).toMatchObject({
      chargePayment: 'failed',
      reserveInventory: 'compensating',
      createOrder: 'completed',
    });

    const end = history.at(history.lastSeq);
    expect(end.status).toBe('compensated');
    expect(end.elements).toEqual({
      orderPlaced: 'completed',
      createOrder: 'compensated',
      reserveInventory: 'compensated',
      chargePayment: 'failed',
    });
    expect(end.path).toEqual(['orderPlaced', 'createOrder', 'reserveInventory', 'chargePayment']);
    expect(end.edges).toEqual({
      flow_placed_create: 1,
      flow_create_reserve: 1,
      flow_reserve_charge: 1,
    });
    expect(end.ledger.map((entry) => `${entry.service}.${entry.operation}`)).toEqual([
      'Orders.create',
      'Inventory.reserve',
      'Inventory.release',
      'Orders.cancel',
    ]);
    expect(end.waitingFor).toEqual([]);
    expect(end.queues).toEqual([]);

    const bars = history.timeline();
    expect(
      bars
        .filter((bar) => bar.elementId === 'chargePayment' && bar.kind === 'call')
        .map((bar) => [bar.row, bar.attempt, bar.outcome]),
    ).toEqual([
      ['Payment', 1, 'failed'],
      ['Payment', 2, 'failed'],
    ]);
    expect(bars.find((bar) => bar.kind === 'timer')).toMatchObject({
      row: 'Payment',
      elementId: 'chargePayment',
      outcome: 'fired',
    });
    const compensations = bars.filter((bar) => bar.kind === 'compensation');
    expect(compensations.map((bar) => [bar.elementId, bar.row, bar.outcome])).toEqual([
      ['reserveInventory', 'Inventory', 'compensated'],
      ['createOrder', 'Orders', 'compensated'],
    ]);
    expect(compensations[1]!.startMs).toBeGreaterThanOrEqual(compensations[0]!.endMs!);

    const firstFailure = history.firstFailureSeq();
    expect(firstFailure).not.toBeNull();
    const failed = history.entries.find((entry) => entry.seq === firstFailure)!;
    expect(failed).toMatchObject({ kind: 'result', data: { outcome: 'failed' } });
    expect(history.elementOf(failed)).toBe('chargePayment');
    expect(history.at(firstFailure! - 1).elements.chargePayment).toBe('active');
    expect(history.elementOf(history.entries[0]!)).toBeNull();
    const fired = history.entries.find(
      (entry) =>
        entry.kind === 'event' &&
        valueText(entry).includes('chargePayment') &&
        JSON.stringify(entry.data.event).includes('timer.fired'),
    )!;
    expect(history.elementOf(fired)).toBe('chargePayment');
    expect(history.sequence()).toEqual([]);
    expect(history.nameOf('chargePayment')).toBe('Charge payment');
    expect(history.nameOf('nowhere')).toBe('nowhere');
  });

  it('given the charge succeeding, then the run reaches its end event through every connection', async () => {
    const saga = example('order-saga');
    const ran = await runDocument(saga, { input: order });
    const end = historyOf(saga, ran).at(Number.MAX_SAFE_INTEGER);
    expect(end.status).toBe('completed');
    expect(end.path).toEqual([
      'orderPlaced',
      'createOrder',
      'reserveInventory',
      'chargePayment',
      'shipOrder',
      'notifyCustomer',
      'orderCompleted',
    ]);
    expect(Object.keys(end.edges).sort()).toEqual(
      saga.model.connections.map((connection) => connection.id).sort(),
    );
    expect(Object.values(end.edges).every((count) => count === 1)).toBe(true);
    expect(new Set(Object.values(end.elements))).toEqual(new Set(['completed']));
  });
});

describe('the KYC flow waiting on a person', () => {
  it('waits on the user task, then takes the decision made later incrementally', async () => {
    const kyc = example('kyc-onboarding');
    const ran = await runDocument(kyc, { input: { riskScore: 10 } });
    const history = historyOf(kyc, ran);
    const waiting = history.at(history.lastSeq);
    expect(waiting.status).toBe('waiting');
    expect(waiting.waitingFor).toEqual(['collectDocuments']);
    expect(waiting.elements).toEqual({
      applicationSubmitted: 'completed',
      collectDocuments: 'waiting',
    });
    expect(waiting.edges).toEqual({ flow_submitted_collect: 1 });
    expect(history.timeline().find((bar) => bar.kind === 'wait')).toMatchObject({
      row: 'Collect documents',
      elementId: 'collectDocuments',
      outcome: null,
      endSeq: null,
    });

    const before = history.lastSeq;
    await ran.runtime.decide(ran.row.uid, 'collectDocuments', 'approve');
    await ran.runtime.runUntilIdle([ran.row.uid]);
    history.append(journalOf(ran, before));
    // A page that overlaps what is held is taken once.
    history.append(journalOf(ran, before - 3));
    expect(history.lastSeq).toBeGreaterThan(before);

    const done = history.at(history.lastSeq);
    expect(done.status).toBe('completed');
    expect(done.waitingFor).toEqual([]);
    expect(done.path).toEqual([
      'applicationSubmitted',
      'collectDocuments',
      'verifyIdentity',
      'assessRisk',
      'riskLevel',
      'approved',
      'openAccount',
      'welcomeCustomer',
      'customerOnboarded',
    ]);
    expect(done.edges).toEqual({
      flow_submitted_collect: 1,
      flow_collect_verify: 1,
      flow_verify_assess: 1,
      flow_assess_risk: 1,
      flow_risk_low: 1,
      flow_approved_open: 1,
      flow_open_welcome: 1,
      flow_welcome_onboarded: 1,
    });
    expect(history.timeline().find((bar) => bar.kind === 'wait')).toMatchObject({
      outcome: 'approve',
    });
    // The appended history answers as one built from the whole journal does, at every entry.
    const whole = historyOf(kyc, ran);
    for (const entry of whole.entries) expect(history.at(entry.seq)).toEqual(whole.at(entry.seq));
    expect(history.at(before)).toEqual(waiting);
  });

  it('given the manager ignoring the task, then the boundary timer leads to the senior review', async () => {
    const kyc = example('kyc-onboarding');
    const ran = await runDocument(kyc, {
      input: { riskScore: 70 },
      approvals: {
        collectDocuments: 'approve',
        managerApproval: 'ignore',
        seniorReview: 'approve',
      },
    });
    const history = historyOf(kyc, ran);
    const end = history.at(history.lastSeq);
    expect(end.edges).toMatchObject({
      flow_risk_review: 1,
      flow_overdue_senior: 1,
      flow_senior_approve: 1,
    });
    expect(end.edges.flow_manager_approve).toBeUndefined();
    expect(end.path).toContain('approvalOverdue');
    expect(history.timeline().find((bar) => bar.label.startsWith('Deadline'))).toMatchObject({
      row: 'Manager approval',
      outcome: 'fired',
      kind: 'timer',
    });
  });
});

describe('the choreography saga', () => {
  it('given payment down for a minute, then its queue grows while it is down and drains back to 0', async () => {
    const saga = example('choreography-saga');
    const ran = await runDocument(saga, {
      input: mapOrder,
      down: { Payment: [{ fromMs: 0, toMs: 60_000 }] },
    });
    const history = historyOf(saga, ran);
    expect(history.kind).toBe('map');
    const payment = (seq: number) =>
      history.at(seq).queues.find((queue) => queue.service === 'payment')!;

    const published = seqWhere(
      history,
      (entry) => entry.kind === 'publish' && entry.data.type === 'InventoryReserved',
    );
    expect(payment(published - 1)).toMatchObject({ depth: 0, delivered: 0, down: false });
    expect(payment(published)).toMatchObject({ depth: 1, delivered: 0 });
    const inFlight = history.at(published).inFlight;
    expect(inFlight).toEqual([
      expect.objectContaining({ type: 'InventoryReserved', from: 'inventory', to: 'payment' }),
    ]);

    const postponed = seqWhere(history, (entry) => entry.kind === 'delivery.postponed');
    const whileDown = history.at(postponed);
    expect(payment(postponed)).toMatchObject({ depth: 1, down: true, delivered: 0 });
    expect(payment(postponed).lagMs).toBe(whileDown.atMs - history.at(published).atMs);
    expect(whileDown.elements.payment).toBe('waiting');

    const delivered = seqWhere(
      history,
      (entry) => entry.kind === 'delivery' && entry.data.service === 'payment',
    );
    expect(history.at(delivered).atMs).toBe(60_000);
    expect(payment(delivered - 1)).toMatchObject({ depth: 1, down: false });
    expect(payment(delivered - 1).lagMs).toBeGreaterThan(59_800);
    expect(payment(delivered)).toMatchObject({ depth: 0, delivered: 1, lagMs: 0 });
    expect(history.at(delivered).elements.payment).toBe('active');

    const depths = history.entries.map((entry) => payment(entry.seq).depth);
    expect(Math.max(...depths)).toBe(1);
    const end = history.at(history.lastSeq);
    expect(end.status).toBe('completed');
    expect(end.queues.map((queue) => queue.depth)).toEqual([0, 0, 0]);
    expect(end.inFlight).toEqual([]);
    expect(end.elements).toMatchObject({
      orderCreated: 'completed',
      inventory: 'completed',
      inventoryReserved: 'completed',
      payment: 'completed',
      orders: 'completed',
      orderConfirmed: 'completed',
    });
    expect(end.edges).toEqual({
      react_orderCreated_inventory: 1,
      publish_inventory_inventoryReserved: 1,
      react_inventoryReserved_payment: 1,
      publish_payment_paymentCompleted: 1,
      react_paymentCompleted_orders: 1,
      publish_orders_orderConfirmed: 1,
    });
    expect(
      history
        .sequence()
        .map((message) => `${message.kind} ${message.type} ${message.from}→${message.to}`),
    ).toEqual([
      'publish OrderCreated outside→orderCreated',
      'delivery OrderCreated outside→inventory',
      'publish InventoryReserved inventory→inventoryReserved',
      'delivery InventoryReserved inventory→payment',
      'publish PaymentCompleted payment→paymentCompleted',
      'delivery PaymentCompleted payment→orders',
      'publish OrderConfirmed orders→orderConfirmed',
    ]);
    expect(
      history
        .timeline()
        .filter((bar) => bar.kind === 'delivery')
        .map((bar) => bar.row),
    ).toEqual(['Inventory', 'Payment', 'Orders']);
  });

  it('given a consumer that keeps failing, then its redeliveries and dead letter are counted and drawn', async () => {
    const saga = example('choreography-saga');
    const ran = await runDocument(saga, {
      input: mapOrder,
      mocks: { 'Orders.confirmOrder': { outcomes: ['fail'] } },
      broker: { maxDeliveries: 3, redeliveryDelayMs: 500 },
    });
    const history = historyOf(saga, ran);
    const end = history.at(history.lastSeq);
    expect(end.queues.find((queue) => queue.service === 'orders')).toMatchObject({
      depth: 0,
      delivered: 3,
      deadLetters: 1,
    });
    expect(end.elements.orders).toBe('failed');
    const rejected = seqWhere(
      history,
      (entry) => entry.kind === 'settle' && entry.data.outcome === 'rejected',
    );
    // Between a rejection and its redelivery the event waits in the consumer's queue again.
    expect(history.at(rejected).queues.find((queue) => queue.service === 'orders')?.depth).toBe(1);
    expect(history.at(rejected).elements.orders).toBe('retrying');
    expect(history.sequence().map((message) => message.kind)).toEqual(
      expect.arrayContaining(['redelivery', 'dead-letter']),
    );
    expect(history.firstFailureSeq()).not.toBeNull();
  });
});

describe('the order fan-out', () => {
  it('shows the service that starts the instance at work, and a consumer down catching up', async () => {
    const fanout = example('order-fanout');
    const ran = await runDocument(fanout, {
      input: mapOrder,
      down: { Analytics: [{ fromMs: 0, toMs: 30_000 }] },
    });
    const history = historyOf(fanout, ran);
    const starting = seqWhere(
      history,
      (entry) => entry.kind === 'request' && entry.actor === 'svc:storefront:0',
    );
    expect(history.at(starting).elements.storefront).toBe('active');
    const analytics = (seq: number) =>
      history.at(seq).queues.find((queue) => queue.service === 'analytics')!;
    const down = seqWhere(history, (entry) => entry.kind === 'delivery.postponed');
    expect(analytics(down)).toMatchObject({ depth: 1, down: true });
    const end = history.at(history.lastSeq);
    expect(end.path[0]).toBe('storefront');
    expect(end.elements).toMatchObject({ storefront: 'completed', analytics: 'completed' });
    expect(end.edges.publish_storefront_orderPlaced).toBe(1);
    expect(analytics(history.lastSeq)).toMatchObject({ depth: 0, delivered: 1, down: false });
  });
});

describe('the travel booking', () => {
  it('given the car failing, then the parallel branches are active together and the booked ones compensated', async () => {
    const travel = example('travel-booking');
    const ran = await runDocument(travel, {
      input: { tripId: 't-1' },
      mocks: {
        bookFlight: { latencyMs: 300 },
        reserveHotel: { latencyMs: 100 },
        reserveCar: { latencyMs: 500, outcomes: ['fail'] },
      },
    });
    const history = historyOf(travel, ran);
    const forked = seqWhere(history, (entry) => entry.kind === 'event');
    expect(history.at(forked).elements).toEqual({
      tripRequested: 'completed',
      bookAll: 'active',
      bookFlight: 'active',
      reserveHotel: 'active',
      reserveCar: 'active',
    });
    expect(history.at(forked).edges).toEqual({
      flow_requested_fork: 1,
      flow_fork_flight: 1,
      flow_fork_hotel: 1,
      flow_fork_car: 1,
    });
    const hotelDone = seqWhere(history, (entry) =>
      valueText(entry).includes('"flow_fork_hotel":"__done"'),
    );
    expect(history.at(hotelDone).elements).toMatchObject({
      reserveHotel: 'completed',
      bookFlight: 'active',
    });
    const end = history.at(history.lastSeq);
    expect(end.elements).toMatchObject({
      bookFlight: 'compensated',
      reserveHotel: 'compensated',
      reserveCar: 'failed',
    });
    const calls = history.timeline().filter((bar) => bar.kind === 'call' && bar.attempt === 1);
    expect(calls.map((bar) => [bar.row, bar.startMs])).toEqual([
      ['Flights', 0],
      ['Hotels', 0],
      ['CarRental', 0],
    ]);
  });

  it('given every booking succeeding, then the join counts each branch once and the run reaches its end', async () => {
    const travel = example('travel-booking');
    const ran = await runDocument(travel, { input: { tripId: 't-1' } });
    const end = historyOf(travel, ran).at(Number.MAX_SAFE_INTEGER);
    expect(end.status).toBe('completed');
    expect(end.edges).toEqual(
      Object.fromEntries(travel.model.connections.map((connection) => [connection.id, 1])),
    );
    expect(end.path.slice(-4)).toEqual(['allBooked', 'confirmTrip', 'sendItinerary', 'tripBooked']);
  });
});

/**
 * A long journal made of a real run's entries repeated: ids of requests, events and deliveries
 * renamed per copy and time moved on, so each copy reads as another stretch of the same run.
 */
function repeatJournal(journal: readonly JournalEntry[], minimum: number): JournalEntry[] {
  const long: JournalEntry[] = [];
  const span = journal.at(-1)!.atMs + 1;
  const rename = (value: unknown, copy: number) =>
    typeof value === 'string' ? `${value}-${copy}` : value;
  for (let copy = 0; long.length < minimum; copy += 1) {
    const offset = long.length;
    for (const entry of journal) {
      if (copy > 0 && entry.kind === 'run.started') continue;
      const data: Record<string, unknown> = { ...entry.data };
      if (typeof data.request === 'number') data.request = data.request + offset;
      for (const key of ['eventId', 'deliveryId'] as const)
        if (key in data) data[key] = rename(data[key], copy);
      long.push({ ...entry, data, seq: entry.seq + offset, atMs: entry.atMs + copy * span });
    }
  }
  return long;
}

describe('a long run', () => {
  it.each([
    [
      'choreography-saga',
      {
        input: mapOrder,
        down: { Payment: [{ fromMs: 0, toMs: 60_000 }] },
        broker: { duplicateRate: 0.3 },
      },
    ],
    ['order-saga', { input: order, mocks: { 'Payment.charge': { outcomes: ['fail'] } } }],
  ] satisfies [string, Scenario][])(
    'answers at random points of a 100,000-entry journal of %s as a fold from scratch does',
    async (name, scenario) => {
      const document = example(name);
      const ran = await runDocument(document, scenario);
      const long = repeatJournal(journalOf(ran), 100_000);
      expect(long.length).toBeGreaterThanOrEqual(100_000);
      // Appended in pages, as the renderer receives them.
      const history = createRunHistory({ document });
      for (let start = 0; start < long.length; start += 5_000)
        history.append(long.slice(start, start + 5_000));
      expect(history.lastSeq).toBe(long.at(-1)!.seq);

      const random = seededRandom(7);
      const points = [
        1,
        CHECKPOINT_INTERVAL - 1,
        CHECKPOINT_INTERVAL,
        CHECKPOINT_INTERVAL + 1,
        long.length - 1,
        long.length,
        ...Array.from({ length: 12 }, () => 1 + Math.floor(random() * long.length)),
      ];
      for (const seq of points) {
        const fromScratch = createRunHistory({ document, entries: long.slice(0, seq) });
        expect(history.at(seq), `at ${seq}`).toEqual(fromScratch.at(seq));
      }
      // Played forward entry by entry across a checkpoint, then back.
      const around = 3 * CHECKPOINT_INTERVAL;
      const steps = [
        ...Array.from({ length: 12 }, (_, index) => around - 6 + index),
        around + 3,
        around - 2,
      ];
      for (const seq of steps) {
        const fromScratch = createRunHistory({ document, entries: long.slice(0, seq) });
        expect(history.at(seq), `at ${seq}`).toEqual(fromScratch.at(seq));
      }
      const end = history.at(history.lastSeq);
      expect(end.ledger.length).toBe(long.filter((entry) => entry.kind === 'effect').length);
      expect(history.timeline().length).toBeGreaterThan(1_000);
    },
    60_000,
  );
});
