import { describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { WorkflowDocument as DocumentSchema } from '../../src-shared/model/document';
import { deriveFlow } from '../../src-shared/patterns/deriveFlow';
import { deriveMap } from '../../src-shared/patterns/deriveMap';
import type { Scenario } from '../../src-shared/runtime/scenario';
import { validateDocument } from '../../src-shared/validation/validateDocument';
import { entriesOf, example, runDocument, type Ran } from './runtimeHarness';

const diagnostics = (doc: WorkflowDocument) =>
  validateDocument(doc, { catalog: { services: [] } }).map(
    (d) => `${d.severity} ${d.code} ${d.elementId ?? ''}`,
  );

/** Every operation of the catalog answers ok (no random failures from the default fail rates). */
function allOk(doc: WorkflowDocument): Scenario {
  const mocks: Record<string, { outcomes: ['ok'] }> = {};
  for (const service of doc.catalog?.services ?? [])
    for (const operation of service.operations)
      mocks[`${service.name}.${operation.name}`] = { outcomes: ['ok'] };
  return { mocks };
}

/** All ok, except one operation that fails every attempt. */
const failing = (doc: WorkflowDocument, operation: string): Scenario => ({
  mocks: { ...allOk(doc).mocks, [operation]: { outcomes: ['fail'] } },
});

/** The ledgers' operations performed, in order. */
const performed = (ran: Ran) =>
  entriesOf(ran, 'effect').map(
    (entry) => `${String(entry.data.service)}.${String(entry.data.operation)}`,
  );

const published = (ran: Ran) => ran.report.events.map((event) => event.type);

async function both(flow: WorkflowDocument, map: WorkflowDocument, scenario: Scenario) {
  return {
    flow: await runDocument(flow, scenario, { seed: 11 }),
    map: await runDocument(map, scenario, { seed: 11 }),
  };
}

describe('deriveMap on the order saga', () => {
  const flow = example('order-saga');
  const derived = deriveMap(flow);
  const map = derived.document;

  it('is a map the schema accepts and the validator finds nothing wrong with', () => {
    expect(DocumentSchema.safeParse(map).success).toBe(true);
    expect(map.kind).toBe('map');
    expect(diagnostics(map)).toEqual([]);
    // Notifications.sendEmail does not honour idempotency keys: its reaction deduplicates (an
    // inbox), and the derive report says why, on the flow's step.
    const notify = map.model.connections.find((c) => c.id === 'react_orderShipped_notifyCustomer');
    expect(notify?.reaction).toMatchObject({ idempotent: false, deduplicates: true });
    expect(map.model.connections.filter((c) => c.reaction?.deduplicates).map((c) => c.id)).toEqual([
      'react_orderShipped_notifyCustomer',
    ]);
    const entry = derived.report.find((e) => e.elementId === 'notifyCustomer');
    expect(entry?.detail).toContain(
      'Notifications.sendEmail does not honour idempotency keys in the catalog, so the reaction deduplicates',
    );
  });

  it('names completion, failure and undo events after what happened', () => {
    const events = map.model.elements.flatMap((e) => (e.type === 'eventType' ? [e.eventType] : []));
    expect(events).toEqual(
      expect.arrayContaining([
        'OrderPlaced',
        'OrderCreated',
        'InventoryReserved',
        'PaymentCharged',
        'PaymentFailed',
        'InventoryReleased',
        'OrderCancelled',
        'PaymentRefunded',
      ]),
    );
    const terminal = Object.fromEntries(
      map.model.elements.flatMap((e): [string, string][] =>
        e.type === 'eventType' && e.terminal ? [[e.eventType ?? e.id, e.terminal]] : [],
      ),
    );
    expect(terminal).toMatchObject({
      CustomerNotified: 'completed',
      OrderCancelled: 'compensated',
    });
    // Compensation mirrors the flow: PaymentFailed → Inventory releases → Orders cancels.
    const undo = map.model.connections.filter((c) => c.source === 'paymentFailed');
    expect(undo.map((c) => [c.target, c.reaction?.operations[0]?.operation])).toEqual([
      ['inventory', 'release'],
    ]);
    const next = map.model.connections.find((c) => c.source === 'inventoryReleased' && c.reaction);
    expect([next?.target, next?.reaction?.operations[0]?.operation]).toEqual(['orders', 'cancel']);
  });

  it('maps every flow element with behaviour to map nodes, and every map node back', () => {
    for (const id of [
      'orderPlaced',
      'createOrder',
      'reserveInventory',
      'chargePayment',
      'shipOrder',
      'notifyCustomer',
      'orderCompleted',
    ])
      expect(derived.mapping[id]?.length, id).toBeGreaterThan(0);
    expect(derived.mapping.chargePayment).toEqual(
      expect.arrayContaining(['payment', 'paymentCharged', 'paymentFailed']),
    );
    const mapped = new Set(Object.values(derived.mapping).flat());
    const ids = [...map.model.elements, ...map.model.connections.filter((c) => c.reaction)].map(
      (e) => e.id,
    );
    expect(ids.filter((id) => !mapped.has(id))).toEqual([]);
    expect(Object.keys(map.diagram.shapes).sort()).toEqual(
      map.model.elements.map((e) => e.id).sort(),
    );
  });

  it('writes the flow’s compensations into its catalog, where the verdict and deriveFlow find them', () => {
    const undoes = map.catalog?.services.flatMap((service) =>
      service.operations.flatMap((operation) =>
        operation.compensatedBy
          ? [`${service.name}.${operation.name} → ${operation.compensatedBy}`]
          : [],
      ),
    );
    expect(undoes).toEqual([
      'Orders.create → cancel',
      'Inventory.reserve → release',
      'Payment.charge → refund',
    ]);
    // So deriving the flow back finds the same compensations as the original flow.
    const back = deriveFlow(map).document;
    const compensations = (doc: WorkflowDocument) =>
      doc.model.elements.flatMap((e) =>
        e.type === 'serviceTask' && e.compensation
          ? [`${e.service}.${e.operation} → ${e.compensation.operation}`]
          : [],
      );
    expect(compensations(back)).toEqual(compensations(flow));
  });

  it('completes like the flow with every mock ok, performing the same operations', async () => {
    const ran = await both(flow, map, allOk(flow));
    expect([ran.flow.report.status, ran.map.report.status]).toEqual(['completed', 'completed']);
    expect(performed(ran.map)).toEqual(performed(ran.flow));
    expect(performed(ran.flow)).toEqual([
      'Orders.create',
      'Inventory.reserve',
      'Payment.charge',
      'Shipping.createShipment',
      'Notifications.sendEmail',
    ]);
    expect(published(ran.map).at(-1)).toBe('CustomerNotified');
  });

  it('undoes the same steps as the flow when payment fails: inventory released, order cancelled', async () => {
    const ran = await both(flow, map, failing(flow, 'Payment.charge'));
    expect(ran.flow.report.status).toBe('compensated');
    expect(ran.map.report.status).toBe('compensated');
    expect(performed(ran.flow)).toEqual([
      'Orders.create',
      'Inventory.reserve',
      'Inventory.release',
      'Orders.cancel',
    ]);
    expect(performed(ran.map)).toEqual(performed(ran.flow));
    expect(published(ran.map)).toEqual(
      expect.arrayContaining(['PaymentFailed', 'InventoryReleased', 'OrderCancelled']),
    );
    expect(published(ran.map).at(-1)).toBe('OrderCancelled');
    expect([ran.flow.report.consistency.ok, ran.map.report.consistency.ok]).toEqual([true, true]);
  });

  it('fails without undoing anything after the pivot, as the flow does', async () => {
    const ran = await both(flow, map, failing(flow, 'Notifications.sendEmail'));
    expect(ran.flow.report.status).toBe('failed');
    expect(ran.map.report.status).toBe('failed');
    expect(new Set(performed(ran.map))).toEqual(new Set(performed(ran.flow)));
    expect(performed(ran.map)).not.toContain('Payment.refund');
  });
});

describe('deriveMap on the travel booking', () => {
  const flow = example('travel-booking');
  const derived = deriveMap(flow);
  const map = derived.document;

  it('validates clean and reports the parallel branches as put in a row', () => {
    // As for the order saga, Notifications.sendItinerary's reaction deduplicates.
    expect(diagnostics(map)).toEqual([]);
    expect(
      map.model.connections.find((c) => c.id === 'react_tripConfirmed_sendItinerary')?.reaction,
    ).toMatchObject({ idempotent: false, deduplicates: true });
    expect(derived.report.find((entry) => entry.elementId === 'bookAll')).toMatchObject({
      action: 'approximated',
    });
    expect(derived.mapping.tripRequested).toEqual(['tripRequested']);
  });

  it('completes like the flow with every mock ok', async () => {
    const ran = await both(flow, map, allOk(flow));
    expect([ran.flow.report.status, ran.map.report.status]).toEqual(['completed', 'completed']);
    expect(new Set(performed(ran.map))).toEqual(new Set(performed(ran.flow)));
    expect(performed(ran.map)).toHaveLength(5);
  });

  it('cancels the flight and the hotel like the flow when the car cannot be reserved', async () => {
    const ran = await both(flow, map, failing(flow, 'CarRental.reserve'));
    expect([ran.flow.report.status, ran.map.report.status]).toEqual(['compensated', 'compensated']);
    expect(performed(ran.map)).toEqual(performed(ran.flow));
    expect(performed(ran.map)).toEqual([
      'Flights.book',
      'Hotels.reserve',
      'Hotels.cancel',
      'Flights.cancel',
    ]);
    expect(published(ran.map).at(-1)).toBe('FlightCancelled');
    expect([ran.flow.report.consistency.ok, ran.map.report.consistency.ok]).toEqual([true, true]);
  });

  it('leaves nothing booked when the hotel fails, though the map never asks for the car', async () => {
    // The known difference of putting branches in a row: the flow books the car in parallel and
    // cancels it; the map stops before the car. The business outcome is the same.
    const ran = await both(flow, map, failing(flow, 'Hotels.reserve'));
    expect([ran.flow.report.status, ran.map.report.status]).toEqual(['compensated', 'compensated']);
    expect(performed(ran.flow)).toEqual([
      'Flights.book',
      'CarRental.reserve',
      'CarRental.cancel',
      'Flights.cancel',
    ]);
    expect(performed(ran.map)).toEqual(['Flights.book', 'Flights.cancel']);
    expect([ran.flow.report.consistency.ok, ran.map.report.consistency.ok]).toEqual([true, true]);
  });
});

describe('deriveFlow on the choreography saga', () => {
  const map = example('choreography-saga');
  const derived = deriveFlow(map);
  const flow = derived.document;

  it('is a flow of the chain’s operations, compensated from the catalog', () => {
    const tasks = flow.model.elements.flatMap((e) =>
      e.type === 'serviceTask'
        ? [[`${e.service}.${e.operation}`, e.compensation?.operation ?? null]]
        : [],
    );
    expect(tasks).toEqual([
      ['Inventory.reserveItems', 'releaseItems'],
      ['Payment.chargeCustomer', null],
      ['Orders.confirmOrder', null],
    ]);
    expect(derived.mapping.react_orderCreated_inventory).toEqual(['reserveItemsInventory']);
    expect(
      derived.report.find((e) => e.elementId === 'react_inventoryUnavailable_orders'),
    ).toMatchObject({
      action: 'skipped',
    });
  });

  it('validates with only the warnings a map has no answer to', () => {
    // FLOW301: a map's reactions have no timeouts to carry over. FLOW302: the map cannot undo a
    // charge either (no compensatedBy for chargeCustomer in its catalog).
    expect(diagnostics(flow)).toEqual([
      'warning FLOW301 chargeCustomerPayment',
      'warning FLOW301 confirmOrderOrders',
      'warning FLOW301 reserveItemsInventory',
      'warning FLOW302 chargeCustomerPayment',
    ]);
  });

  it('runs: completes with every mock ok, and releases the items when the charge fails, as the map does', async () => {
    const ok = await both(flow, map, allOk(map));
    expect([ok.flow.report.status, ok.map.report.status]).toEqual(['completed', 'completed']);
    expect(performed(ok.flow)).toEqual(performed(ok.map));
    const failed = await both(flow, map, failing(map, 'Payment.chargeCustomer'));
    expect(failed.flow.report.status).toBe('compensated');
    expect(performed(failed.flow)).toEqual(['Inventory.reserveItems', 'Inventory.releaseItems']);
    // The map also cancels the order, which the skeleton leaves out (reported as skipped).
    expect(performed(failed.map)).toEqual([
      'Inventory.reserveItems',
      'Inventory.releaseItems',
      'Orders.cancelOrder',
    ]);
  });

  it('round-trips: deriveMap of the skeleton validates and behaves like it', async () => {
    const back = deriveMap(flow).document;
    expect(diagnostics(back)).toEqual([]);
    const ran = await both(flow, back, failing(map, 'Payment.chargeCustomer'));
    expect([ran.flow.report.status, ran.map.report.status]).toEqual(['compensated', 'compensated']);
    expect(performed(ran.map)).toEqual(performed(ran.flow));
  });
});

describe('bad input', () => {
  it('says what is wrong', () => {
    expect(() => deriveMap(example('choreography-saga'))).toThrow(
      /needs an orchestration flow, not a map/,
    );
    expect(() => deriveFlow(example('order-saga'))).toThrow(/needs a choreography map, not a flow/);
    const noStart = { ...example('order-saga') };
    noStart.model = {
      elements: noStart.model.elements.filter((e) => e.type !== 'startEvent'),
      connections: [],
    };
    expect(() => deriveMap(noStart)).toThrow(/no start event/);
  });
});

describe('deriveMap on the other flow examples', () => {
  it.each([['customs-clearance'], ['kyc-onboarding'], ['media-encoding']])(
    '%s: validates clean, runs to completion, and reports what it could not derive',
    async (name) => {
      const derived = deriveMap(example(name));
      expect(diagnostics(derived.document)).toEqual([]);
      const ran = await runDocument(derived.document, allOk(derived.document), { seed: 3 });
      expect(ran.report.status).toBe('completed');
      const eventTypes = derived.document.catalog?.events?.map((event) => event.name) ?? [];
      expect(eventTypes.filter((type) => !/^[A-Za-z]/.test(type))).toEqual([]);
      const userTasks = example(name).model.elements.filter((e) => e.type === 'userTask');
      for (const task of userTasks)
        expect(derived.report.find((entry) => entry.elementId === task.id)).toMatchObject({
          action: 'skipped',
          detail: expect.stringContaining('approve path') as unknown,
        });
    },
  );
});

describe('deriveMap on an exclusive gateway (kyc onboarding)', () => {
  const derived = deriveMap(example('kyc-onboarding'));
  const opening = derived.document.model.connections.filter(
    (c) => c.reaction?.operations[0]?.operation === 'openAccount',
  );

  it('gives the default path the negation of the other conditions', () => {
    expect(opening.map((c) => c.reaction?.condition).sort()).toEqual([
      '((riskScore >= 40)) ? false : true',
      'riskScore >= 40',
    ]);
  });

  it.each([10, 80])('opens the account exactly once at risk score %i', async (riskScore) => {
    const scenario = allOk(derived.document);
    const mocks = {
      ...scenario.mocks,
      'RiskEngine.assess': { outcomes: ['ok'], output: `{ "riskScore": ${riskScore} }` },
    };
    const ran = await runDocument(derived.document, { mocks } as Scenario, { seed: 5 });
    expect(ran.report.status).toBe('completed');
    expect(performed(ran).filter((op) => op === 'CoreBanking.openAccount')).toHaveLength(1);
  });
});
