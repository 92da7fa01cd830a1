import type { Connection, Element, WorkflowDocument } from '../model/document';

/** The flow as a graph: elements by id and their connections, built once per compile. */
export interface FlowGraph {
  readonly elements: ReadonlyMap<string, Element>;
  readonly outgoing: ReadonlyMap<string, readonly Connection[]>;
  readonly incoming: ReadonlyMap<string, readonly Connection[]>;
  /** Boundary events by the element they are attached to. */
  readonly boundaries: ReadonlyMap<string, readonly Element[]>;
  /** Elements by their sub-process (`''` for the top level), in document order. */
  readonly children: ReadonlyMap<string, readonly Element[]>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Elements that take part in the flow's control (annotations, groups and lanes do not). */
export function isFlowNode(element: Element): boolean {
  return !['annotation', 'group', 'lane', 'service', 'eventType'].includes(element.type);
}

export function buildFlowGraph(doc: WorkflowDocument): FlowGraph {
  const elements = new Map<string, Element>();
  const outgoing = new Map<string, Connection[]>();
  const incoming = new Map<string, Connection[]>();
  const boundaries = new Map<string, Element[]>();
  const children = new Map<string, Element[]>();
  for (const element of doc.model.elements) {
    elements.set(element.id, element);
    if (!isFlowNode(element)) continue;
    if (element.type === 'boundaryEvent') push(boundaries, element.attachedTo, element);
    else push(children, element.parent ?? '', element);
  }
  for (const connection of doc.model.connections) {
    push(outgoing, connection.source, connection);
    push(incoming, connection.target, connection);
  }
  return { elements, outgoing, incoming, boundaries, children };
}

export const outgoingOf = (graph: FlowGraph, id: string) => graph.outgoing.get(id) ?? [];
export const incomingOf = (graph: FlowGraph, id: string) => graph.incoming.get(id) ?? [];

export const isParallelFork = (graph: FlowGraph, element: Element) =>
  element.type === 'parallelGateway' && outgoingOf(graph, element.id).length > 1;
export const isParallelJoin = (graph: FlowGraph, element: Element) =>
  element.type === 'parallelGateway' && incomingOf(graph, element.id).length > 1;

/**
 * The parallel join where all branches of `fork` meet, or the reason there is none. Flows are
 * block-structured: nested forks are matched by depth, and every branch must reach one join.
 */
export function matchingJoin(
  graph: FlowGraph,
  fork: Element,
): { join: string } | { problem: string } {
  const found = new Set<string>();
  for (const branch of outgoingOf(graph, fork.id)) {
    for (const join of joinsAtDepthZero(graph, branch.target)) found.add(join);
  }
  if (found.size === 1) return { join: [...found][0] as string };
  if (found.size === 0)
    return {
      problem: `the branches of parallel gateway "${fork.id}" never meet at a parallel join`,
    };
  return {
    problem: `the branches of parallel gateway "${fork.id}" meet at several joins (${[...found].sort().join(', ')})`,
  };
}

function joinsAtDepthZero(graph: FlowGraph, start: string): Set<string> {
  const joins = new Set<string>();
  const seen = new Set<string>();
  const stack: [string, number][] = [[start, 0]];
  while (stack.length > 0) {
    const [id, depth] = stack.pop() as [string, number];
    const key = `${id}@${depth}`;
    const element = graph.elements.get(id);
    if (seen.has(key) || !element) continue;
    seen.add(key);
    let next = depth;
    if (isParallelJoin(graph, element)) {
      if (depth === 0) {
        joins.add(id);
        continue;
      }
      next = depth - 1;
    }
    if (isParallelFork(graph, element)) next += 1;
    for (const connection of outgoingOf(graph, id)) stack.push([connection.target, next]);
    for (const boundary of graph.boundaries.get(id) ?? []) stack.push([boundary.id, next]);
  }
  return joins;
}
