/**
 * Run histories of the examples for the debugger's panels: each run made by the real runtime on
 * an in-memory SQLite workspace, its journal read back and folded by `createRunHistory`.
 */
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { RunReport } from '../../src-shared/runtime/runReport';
import { createRunHistory, type RunHistory } from '../../src-shared/runtime/runView';
import type { Scenario } from '../../src-shared/runtime/scenario';
import { example, runDocument } from '../main/runtimeHarness';

export interface RunOfExample {
  readonly document: WorkflowDocument;
  readonly history: RunHistory;
  readonly report: RunReport;
}

export async function runExample(
  name: string | WorkflowDocument,
  scenario: Scenario,
  seed?: number,
): Promise<RunOfExample> {
  const document = typeof name === 'string' ? example(name) : name;
  const ran = await runDocument(document, scenario, seed === undefined ? {} : { seed });
  const history = createRunHistory({ document, entries: ran.store.journal(ran.row.id) });
  return { document, history, report: ran.report };
}

export const order = { orderId: 'o-1', amount: 120, currency: 'EUR', customerEmail: 'a@b.c' };
export const mapOrder = {
  orderId: 'o-7',
  customerId: 'c-1',
  amount: 40,
  currency: 'EUR',
  items: ['book'],
};

/** The order saga with the payment failing: retried, then compensated. */
export const paymentFailing = () =>
  runExample('order-saga', { input: order, mocks: { 'Payment.charge': { outcomes: ['fail'] } } });

/**
 * The order saga whose charge may take 3 attempts, against a payment service that ignores
 * idempotency keys and answers the first attempt late: the retry charges again (a duplicate, and
 * a late success).
 */
export function duplicateCharge() {
  const saga = example('order-saga');
  const document: WorkflowDocument = {
    ...saga,
    model: {
      ...saga.model,
      elements: saga.model.elements.map((element) =>
        element.type === 'serviceTask' && element.id === 'chargePayment' && element.retry
          ? { ...element, retry: { ...element.retry, maxAttempts: 3 } }
          : element,
      ),
    },
  };
  return runExample(document, {
    input: order,
    mocks: {
      'Payment.charge': {
        outcomes: ['late-ok', 'ok'],
        latencyMs: 3_000,
        honoursIdempotency: false,
      },
    },
  });
}

/** The choreography saga with payment down for its first minute: a backlog that drains. */
export const paymentDown = () =>
  runExample('choreography-saga', {
    input: mapOrder,
    down: { Payment: [{ fromMs: 0, toMs: 60_000 }] },
  });

/** The choreography saga whose orders service keeps failing: redelivered, then dead-lettered. */
export const ordersDeadLettered = () =>
  runExample('choreography-saga', {
    input: mapOrder,
    mocks: { 'Orders.confirmOrder': { outcomes: ['fail'] } },
    broker: { maxDeliveries: 3, redeliveryDelayMs: 500 },
  });
