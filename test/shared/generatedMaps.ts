import type { Catalog } from '../../src-shared/model/catalog';
import type { Connection, Element, WorkflowDocument } from '../../src-shared/model/document';
import { atLeastOnce, mapOf, node, publish, react } from './maps';
import { seededIntegers } from './seededRandom';

const field = (name: string, type: 'string' | 'number' = 'string') => ({
  name,
  type,
  required: true,
});

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
