import type { Catalog } from '../../src-shared/model/catalog';
import type {
  Connection,
  Element,
  ElementOf,
  WorkflowDocument,
} from '../../src-shared/model/document';
import { FORMAT_VERSION } from '../../src-shared/model/document';
import type { FlowContext } from '../../src-shared/validation/Diagnostic';

const mock = (latencyMs: number) => ({ latencyMs, failRate: 0.02, honoursIdempotency: true });
const operation = (name: string, latencyMs: number) => ({ name, mock: mock(latencyMs) });

/** The services of the test flows, with typical latencies from 20 to 200 ms. */
export const shopCatalog: Catalog = {
  services: [
    { name: 'Inventory', operations: [operation('reserve', 40), operation('release', 30)] },
    { name: 'Payment', operations: [operation('charge', 120), operation('refund', 80)] },
    { name: 'Shipping', operations: [operation('ship', 200), operation('cancel', 60)] },
    { name: 'Notification', operations: [operation('send', 20)] },
  ],
};

/** A workspace with the shop's catalog and no other flows. */
export const shopContext: FlowContext = { catalog: shopCatalog };

type Extra<T extends Element['type']> = Partial<Omit<ElementOf<T>, 'type' | 'id'>>;

const retry = { maxAttempts: 3, backoff: 'exponential', initialDelayMs: 100, maxDelayMs: 2000 };

/** Elements of test flows, each valid and lint-free on its own unless `extra` says otherwise. */
export const el = {
  start: (id: string, extra: Extra<'startEvent'> = {}) =>
    ({ type: 'startEvent', id, name: id, ...extra }) as ElementOf<'startEvent'>,
  end: (id: string, extra: Extra<'endEvent'> = {}) =>
    ({ type: 'endEvent', id, name: id, ...extra }) as ElementOf<'endEvent'>,
  /** `Inventory.reserve`, compensated by `release`, with a timeout and retries. */
  task: (id: string, extra: Extra<'serviceTask'> = {}) =>
    ({
      type: 'serviceTask',
      id,
      name: id,
      service: 'Inventory',
      operation: 'reserve',
      timeoutMs: 2000,
      retry,
      compensation: { operation: 'release' },
      ...extra,
    }) as ElementOf<'serviceTask'>,
  user: (id: string, extra: Extra<'userTask'> = {}) =>
    ({ type: 'userTask', id, name: id, timeoutMs: 86_400_000, ...extra }) as ElementOf<'userTask'>,
  wait: (id: string, extra: Extra<'timerEvent'> = {}) =>
    ({ type: 'timerEvent', id, name: id, timer: { durationMs: 1000 }, ...extra }) as Element,
  publish: (id: string, extra: Extra<'messageThrow'> = {}) =>
    ({ type: 'messageThrow', id, name: id, eventType: 'Happened', ...extra }) as Element,
  xor: (id: string, extra: Extra<'exclusiveGateway'> = {}) =>
    ({ type: 'exclusiveGateway', id, name: id, ...extra }) as ElementOf<'exclusiveGateway'>,
  and: (id: string) => ({ type: 'parallelGateway', id, name: id }) as Element,
  boundary: (id: string, attachedTo: string, extra: Extra<'boundaryEvent'> = {}) =>
    ({ type: 'boundaryEvent', id, name: id, attachedTo, trigger: 'error', ...extra }) as Element,
  sub: (id: string) => ({ type: 'subProcess', id, name: id }) as Element,
  call: (id: string, flowId: string, version: number | 'latest' = 'latest') =>
    ({ type: 'callActivity', id, name: id, flowId, version }) as Element,
};

/** A path; ids of paths are `source-target` unless given. */
export const path = (source: string, target: string, extra: Partial<Connection> = {}) => ({
  id: `${source}-${target}`,
  source,
  target,
  ...extra,
});

/** Paths through `ids` in order. */
export const chain = (...ids: string[]): Connection[] =>
  ids.slice(1).map((target, index) => path(ids[index] as string, target));

/** A flow document of these elements and paths, with a shape for each element on a row. */
export function flowOf(
  elements: readonly Element[],
  connections: readonly Connection[],
  catalog: Catalog = shopCatalog,
): WorkflowDocument {
  return {
    formatVersion: FORMAT_VERSION,
    kind: 'flow',
    model: { elements: [...elements], connections: [...connections] },
    diagram: {
      shapes: Object.fromEntries(elements.map((e, index) => [e.id, { x: index * 200, y: 0 }])),
    },
    catalog,
  };
}

/**
 * A small clean saga: reserve stock (compensated); big orders need a manager's approval (with a
 * timeout), a rejection fails the order; charge the card (the pivot); then ship (retried) and
 * announce in parallel.
 */
export function cleanSaga(): WorkflowDocument {
  return flowOf(
    [
      el.start('orderReceived'),
      el.task('reserveStock'),
      el.xor('bigOrder', { default: 'bigOrder-merge' }),
      el.user('managerApproval'),
      el.end('rejected', { result: 'error', errorCode: 'OrderRejected' }),
      el.xor('merge'),
      el.task('chargeCard', {
        service: 'Payment',
        operation: 'charge',
        pivot: true,
        compensation: undefined,
        input: '{ "amount": amount, "card": customer.card }',
        output: '{ "paymentId": result.id }',
      }),
      el.and('fork'),
      el.task('shipParcel', { service: 'Shipping', operation: 'ship', compensation: undefined }),
      el.publish('announce', { payload: '{ "orderId": orderId }' }),
      el.and('join'),
      el.end('orderDone'),
    ],
    [
      path('orderReceived', 'reserveStock'),
      path('reserveStock', 'bigOrder'),
      path('bigOrder', 'managerApproval', { condition: 'amount > 1000' }),
      path('bigOrder', 'merge'),
      path('managerApproval', 'merge', { outcome: 'approve' }),
      path('managerApproval', 'rejected', { outcome: 'reject' }),
      ...chain('merge', 'chargeCard', 'fork'),
      path('fork', 'shipParcel'),
      path('fork', 'announce'),
      path('shipParcel', 'join'),
      path('announce', 'join'),
      path('join', 'orderDone'),
    ],
  );
}

/**
 * A clean, block-structured saga of about `size` elements: repeated blocks of a compensable
 * task, an exclusive choice between two tasks, and a parallel fork of two tasks.
 */
export function largeSaga(size: number): WorkflowDocument {
  const elements: Element[] = [el.start('start')];
  const connections: Connection[] = [];
  const services = ['Inventory', 'Payment', 'Shipping'] as const;
  const compensations = { Inventory: 'release', Payment: 'refund', Shipping: 'cancel' };
  const operations = { Inventory: 'reserve', Payment: 'charge', Shipping: 'ship' };
  const task = (id: string, index: number) => {
    const service = services[index % services.length] ?? 'Inventory';
    const call = { service, operation: operations[service], timeoutMs: 5000 };
    return el.task(id, { ...call, compensation: { operation: compensations[service] } });
  };
  let last = 'start';
  for (let block = 0; elements.length < size - 1; block += 1) {
    const [t, g, ga, gb, m, p, pa, pb, j] = ['t', 'g', 'ga', 'gb', 'm', 'p', 'pa', 'pb', 'j'].map(
      (prefix) => `${prefix}${block}`,
    ) as [string, string, string, string, string, string, string, string, string];
    elements.push(task(t, block), el.xor(g, { default: `${g}-${gb}` }), task(ga, block + 1));
    elements.push(task(gb, block + 2), el.xor(m), el.and(p), task(pa, block), task(pb, block + 1));
    elements.push(el.and(j));
    connections.push(path(last, t), path(t, g), path(g, ga, { condition: `amount > ${block}` }));
    connections.push(...[path(g, gb), path(ga, m), path(gb, m), path(m, p), path(p, pa)]);
    connections.push(path(p, pb), path(pa, j), path(pb, j));
    last = j;
  }
  elements.push(el.end('end'));
  connections.push(path(last, 'end'));
  return flowOf(elements, connections);
}
