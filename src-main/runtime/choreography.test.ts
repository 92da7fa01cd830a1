import { describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { entriesOf, example, openRuntime, runDocument } from '../../test/main/runtimeHarness';
import { buildDefinition } from './definition';
import { replayRun } from './replay';

const order = { orderId: 'o-7', customerId: 'c-1', amount: 40, currency: 'EUR', items: ['book'] };

/** The choreography saga with one reaction's `idempotent` flag changed. */
function sagaWithIdempotence(targetService: string, idempotent: boolean): WorkflowDocument {
  const saga = example('choreography-saga');
  return {
    ...saga,
    model: {
      ...saga.model,
      connections: saga.model.connections.map((connection) =>
        connection.reaction && connection.target === targetService
          ? { ...connection, reaction: { ...connection.reaction, idempotent } }
          : connection,
      ),
    },
  };
}

const duplicateDeliveriesTo = (ran: Awaited<ReturnType<typeof runDocument>>, service: string) =>
  entriesOf(ran, 'delivery').filter(
    (entry) => entry.data.duplicate === true && entry.data.service === service,
  );

describe('the choreography saga on an at-least-once broker', () => {
  it('given duplicates at rate 0.3 and idempotent consumers, then events arrive twice but no side effect is performed twice', async () => {
    let duplicated = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const ran = await runDocument(
        example('choreography-saga'),
        { input: order, broker: { duplicateRate: 0.3 } },
        { seed },
      );
      duplicated += entriesOf(ran, 'delivery').filter(
        (entry) => entry.data.duplicate === true,
      ).length;
      expect(ran.report.status).toBe('completed');
      expect(ran.report.consistency).toMatchObject({ ok: true, duplicates: [] });
      const keys = entriesOf(ran, 'effect').map((entry) => entry.data.idempotencyKey);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(duplicated).toBeGreaterThan(0);
  });

  it('given duplicates at rate 0.5 and idempotent consumers, then a duplicate is handled by publishing the same events again, never new ones', async () => {
    const published = (ran: Awaited<ReturnType<typeof runDocument>>) =>
      entriesOf(ran, 'publish').filter((entry) => entry.data.again !== true);
    let again = 0;
    for (const seed of [1, 2, 3, 4]) {
      const clean = await runDocument(example('choreography-saga'), {
        input: order,
        broker: { duplicateRate: 0 },
      });
      const ran = await runDocument(
        example('choreography-saga'),
        { input: order, broker: { duplicateRate: 0.5 } },
        { seed },
      );
      // As many distinct events as without duplicates: each business event once.
      expect(published(ran).map((entry) => entry.data.type)).toEqual(
        published(clean).map((entry) => entry.data.type),
      );
      const ids = new Set(published(ran).map((entry) => entry.data.eventId));
      const republished = entriesOf(ran, 'publish').filter((entry) => entry.data.again === true);
      for (const entry of republished) expect(ids.has(entry.data.eventId)).toBe(true);
      again += republished.length;
      expect(ran.report.consistency).toMatchObject({ ok: true, duplicates: [] });
    }
    expect(again).toBeGreaterThan(0);
  });

  it('given a payment reaction that is not idempotent but deduplicates, when events come twice, then its inbox drops every copy and the customer is charged once', async () => {
    const saga = sagaWithIdempotence('payment', false);
    const deduplicating: WorkflowDocument = {
      ...saga,
      model: {
        ...saga.model,
        connections: saga.model.connections.map((connection) =>
          connection.reaction && connection.target === 'payment'
            ? { ...connection, reaction: { ...connection.reaction, deduplicates: true } }
            : connection,
        ),
      },
    };
    let dropped = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const ran = await runDocument(
        deduplicating,
        { input: order, broker: { duplicateRate: 0.5 } },
        { seed },
      );
      const copies = entriesOf(ran, 'delivery').filter(
        (entry) => entry.data.service === 'payment' && entry.data.dropped === true,
      );
      dropped += copies.length;
      const settled = entriesOf(ran, 'settle').filter((entry) => entry.data.outcome === 'dropped');
      expect(settled.map((entry) => entry.data.eventId)).toEqual(
        copies.map((entry) => entry.data.eventId),
      );
      const charges = entriesOf(ran, 'effect').filter(
        (entry) => entry.data.operation === 'chargeCustomer',
      );
      expect(charges).toHaveLength(1);
      expect(ran.report.consistency).toMatchObject({ ok: true, duplicates: [] });
      expect(ran.report.status).toBe('completed');
    }
    expect(dropped).toBeGreaterThan(0);
  });

  it('given a run pinned before the outbox rule, when it runs, then a duplicate handled again publishes new events, as it was recorded', async () => {
    const { runtime, store } = openRuntime();
    const { outbox: _outbox, ...before } = buildDefinition(
      example('choreography-saga'),
      { services: [] },
      () => undefined,
    );
    const row = runtime.startDefinition(before, {
      scenario: { input: order, broker: { duplicateRate: 0.5 } },
      seed: 1,
    });
    await runtime.runUntilIdle([row.uid]);
    const publishes = store.journalOfKind(row.id, 'publish');
    expect(publishes.some((entry) => entry.data.again === true)).toBe(false);
    expect(new Set(publishes.map((entry) => entry.data.eventId)).size).toBe(publishes.length);
    expect(publishes.length).toBeGreaterThan(5);
  });

  it('given duplicates at rate 0.3 and a consumer that is not idempotent, then every duplicate it received is reported as a duplicate side effect', async () => {
    let reported = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const ran = await runDocument(
        sagaWithIdempotence('payment', false),
        { input: order, broker: { duplicateRate: 0.3 } },
        { seed },
      );
      const twice = duplicateDeliveriesTo(ran, 'payment').length;
      const duplicates = ran.report.consistency.duplicates.filter(
        (entry) => entry.service === 'Payment',
      );
      expect(duplicates.length > 0).toBe(twice > 0);
      if (twice > 0) {
        // Every copy of InventoryReserved charges again: the broker's duplicates, and Inventory's
        // own (idempotent, it publishes the same event again when OrderCreated comes twice).
        const copies = entriesOf(ran, 'delivery').filter(
          (entry) => entry.data.service === 'payment',
        ).length;
        expect(copies).toBeGreaterThanOrEqual(2);
        expect(duplicates[0]).toMatchObject({ operation: 'chargeCustomer', count: copies });
        expect(ran.report.consistency.ok).toBe(false);
        reported += 1;
      }
    }
    expect(reported).toBeGreaterThan(0);
  });

  it('given payment down for a minute, then its backlog waits, drains when it returns, and the instance completes', async () => {
    const ran = await runDocument(example('choreography-saga'), {
      input: order,
      down: { Payment: [{ fromMs: 0, toMs: 60_000 }] },
    });
    expect(ran.report.status).toBe('completed');
    const postponed = entriesOf(ran, 'delivery.postponed');
    expect(postponed.map((entry) => [entry.data.service, entry.data.untilMs])).toEqual([
      ['payment', 60_000],
    ]);
    const payment = ran.report.consumers.find((consumer) => consumer.service === 'payment');
    expect(payment).toMatchObject({ deliveries: 1, maxBacklog: 1 });
    // InventoryReserved was published within the first 200 ms and waited until 60,000 ms.
    expect(payment!.maxLagMs).toBeGreaterThan(59_800);
    const charge = ran.report.steps.find((step) => step.operation === 'chargeCustomer');
    expect(charge?.startedAtMs).toBeGreaterThanOrEqual(60_000);
    expect(ran.report.events.map((event) => event.type)).toEqual([
      'OrderCreated',
      'InventoryReserved',
      'PaymentCompleted',
      'OrderConfirmed',
    ]);
  });

  it('given payment failing, then the failure events release the stock and cancel the order: compensated and consistent', async () => {
    const ran = await runDocument(example('choreography-saga'), {
      input: order,
      mocks: { 'Payment.chargeCustomer': { outcomes: ['fail'] } },
    });
    expect(ran.report.status).toBe('compensated');
    expect(ran.report.events.map((event) => event.type)).toEqual([
      'OrderCreated',
      'InventoryReserved',
      'PaymentFailed',
      'InventoryReleased',
      'OrderCancelled',
    ]);
    expect(ran.report.consistency.ok).toBe(true);
  });

  it('given a consumer whose call keeps failing with no failure event, then the event is redelivered up to the maximum and dead-lettered', async () => {
    const ran = await runDocument(example('choreography-saga'), {
      input: order,
      mocks: { 'Orders.confirmOrder': { outcomes: ['fail'] } },
      broker: { maxDeliveries: 3, redeliveryDelayMs: 500 },
    });
    const attempts = entriesOf(ran, 'delivery')
      .filter((entry) => entry.data.service === 'orders')
      .map((entry) => entry.data.attempt);
    expect(attempts).toEqual([1, 2, 3]);
    expect(ran.report.deadLetters).toEqual([
      expect.objectContaining({ type: 'PaymentCompleted', service: 'orders', deliveries: 3 }),
    ]);
    expect(ran.report.status).toBe('waiting');
    expect(ran.report.consistency.violations.map((violation) => violation.code)).toEqual([
      'dead-letter',
      'unfinished',
    ]);
  });

  it('carries the correlation id through every event and delivery', async () => {
    const ran = await runDocument(example('choreography-saga'), { input: order });
    expect(ran.report.correlationId).toBe('o-7');
    for (const event of ran.report.events) expect(event.correlationId).toBe('o-7');
    for (const entry of entriesOf(ran, 'effect')) expect(entry.data.correlationId).toBe('o-7');
    expect(replayRun(ran.store, ran.row.uid).ok).toBe(true);
  });

  it('given the order fan-out with analytics down, then checkout completes first and analytics catches up when it returns', async () => {
    const ran = await runDocument(example('order-fanout'), {
      input: order,
      down: { Analytics: [{ fromMs: 0, toMs: 30_000 }] },
    });
    expect(ran.report.status).toBe('completed');
    const shipped = ran.report.events.find((event) => event.type === 'OrderShipped');
    const recorded = ran.report.steps.find((step) => step.operation === 'recordOrder');
    expect(shipped!.atMs).toBeLessThan(30_000);
    expect(recorded!.startedAtMs).toBeGreaterThanOrEqual(30_000);
  });
});

describe('hybrids', () => {
  it('given the logistics map, then customs starts the clearance flow, waits for it, and the shipment is delivered', async () => {
    const ran = await runDocument(example('logistics-hybrid'), {
      input: { shipmentId: 's-1' },
      approvals: { reviewDecision: 'approve' },
      events: [{ type: 'CustomsDecisionIssued', atMs: 30_000, payload: { decision: 'cleared' } }],
    });
    expect(ran.report.status).toBe('completed');
    const flowSteps = ran.report.steps
      .filter((step) => step.actor === 'sub:1')
      .map((step) => step.elementId);
    expect(flowSteps).toEqual(
      expect.arrayContaining([
        'validateDocuments',
        'agencyDecision',
        'reviewDecision',
        'releaseGoods',
      ]),
    );
    const subflow = ran.report.steps.find(
      (step) => step.elementId === 'customsBroker' && step.outcome === 'completed',
    );
    expect(subflow).toBeDefined();
    expect(ran.report.events.map((event) => event.type)).toContain('ShipmentDelivered');
  });

  it('given no decision from the agency, then the hybrid waits for the event without running the clock past it', async () => {
    const ran = await runDocument(example('logistics-hybrid'), { input: { shipmentId: 's-1' } });
    expect(ran.report.status).toBe('waiting');
    expect(ran.report.waitingFor).toEqual(['agencyDecision']);
    expect(ran.report.consistency.ok).toBe(true);
    await ran.runtime.publish(ran.row.uid, 'CustomsDecisionIssued', { decision: 'cleared' });
    await ran.runtime.runUntilIdle([ran.row.uid]);
    expect(ran.runtime.report(ran.row.uid).waitingFor).toEqual(['reviewDecision']);
    await ran.runtime.decide(ran.row.uid, 'reviewDecision', 'approve');
    await ran.runtime.runUntilIdle([ran.row.uid]);
    expect(ran.runtime.report(ran.row.uid).status).toBe('completed');
  });
});
