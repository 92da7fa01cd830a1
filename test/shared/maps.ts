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
import { seededIntegers } from './seededRandom';

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

/**
 * A clean generated map of `size` services and `size` event types: a shop publishes `e0`; each
 * service `s<i>` reacts to `e<i-1>` and emits `e<i>`, the last event confirms the order, and the
 * first reaction fails into `failed`. Every tenth event also fans out to a service further down,
 * which reacts without emitting. Conditions differ per reaction so each is parsed.
 */
export function largeMap(size: number): WorkflowDocument {
  const services = Array.from({ length: size }, (_, i) => `S${i}`);
  const lastEvent = size - 2;
  const eventNames = [...Array.from({ length: size - 1 }, (_, i) => `E${i}`), 'Failed'];
  const mock = { latencyMs: 10, failRate: 0, honoursIdempotency: true };
  const owner = (name: string) => (name === 'Failed' ? 'S1' : `S${name.slice(1)}`);
  const catalog: Catalog = {
    services: services.map((name) => ({ name, operations: [{ name: 'work', mock }] })),
    events: eventNames.map((name) => ({
      name,
      owner: owner(name),
      version: 1,
      payload: { fields: [field('orderId'), field('amount', 'number')] },
    })),
  };
  const elements: Element[] = [
    ...services.map((name) => node.service(name.toLowerCase(), name)),
    ...eventNames.map((name, i) =>
      node.event(name.toLowerCase(), name, {
        ...(i === 0 ? { initial: true } : {}),
        ...(i === lastEvent ? { terminal: 'completed' as const } : {}),
        ...(name === 'Failed' ? { terminal: 'failed' as const } : {}),
      }),
    ),
  ];
  const connections: Connection[] = [publish('s0', 'e0'), publish('s1', 'failed')];
  for (let i = 1; i <= lastEvent; i += 1) {
    connections.push(
      react(`e${i - 1}`, `s${i}`, {
        condition: `amount > ${i}`,
        operations: [{ operation: 'work', input: '{ "orderId": orderId, "amount": amount }' }],
        emitsOnSuccess: [`e${i}`],
        emitsOnFailure: i === 1 ? ['failed'] : [],
        reads: ['orderId', 'amount'],
      }),
      publish(`s${i}`, `e${i}`),
    );
    if (i % 10 === 0) connections.push(react(`e${i}`, `s${size - 1 - (i % (size - lastEvent))}`));
  }
  return mapOf(elements, connections, { catalog, broker: atLeastOnce });
}

/** A random, often broken, map (seeded): nodes of any kind, edges anywhere, reactions half-filled. */
export function randomMap(seed: number): WorkflowDocument {
  const next = seededIntegers(seed);
  const pick = <T>(items: readonly T[]): T => items[next(items.length)] as T;
  const ids = Array.from({ length: 1 + next(20) }, (_, i) => `n${i}`);
  const anyId = () => (next(10) === 0 ? 'ghost' : pick(ids));
  const services = ['Shop', 'Inventory', 'Payment', 'Nobody'];
  const events = ['OrderPlaced', 'StockReserved', 'PaymentFailed', 'OrderCancelled', 'Unknown'];
  const makers = [
    (id: string): Element => node.service(id, pick(services)),
    (id: string): Element =>
      node.event(id, pick(events), {
        ...(next(4) === 0 ? { initial: true } : {}),
        ...(next(4) === 0
          ? { terminal: pick(['completed', 'compensated', 'failed'] as const) }
          : {}),
      }),
    (id: string): Element => ({ type: 'timerEvent', id, name: id, timer: { durationMs: 5 } }),
  ];
  const elements = ids.map((id) => pick(makers)(id));
  const connections: Connection[] = Array.from({ length: next(40) }, (_, i) => {
    const edge = publish(anyId(), anyId(), `c${i}`);
    if (next(2) === 0) return edge;
    return react(
      edge.source,
      edge.target,
      {
        idempotent: next(2) === 0,
        operations: [
          { operation: pick(['reserve', 'charge', 'x']), input: pick(['a', 'a >', '']) },
        ],
        emitsOnSuccess: Array.from({ length: next(3) }, anyId),
        emitsOnFailure: Array.from({ length: next(2) }, anyId),
        ...(next(3) === 0
          ? { reads: [pick(['orderId', 'amount.x', 'nope', 'correlationId'])] }
          : {}),
        ...(next(4) === 0
          ? { startsFlow: { flowId: pick(['customs-clearance', 'x']), version: 2 } }
          : {}),
      },
      `c${i}`,
    );
  });
  const delivery = pick(['at-least-once', 'at-most-once', 'exactly-once'] as const);
  return mapOf(
    elements,
    connections,
    next(3) === 0 ? {} : { broker: { ...atLeastOnce, delivery } },
  );
}
