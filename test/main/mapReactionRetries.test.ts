import { describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { compileMap } from '../../src-shared/compiler/map/compileMap';
import type { Scenario } from '../../src-shared/runtime/scenario';
import { entriesOf, example, runDocument, type Ran } from './runtimeHarness';

const PAYMENT_REACTION = 'react_inventoryReserved_payment';

/** The choreography saga with its payment reaction given `maxAttempts`, and no random duplicates. */
function sagaWithAttempts(maxAttempts: number | undefined, maxDeliveries = 5): WorkflowDocument {
  const saga = example('choreography-saga');
  return {
    ...saga,
    broker: { ...saga.broker!, duplicateRate: 0, maxDeliveries },
    model: {
      ...saga.model,
      connections: saga.model.connections.map((connection) =>
        connection.id === PAYMENT_REACTION && connection.reaction
          ? {
              ...connection,
              reaction: {
                ...connection.reaction,
                ...(maxAttempts === undefined ? {} : { maxAttempts }),
              },
            }
          : connection,
      ),
    },
  };
}

const okBut = (charge: Scenario['mocks']): Scenario => ({
  mocks: {
    'Inventory.reserveItems': { outcomes: ['ok'] },
    'Inventory.releaseItems': { outcomes: ['ok'] },
    'Orders.confirmOrder': { outcomes: ['ok'] },
    'Orders.cancelOrder': { outcomes: ['ok'] },
    ...charge,
  },
});

/** The payment calls' outcomes, in order. */
function charges(ran: Ran) {
  const calls = new Set(
    entriesOf(ran, 'request')
      .filter((entry) => entry.data.operation === 'chargeCustomer')
      .map((entry) => entry.seq),
  );
  return entriesOf(ran, 'result')
    .filter((entry) => calls.has(Number(entry.data.request)))
    .map((entry) => String(entry.data.outcome));
}

const deliveriesToPayment = (ran: Ran) =>
  entriesOf(ran, 'delivery').filter((entry) => entry.data.service === 'payment').length;

describe('a map reaction with maxAttempts (real runtime, virtual time)', () => {
  it('given a payment that fails once, when the reaction has 3 attempts, then the event is delivered again and the order completes', async () => {
    const ran = await runDocument(
      sagaWithAttempts(3),
      okBut({ 'Payment.chargeCustomer': { outcomes: ['fail', 'ok'] } }),
      { seed: 3 },
    );

    expect(ran.report.status).toBe('completed');
    expect(charges(ran)).toEqual(['failed', 'ok']);
    expect(deliveriesToPayment(ran)).toBe(2);
    expect(ran.report.events.map((event) => event.type)).not.toContain('PaymentFailed');
  });

  it('given a payment that always fails, when the reaction has 3 attempts, then the third failure publishes PaymentFailed and the order is compensated', async () => {
    const ran = await runDocument(
      sagaWithAttempts(3),
      okBut({ 'Payment.chargeCustomer': { outcomes: ['fail'] } }),
      { seed: 3 },
    );

    expect(charges(ran)).toEqual(['failed', 'failed', 'failed']);
    expect(ran.report.events.filter((event) => event.type === 'PaymentFailed')).toHaveLength(1);
    expect(ran.report.status).toBe('compensated');
    expect(entriesOf(ran, 'dead-letter')).toEqual([]);
  });

  it('given no maxAttempts, when the payment fails, then PaymentFailed is published at once, as before', async () => {
    const ran = await runDocument(
      sagaWithAttempts(undefined),
      okBut({ 'Payment.chargeCustomer': { outcomes: ['fail', 'ok'] } }),
      { seed: 3 },
    );

    expect(charges(ran)).toEqual(['failed']);
    expect(ran.report.status).toBe('compensated');
  });

  it('given more attempts than the broker delivers, when compiled, then the broker’s deliveries are the limit', async () => {
    const compiled = compileMap(sagaWithAttempts(9, 2)).compiled;
    const payment = JSON.stringify(compiled?.services.payment);
    expect(payment).toContain('"attemptBelow","params":{"attempts":2}');

    const ran = await runDocument(
      sagaWithAttempts(9, 2),
      okBut({ 'Payment.chargeCustomer': { outcomes: ['fail'] } }),
      { seed: 3 },
    );
    expect(charges(ran)).toEqual(['failed', 'failed']);
    expect(ran.report.status).toBe('compensated');
  });
});
