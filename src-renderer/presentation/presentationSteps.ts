import type { Connection, Element, WorkflowDocument } from '../../src-shared/model/document';

/** Elements that are notes and frames for people, not steps of the workflow. */
const NOT_STEPS = new Set<Element['type']>(['annotation', 'group', 'lane']);

/**
 * One hop of the walk: the element it reaches and where the walk may go from there. `key` says
 * when a hop has been followed already: an element's own id, or (on a map) the reaction that
 * reached a service, since each of its reactions leads on to other events.
 */
interface Hop {
  readonly id: string;
  readonly key: string;
  readonly onward: () => readonly Hop[];
}

/**
 * The order in which a presentation shows a document's elements: breadth-first from where it
 * starts along its connections (a flow from its start events; a map from its initial events
 * through the reactions of services to them and the events those reactions emit). Elements the
 * walk does not reach follow in document order, so that every step of the diagram is shown once.
 */
export function presentationSteps(doc: WorkflowDocument): string[] {
  const steps = doc.model.elements.filter((element) => !NOT_STEPS.has(element.type));
  const graph = doc.kind === 'map' ? mapHops(doc) : flowHops(doc);
  const isStep = new Set(steps.map((element) => element.id));
  const order: string[] = [];
  const shown = new Set<string>();
  const followed = new Set<string>();
  const walkFrom = (starts: readonly Hop[]) => {
    const queue = [...starts];
    for (let hop = queue.shift(); hop; hop = queue.shift()) {
      if (!isStep.has(hop.id)) continue;
      if (!shown.has(hop.id)) {
        shown.add(hop.id);
        order.push(hop.id);
      }
      if (followed.has(hop.key)) continue;
      followed.add(hop.key);
      queue.push(...hop.onward());
    }
  };
  walkFrom(graph.starts(steps).map((element) => graph.hop(element.id)));
  for (const element of steps) {
    if (!shown.has(element.id)) walkFrom([graph.hop(element.id)]);
  }
  return order;
}

interface Walkable {
  readonly starts: (steps: readonly Element[]) => readonly Element[];
  readonly hop: (id: string) => Hop;
}

function outgoing(doc: WorkflowDocument): Map<string, Connection[]> {
  const bySource = new Map<string, Connection[]>();
  for (const connection of doc.model.connections) {
    bySource.set(connection.source, [...(bySource.get(connection.source) ?? []), connection]);
  }
  return bySource;
}

function hasIncoming(doc: WorkflowDocument, id: string): boolean {
  return doc.model.connections.some((connection) => connection.target === id);
}

/**
 * A flow: from an element to what its connections lead to; a sub-process first to its own start
 * events; a task also to the boundary events on it (the paths taken when it fails or times out).
 */
function flowHops(doc: WorkflowDocument): Walkable {
  const bySource = outgoing(doc);
  const { elements } = doc.model;
  const hop = (id: string): Hop => ({
    id,
    key: id,
    onward: () => [
      ...elements
        .filter((child) => child.type === 'startEvent' && child.parent === id)
        .map((child) => hop(child.id)),
      ...(bySource.get(id) ?? []).map((connection) => hop(connection.target)),
      ...elements
        .filter((boundary) => boundary.type === 'boundaryEvent' && boundary.attachedTo === id)
        .map((boundary) => hop(boundary.id)),
    ],
  });
  return {
    starts: (steps) => {
      const topLevelStarts = steps.filter(
        (element) => element.type === 'startEvent' && element.parent === undefined,
      );
      if (topLevelStarts.length > 0) return topLevelStarts;
      return steps.filter(
        (element) =>
          element.type !== 'boundaryEvent' &&
          element.parent === undefined &&
          !hasIncoming(doc, element.id),
      );
    },
    hop,
  };
}

/**
 * A map: from an event to each service that reacts to it, and from that reaction to the events
 * it emits on success, then on failure. A service reached otherwise goes on to every event it
 * publishes.
 */
function mapHops(doc: WorkflowDocument): Walkable {
  const bySource = outgoing(doc);
  const elementById = new Map(doc.model.elements.map((element) => [element.id, element]));
  const publishedBy = (serviceId: string) =>
    (bySource.get(serviceId) ?? []).map((connection) => connection.target);
  const hop = (id: string): Hop => ({
    id,
    key: id,
    onward: () => {
      if (elementById.get(id)?.type === 'service') return publishedBy(id).map(hop);
      return (bySource.get(id) ?? []).map((reaction) => reactionHop(reaction));
    },
  });
  const reactionHop = (connection: Connection): Hop => ({
    id: connection.target,
    key: `${connection.target}:${connection.id}`,
    onward: () => {
      const { reaction } = connection;
      const emitted = reaction
        ? [...reaction.emitsOnSuccess, ...reaction.emitsOnFailure]
        : publishedBy(connection.target);
      return emitted.filter((id) => elementById.has(id)).map(hop);
    },
  });
  return {
    starts: (steps) => {
      const initial = steps.filter((element) => element.type === 'eventType' && element.initial);
      if (initial.length > 0) return initial;
      return steps.filter(
        (element) => element.type === 'eventType' && !hasIncoming(doc, element.id),
      );
    },
    hop,
  };
}
