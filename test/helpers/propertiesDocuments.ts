import type { Catalog, Operation } from '../../src-shared/model/catalog';
import { FORMAT_VERSION, type WorkflowDocument } from '../../src-shared/model/document';

const mock: Operation['mock'] = { latencyMs: 50, failRate: 0, honoursIdempotency: true };
const operation = (name: string, extra: Partial<Operation> = {}): Operation => ({
  name,
  mock,
  ...extra,
});

/** Two services and three event types, as a document's own catalog. */
export const panelCatalog: Catalog = {
  services: [
    {
      name: 'Payment',
      description: 'Charges and refunds cards.',
      operations: [
        operation('charge', {
          description: "Charges the customer's card.",
          compensatedBy: 'refund',
        }),
        operation('refund'),
      ],
    },
    { name: 'Inventory', operations: [operation('reserve'), operation('release')] },
  ],
  events: ['OrderPlaced', 'PaymentCaptured', 'PaymentDeclined'].map((name) => ({
    name,
    owner: 'Payment',
    version: 1,
    payload: { fields: [{ name: 'orderId', type: 'string' as const, required: true }] },
  })),
};

const shapes = (ids: readonly string[]) =>
  Object.fromEntries(ids.map((id, index) => [id, { x: index * 200, y: 0 }]));

/**
 * A flow with one of each element the panel edits: a charge with a timeout and retries, a
 * gateway with two named paths, a person's decision, a timer, a published event, a call.
 */
export function panelFlow(): WorkflowDocument {
  const elements: WorkflowDocument['model']['elements'] = [
    { type: 'startEvent', id: 'start', name: 'Order placed' },
    {
      type: 'serviceTask',
      id: 'charge',
      name: 'Charge card',
      service: 'Payment',
      operation: 'charge',
      input: '{ "orderId": orderId }',
      timeoutMs: 5000,
      retry: { maxAttempts: 3, backoff: 'exponential', initialDelayMs: 200, maxDelayMs: 2000 },
    },
    { type: 'exclusiveGateway', id: 'bigOrder', name: 'Big order?' },
    { type: 'userTask', id: 'approve', name: 'Manager approval', assignee: 'manager' },
    { type: 'timerEvent', id: 'wait', name: 'Cool down', timer: { durationMs: 60_000 } },
    { type: 'messageThrow', id: 'announce', name: 'Announce', eventType: 'OrderPlaced' },
    { type: 'endEvent', id: 'end', name: 'Done' },
  ];
  return {
    formatVersion: FORMAT_VERSION,
    kind: 'flow',
    name: 'Order saga',
    model: {
      elements,
      connections: [
        { id: 'flow_start_charge', source: 'start', target: 'charge' },
        { id: 'flow_charge_gateway', source: 'charge', target: 'bigOrder' },
        {
          id: 'flow_big',
          source: 'bigOrder',
          target: 'approve',
          name: 'Over 1000',
          condition: 'amount > 1000',
        },
        { id: 'flow_small', source: 'bigOrder', target: 'wait' },
        { id: 'flow_approved', source: 'approve', target: 'announce', outcome: 'approve' },
        { id: 'flow_wait_announce', source: 'wait', target: 'announce' },
        { id: 'flow_announce_end', source: 'announce', target: 'end' },
      ],
    },
    diagram: { shapes: shapes(elements.map((element) => element.id)) },
    catalog: panelCatalog,
  };
}

/** A map: OrderPlaced → Payment, which captures (or declines) with one reaction. */
export function panelMap(): WorkflowDocument {
  const elements: WorkflowDocument['model']['elements'] = [
    {
      type: 'eventType',
      id: 'orderPlaced',
      name: 'Order placed',
      eventType: 'OrderPlaced',
      initial: true,
    },
    { type: 'service', id: 'payment', name: 'Payment', service: 'Payment' },
    {
      type: 'eventType',
      id: 'paymentCaptured',
      name: 'Payment captured',
      eventType: 'PaymentCaptured',
      terminal: 'completed',
    },
    {
      type: 'eventType',
      id: 'paymentDeclined',
      name: 'Payment declined',
      eventType: 'PaymentDeclined',
      terminal: 'failed',
    },
  ];
  return {
    formatVersion: FORMAT_VERSION,
    kind: 'map',
    name: 'Payment map',
    model: {
      elements,
      connections: [
        {
          id: 'react_placed_payment',
          source: 'orderPlaced',
          target: 'payment',
          reaction: {
            operations: [{ operation: 'charge', input: '{ "orderId": orderId }' }],
            emitsOnSuccess: ['paymentCaptured'],
            emitsOnFailure: [],
            idempotent: true,
          },
        },
        { id: 'publish_captured', source: 'payment', target: 'paymentCaptured' },
        { id: 'publish_declined', source: 'payment', target: 'paymentDeclined' },
      ],
    },
    diagram: { shapes: shapes(elements.map((element) => element.id)) },
    catalog: panelCatalog,
  };
}
