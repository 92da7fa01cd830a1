import type { Connection, Element, Reaction, WorkflowDocument } from '../../model/document';

/** A reaction edge (event type → service) read into positions. */
export interface ReactionEdge {
  readonly connection: Connection;
  readonly reaction: Reaction;
  /** The position of the event type node it reacts to. */
  readonly event: number;
  /** The position of the service node that reacts. */
  readonly service: number;
  /** Positions of the event type nodes it emits, on success then on failure (others left out). */
  readonly emits: readonly number[];
}

/** An edge between a service and an event type without a reaction, read into positions. */
export interface PlainEdge {
  readonly connection: Connection;
  readonly service: number;
  readonly event: number;
}

/**
 * A choreography map read once into arrays indexed by element position, so that every rule runs
 * in linear time. Elements are the document's, first occurrence of each id; connections are
 * those whose ends both exist, sorted into publish edges, reaction edges, subscriptions without
 * a reaction and the rest (`misplaced`). The event graph (`next`) leads from an event type to the
 * event types the reactions to it emit: what an instance can publish next.
 */
export interface MapIndex {
  readonly doc: WorkflowDocument;
  readonly elements: readonly Element[];
  readonly position: ReadonlyMap<string, number>;
  /** Positions of the event type nodes, in document order. */
  readonly events: readonly number[];
  readonly reactions: readonly ReactionEdge[];
  /** Reactions (indexes into `reactions`) by the position of their event type. */
  readonly reactionsOn: readonly (readonly number[])[];
  readonly publishEdges: readonly PlainEdge[];
  /** Edges from an event type to a service that carry no reaction. */
  readonly bareSubscriptions: readonly PlainEdge[];
  /** Edges with both ends present that are none of the above. */
  readonly misplaced: readonly Connection[];
  /** Edges (reactions or not) from each event type to a service. */
  readonly subscribers: readonly number[];
  /** Publish edges into each event type. */
  readonly publishers: readonly number[];
  /** Reaction emits that name each event type. */
  readonly emitters: readonly number[];
  /** Event types each service has a publish edge to, by service position. */
  readonly publishes: ReadonlyMap<number, ReadonlySet<number>>;
  /** The event graph: for each event type, the event types its reactions emit. */
  readonly next: readonly (readonly number[])[];
}

/** A list as written, or an empty one where a hand-written document left it out. */
const listOr = <T>(value: readonly T[] | undefined): T[] =>
  Array.isArray(value) ? (value as readonly T[]).slice() : [];

/**
 * The reaction with its lists present: a document the schema would refuse (hand-written JSON
 * that leaves out `emitsOnFailure`, say) is still read, and its rules never meet a missing list.
 */
function readReaction(reaction: Reaction): Reaction {
  const operations = listOr(reaction.operations).filter(
    (call) => typeof call === 'object' && call !== null,
  );
  return {
    ...reaction,
    operations,
    emitsOnSuccess: listOr(reaction.emitsOnSuccess),
    emitsOnFailure: listOr(reaction.emitsOnFailure),
    ...(reaction.reads === undefined ? {} : { reads: listOr(reaction.reads) }),
  };
}

const listOf = <T>(length: number): T[][] => Array.from({ length }, () => []);
const counts = (length: number): number[] => new Array<number>(length).fill(0);

/** Reads `doc` into a `MapIndex`; never throws on a malformed model. */
export function indexMap(doc: WorkflowDocument): MapIndex {
  const elements: Element[] = [];
  const position = new Map<string, number>();
  for (const element of doc.model.elements) {
    if (position.has(element.id)) continue;
    position.set(element.id, elements.length);
    elements.push(element);
  }
  const events = elements.flatMap((element, at) => (element.type === 'eventType' ? [at] : []));
  const edges = sortConnections(doc.model.connections, elements, position);
  return { doc, elements, position, events, ...edges, ...eventGraph(elements.length, edges) };
}

type SortedConnections = Pick<
  MapIndex,
  'reactions' | 'publishEdges' | 'bareSubscriptions' | 'misplaced'
>;

/** Sorts the connections whose ends both exist by what they are in a map. */
function sortConnections(
  connections: readonly Connection[],
  elements: readonly Element[],
  position: ReadonlyMap<string, number>,
): SortedConnections {
  const sorted = {
    reactions: [] as ReactionEdge[],
    publishEdges: [] as PlainEdge[],
    bareSubscriptions: [] as PlainEdge[],
    misplaced: [] as Connection[],
  };
  const isA = (at: number, type: Element['type']) => elements[at]?.type === type;
  for (const connection of connections) {
    const source = position.get(connection.source);
    const target = position.get(connection.target);
    if (source === undefined || target === undefined) continue;
    const fromEvent = isA(source, 'eventType') && isA(target, 'service');
    const fromService = isA(source, 'service') && isA(target, 'eventType');
    const reaction = connection.reaction ? readReaction(connection.reaction) : undefined;
    if (reaction && fromEvent) {
      const emits = [...reaction.emitsOnSuccess, ...reaction.emitsOnFailure]
        .map((id) => position.get(id) ?? -1)
        .filter((at) => isA(at, 'eventType'));
      sorted.reactions.push({
        connection,
        reaction,
        event: source,
        service: target,
        emits,
      });
    } else if (!reaction && fromService) {
      sorted.publishEdges.push({ connection, service: source, event: target });
    } else if (!reaction && fromEvent) {
      sorted.bareSubscriptions.push({ connection, service: target, event: source });
    } else sorted.misplaced.push(connection);
  }
  return sorted;
}

type EventGraph = Pick<
  MapIndex,
  'reactionsOn' | 'subscribers' | 'publishers' | 'emitters' | 'publishes' | 'next'
>;

/** Counts and adjacency by element position, read from the sorted connections. */
function eventGraph(count: number, edges: SortedConnections): EventGraph {
  const graph = {
    reactionsOn: listOf<number>(count),
    next: listOf<number>(count),
    subscribers: counts(count),
    publishers: counts(count),
    emitters: counts(count),
    publishes: new Map<number, Set<number>>(),
  };
  const add = (list: number[], at: number) => (list[at] = (list[at] ?? 0) + 1);
  edges.reactions.forEach((edge, at) => {
    graph.reactionsOn[edge.event]?.push(at);
    graph.next[edge.event]?.push(...edge.emits);
    add(graph.subscribers, edge.event);
    for (const emitted of edge.emits) add(graph.emitters, emitted);
  });
  for (const { event } of edges.bareSubscriptions) add(graph.subscribers, event);
  for (const { service, event } of edges.publishEdges) {
    add(graph.publishers, event);
    graph.publishes.set(service, (graph.publishes.get(service) ?? new Set<number>()).add(event));
  }
  return graph;
}
