import type { EventTypeDefinition, Service } from '../src-shared/model/catalog';
import type { Connection, Element, Reaction, WorkflowDocument } from '../src-shared/model/document';

const mock = { latencyMs: 50, failRate: 0.01, honoursIdempotency: true };
const operations = ['run', 'confirm', 'record'].map((name) => ({ name, mock }));
const payload = {
  fields: [
    { name: 'orderId', type: 'string' as const, required: true },
    { name: 'amount', type: 'number' as const, required: true },
  ],
};
/** Terminal events: one completes the instance, the others end it compensated. */
const TERMINALS = 10;
/** The services past the chain (as many as the terminals) listen to every this many events. */
const LISTEN_EVERY = 10;

/**
 * A realistic choreography map of `size` services and `size` event types: a chain of services,
 * each reacting to the event before it (two operations, a condition on every third) and emitting
 * the next on success or one of the compensating terminal events on failure, plus a few
 * listeners (audit, analytics) that between them react to every tenth event of the chain: about
 * 1.1 reactions per event. With its catalog, so that it also validates against known services,
 * operations and events.
 */
export function generateMap(size: number): WorkflowDocument {
  const chain = size - TERMINALS;
  const elements: Element[] = [];
  const connections: Connection[] = [];
  const shapes: Record<string, { x: number; y: number }> = {};
  const add = (element: Element, x: number, y: number) => {
    elements.push(element);
    shapes[element.id] = { x, y };
  };
  const edge = (source: string, target: string, reaction?: Reaction) =>
    connections.push({
      id: `edge_${connections.length + 1}`,
      source,
      target,
      ...(reaction ? { reaction } : {}),
    });
  const serviceName = (i: number) => `Service${i}`;
  const eventName = (i: number) => `Event${i}`;

  for (let i = 0; i < size; i += 1) {
    const terminal = i < chain ? undefined : i === chain ? 'completed' : 'compensated';
    add(
      {
        type: 'eventType',
        id: `e${i}`,
        name: eventName(i),
        eventType: eventName(i),
        ...(i === 0 ? { initial: true } : {}),
        ...(terminal ? { terminal } : {}),
      },
      (i % 100) * 300,
      Math.floor(i / 100) * 400 + 200,
    );
    add(
      { type: 'service', id: `s${i}`, name: serviceName(i), service: serviceName(i) },
      (i % 100) * 300,
      Math.floor(i / 100) * 400,
    );
  }
  for (let i = 0; i < chain; i += 1) {
    const failure = chain + 1 + (i % (TERMINALS - 1));
    edge(`e${i}`, `s${i}`, chainReaction(i, [`e${i + 1}`], [`e${failure}`]));
    edge(`s${i}`, `e${i + 1}`);
    edge(`s${i}`, `e${failure}`);
  }
  for (let i = 0; i < chain; i += LISTEN_EVERY) {
    edge(`e${i}`, `s${chain + ((i / LISTEN_EVERY) % TERMINALS)}`, {
      condition: 'amount > 0',
      operations: [{ operation: 'record', input: '{ "orderId": orderId }' }],
      emitsOnSuccess: [],
      emitsOnFailure: [],
      idempotent: true,
      reads: ['orderId', 'amount'],
    });
  }
  const services: Service[] = elements
    .filter((element) => element.type === 'service')
    .map((element) => ({ name: serviceName(Number(element.id.slice(1))), operations }));
  const events: EventTypeDefinition[] = Array.from({ length: size }, (_, i) => ({
    name: eventName(i),
    owner: serviceName(i === 0 ? 0 : i <= chain ? i - 1 : 0),
    version: 1,
    payload,
  }));
  return {
    formatVersion: 1,
    kind: 'map',
    name: `Generated map of ${size} services and ${size} events`,
    model: { elements, connections },
    diagram: { shapes },
    catalog: { services, events },
  };
}

function chainReaction(i: number, success: string[], failure: string[]): Reaction {
  return {
    ...(i % 3 === 0 ? { condition: `amount > ${i}` } : {}),
    operations: [
      { operation: 'run', input: '{ "orderId": orderId, "amount": amount }' },
      { operation: 'confirm' },
    ],
    emitsOnSuccess: success,
    emitsOnFailure: failure,
    idempotent: i % 7 !== 0,
    concurrency: 1 + (i % 4),
    reads: ['orderId', 'amount'],
  };
}
