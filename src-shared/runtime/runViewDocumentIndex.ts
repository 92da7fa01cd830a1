/**
 * The document as the run view's fold reads it (runViewFold.ts): its elements and connections
 * indexed once, and the helpers that tell from a journal entry's actor which node acted.
 */
import type { JournalEntry } from '../contract/contract';
import type { Connection, WorkflowDocument } from '../model/document';

export type Element = WorkflowDocument['model']['elements'][number];

/** The value, when it is a string (journal data is untyped). */
export const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** The document read once for the fold: elements, connections both ways, map subscriptions. */
export class DocumentIndex {
  readonly kind: 'flow' | 'map';
  readonly elements: ReadonlyMap<string, Element>;
  readonly incoming = new Map<string, Connection[]>();
  readonly outgoing = new Map<string, Connection[]>();
  /** Connection id by `source>target`. */
  readonly between = new Map<string, string>();
  readonly connectionIds: ReadonlySet<string>;
  /** Map: the service nodes subscribed to each event type node (a reaction each). */
  readonly subscribers = new Map<string, string[]>();
  /** Map: event type nodes by the event type they stand for. */
  readonly eventNodesByType = new Map<string, string[]>();
  /** Map: every service node, in document order. */
  readonly serviceNodes: readonly string[];

  constructor(document: WorkflowDocument) {
    this.kind = document.kind;
    this.elements = new Map(document.model.elements.map((element) => [element.id, element]));
    this.connectionIds = new Set(document.model.connections.map((connection) => connection.id));
    for (const connection of document.model.connections) {
      push(this.incoming, connection.target, connection);
      push(this.outgoing, connection.source, connection);
      this.between.set(`${connection.source}>${connection.target}`, connection.id);
      const source = this.elements.get(connection.source);
      const target = this.elements.get(connection.target);
      if (connection.reaction && source?.type === 'eventType' && target?.type === 'service')
        push(this.subscribers, source.id, target.id);
    }
    const services: string[] = [];
    for (const element of document.model.elements) {
      if (element.type === 'service') services.push(element.id);
      if (element.type === 'eventType')
        push(this.eventNodesByType, element.eventType ?? element.id, element.id);
    }
    this.serviceNodes = services;
  }

  has(id: string): boolean {
    return this.elements.has(id);
  }

  /** The catalog service a map's service node stands for (what its calls name). */
  serviceNameOf(node: string): string {
    const element = this.elements.get(node);
    return element?.type === 'service' && element.service ? element.service : node;
  }

  /** The event type nodes a `publish` entry reached. */
  eventNodesOf(data: Readonly<Record<string, unknown>>): readonly string[] {
    const node = text(data.node);
    if (node !== undefined) return [node];
    return this.eventNodesByType.get(String(data.type)) ?? [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The actor whose element states the canvas shows: the root flow, or a map's service copies. */
export function isRootActor(actor: string, doc: DocumentIndex): boolean {
  return doc.kind === 'flow' ? actor === 'flow' : actor.startsWith('svc:');
}

/** The node a map's service copy (`svc:<node>…`) acts for; any other actor as it is. */
export const nodeOf = (actor: string): string =>
  actor.startsWith('svc:') ? (actor.split(':')[1] ?? actor) : actor;

/** Who published an event: a map's service node, a flow's element, or `outside`. */
export function publisherOf(entry: JournalEntry): string {
  const actor = entry.actor ?? '';
  if (actor.startsWith('svc:')) return nodeOf(actor);
  return text(entry.data.by) ?? 'outside';
}
