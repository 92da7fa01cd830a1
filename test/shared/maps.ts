import type { Catalog, EventTypeDefinition, FieldType } from '../../src-shared/model/catalog';
import type {
  Broker,
  Connection,
  Element,
  ElementOf,
  Reaction,
  WorkflowDocument,
} from '../../src-shared/model/document';
import { FORMAT_VERSION } from '../../src-shared/model/document';
import type { FlowContext } from '../../src-shared/validation/Diagnostic';
import { shopCatalog } from './flows';

const field = (name: string, type: FieldType = 'string', required = true) => ({
  name,
  type,
  required,
});
const event = (name: string, owner: string, fields = [field('orderId')]): EventTypeDefinition => ({
  name,
  owner,
  version: 1,
  payload: { fields },
});

/** The events of the order map, each owned by the service that publishes it. */
export const orderEvents: EventTypeDefinition[] = [
  event('OrderPlaced', 'Shop', [
    field('orderId'),
    field('amount', 'number'),
    field('customer', 'object'),
    field('items', 'array'),
  ]),
  event('StockReserved', 'Inventory'),
  event('OutOfStock', 'Inventory'),
  event('PaymentCaptured', 'Payment', [field('orderId'), field('paymentId')]),
  event('PaymentFailed', 'Payment', [field('orderId'), field('reason', 'string', false)]),
  event('PaymentRefunded', 'Payment'),
  event('OrderConfirmed', 'Shipping', [field('orderId'), field('trackingId')]),
  event('ShipmentFailed', 'Shipping'),
  event('OrderCancelled', 'Inventory'),
];

/** The shop's services, the shop front (which only publishes), and the order events. */
export const orderCatalog: Catalog = {
  services: [{ name: 'Shop', operations: [] }, ...shopCatalog.services],
  events: orderEvents,
};

/** A workspace that knows one flow, `customs-clearance`, at versions 1 and 2. */
export const orderContext: FlowContext = {
  catalog: { services: [] },
  flowVersions: (flowId) => (flowId === 'customs-clearance' ? [1, 2] : undefined),
};

type Extra<T extends Element['type']> = Partial<Omit<ElementOf<T>, 'type' | 'id'>>;

/** Map nodes: a service node named after its catalog service, an event type node likewise. */
export const node = {
  service: (id: string, service: string = id, extra: Extra<'service'> = {}) =>
    ({ type: 'service', id, name: service, service, ...extra }) as ElementOf<'service'>,
  event: (id: string, eventType: string = id, extra: Extra<'eventType'> = {}) =>
    ({ type: 'eventType', id, name: eventType, eventType, ...extra }) as ElementOf<'eventType'>,
};

/** A publish edge, `service-event` unless an id is given. */
export const publish = (service: string, event: string, id = `${service}-${event}`) => ({
  id,
  source: service,
  target: event,
});

/** A reaction edge, `event-service`: idempotent, calling nothing and emitting nothing unless told. */
export const react = (
  event: string,
  service: string,
  reaction: Partial<Reaction> = {},
  id = `${event}-${service}`,
): Connection => ({
  id,
  source: event,
  target: service,
  reaction: {
    operations: [],
    emitsOnSuccess: [],
    emitsOnFailure: [],
    idempotent: true,
    ...reaction,
  },
});

/** A map document of these nodes and edges, laid out on a grid, with the order catalog. */
export function mapOf(
  elements: readonly Element[],
  connections: readonly Connection[],
  options: { catalog?: Catalog; broker?: Broker } = {},
): WorkflowDocument {
  const shapes = Object.fromEntries(
    elements.map((e, index) => [e.id, { x: (index % 10) * 220, y: Math.floor(index / 10) * 140 }]),
  );
  return {
    formatVersion: FORMAT_VERSION,
    kind: 'map',
    model: { elements: [...elements], connections: [...connections] },
    diagram: { shapes },
    catalog: options.catalog ?? orderCatalog,
    ...(options.broker ? { broker: options.broker } : {}),
  };
}

export const atLeastOnce: Broker = {
  delivery: 'at-least-once',
  duplicateRate: 0.1,
  orderingKey: 'orderId',
  maxDeliveries: 5,
  deadLetterQueue: true,
};

/**
 * A clean order map. OrderPlaced fans out to Inventory (reserve stock) and Notification (tell the
 * customer); stock reserved → Payment charges; payment captured → Shipping ships (through the
 * customs-clearance flow) and confirms the order. Failures compensate: out of stock and a failed
 * payment cancel the order (Inventory releases the stock), a failed shipment refunds the payment.
 */
export function cleanOrderMap(): WorkflowDocument {
  return mapOf(
    [
      node.service('shop', 'Shop'),
      node.event('orderPlaced', 'OrderPlaced', { initial: true }),
      node.service('inventory', 'Inventory'),
      node.service('notification', 'Notification'),
      node.event('stockReserved', 'StockReserved'),
      node.event('outOfStock', 'OutOfStock', { terminal: 'failed' }),
      node.service('payment', 'Payment'),
      node.event('paymentCaptured', 'PaymentCaptured'),
      node.event('paymentFailed', 'PaymentFailed'),
      node.event('paymentRefunded', 'PaymentRefunded'),
      node.service('shipping', 'Shipping'),
      node.event('orderConfirmed', 'OrderConfirmed', { terminal: 'completed' }),
      node.event('shipmentFailed', 'ShipmentFailed'),
      node.event('orderCancelled', 'OrderCancelled', { terminal: 'compensated' }),
    ],
    [
      publish('shop', 'orderPlaced'),
      react('orderPlaced', 'inventory', {
        operations: [{ operation: 'reserve', input: '{ "sku": items.sku }' }],
        emitsOnSuccess: ['stockReserved'],
        emitsOnFailure: ['outOfStock'],
        reads: ['orderId', 'items'],
      }),
      react('orderPlaced', 'notification', {
        condition: 'amount > 0',
        operations: [{ operation: 'send', input: '{ "to": customer.email }' }],
        reads: ['customer.email'],
      }),
      publish('inventory', 'stockReserved'),
      publish('inventory', 'outOfStock'),
      react('stockReserved', 'payment', {
        operations: [{ operation: 'charge' }],
        emitsOnSuccess: ['paymentCaptured'],
        emitsOnFailure: ['paymentFailed'],
        reads: ['orderId', 'correlationId'],
      }),
      publish('payment', 'paymentCaptured'),
      publish('payment', 'paymentFailed'),
      react('paymentCaptured', 'shipping', {
        operations: [{ operation: 'ship' }],
        emitsOnSuccess: ['orderConfirmed'],
        emitsOnFailure: ['shipmentFailed'],
        startsFlow: { flowId: 'customs-clearance', version: 'latest' },
        concurrency: 4,
      }),
      publish('shipping', 'orderConfirmed'),
      publish('shipping', 'shipmentFailed'),
      react('shipmentFailed', 'payment', {
        operations: [{ operation: 'refund' }],
        emitsOnSuccess: ['paymentRefunded'],
      }),
      publish('payment', 'paymentRefunded'),
      react('paymentFailed', 'inventory', {
        operations: [{ operation: 'release' }],
        emitsOnSuccess: ['orderCancelled'],
      }),
      react('paymentRefunded', 'inventory', {
        operations: [{ operation: 'release' }],
        emitsOnSuccess: ['orderCancelled'],
      }),
      publish('inventory', 'orderCancelled'),
    ],
    { broker: atLeastOnce },
  );
}

/** The clean order map with `change` applied to a copy of it. */
export function editedOrderMap(change: (doc: WorkflowDocument) => void): WorkflowDocument {
  const doc = structuredClone(cleanOrderMap());
  change(doc);
  return doc;
}

/** The reaction of the connection `id` of `doc`, to edit in place. */
export function reactionOf(doc: WorkflowDocument, id: string): Reaction {
  const reaction = doc.model.connections.find((connection) => connection.id === id)?.reaction;
  if (!reaction) throw new Error(`no reaction on ${id}`);
  return reaction;
}

/** The element `id` of `doc`, to edit in place. */
export function elementOf<T extends Element['type']>(
  doc: WorkflowDocument,
  id: string,
  type: T,
): ElementOf<T> {
  const element = doc.model.elements.find((candidate) => candidate.id === id);
  if (element?.type !== type) throw new Error(`no ${type} ${id}`);
  return element as ElementOf<T>;
}
