/**
 * How `deriveMap` reads the flow: its graph with parallel blocks put in a row, the order of the
 * service tasks, where each step's control comes from, and what a failure there would undo.
 */
import type { Connection, Element, ElementOf, WorkflowDocument } from '../model/document';
import { reportEntry, type DeriveReportEntry } from './deriveShared';

export type Task = ElementOf<'serviceTask'>;

/** Where control comes from, as the map sees it: an event node and the condition taken on the way. */
export interface Trigger {
  readonly event: string;
  readonly condition?: string;
}

/** The flow's graph after parallel blocks are put in a row (a map has no join). */
export interface Graph {
  readonly byId: ReadonlyMap<string, Element>;
  readonly incoming: Map<string, Connection[]>;
  readonly outgoing: Map<string, Connection[]>;
}

export function buildGraph(flow: WorkflowDocument): Graph {
  const byId = new Map(flow.model.elements.map((element) => [element.id, element]));
  const incoming = new Map<string, Connection[]>();
  const outgoing = new Map<string, Connection[]>();
  for (const connection of flow.model.connections) {
    if (!byId.has(connection.source) || !byId.has(connection.target)) continue;
    incoming.set(connection.target, [...(incoming.get(connection.target) ?? []), connection]);
    outgoing.set(connection.source, [...(outgoing.get(connection.source) ?? []), connection]);
  }
  return { byId, incoming, outgoing };
}

/** Puts each parallel block of the flow in a row where it can, and reports what became of it. */
export function serializeParallels(
  flow: WorkflowDocument,
  graph: Graph,
  report: DeriveReportEntry[],
): void {
  for (const element of flow.model.elements) {
    if (element.type !== 'parallelGateway') continue;
    if ((graph.outgoing.get(element.id) ?? []).length < 2) continue;
    if (serializeParallel(graph, element.id)) {
      report.push(
        reportEntry(
          element,
          'approximated',
          'a map has no join: the parallel branches run one after another, each reacting to the previous branch’s completion event',
        ),
      );
    } else {
      report.push(
        reportEntry(
          element,
          'skipped',
          'its branches are not plain chains meeting at one join; each branch reacts to the event before the fork and nothing waits for all of them',
        ),
      );
    }
  }
}

/**
 * A fork whose branches are plain chains meeting at one join becomes one chain: branch after
 * branch in the document's order. Returns false (graph untouched) when the block is not that simple.
 */
function serializeParallel(graph: Graph, fork: string): boolean {
  const branches = graph.outgoing.get(fork) ?? [];
  const chains: { first: string; last: string }[] = [];
  let join: string | undefined;
  for (const branch of branches) {
    let node = branch.target;
    let last = fork;
    const seen = new Set<string>();
    while (!seen.has(node)) {
      seen.add(node);
      const element = graph.byId.get(node);
      if (element?.type === 'parallelGateway') break;
      const next = graph.outgoing.get(node) ?? [];
      if (next.length !== 1 || (graph.incoming.get(node) ?? []).length !== 1) return false;
      last = node;
      node = next[0]!.target;
    }
    if (join !== undefined && join !== node) return false;
    join = node;
    chains.push({ first: branch.target, last });
  }
  if (join === undefined || chains.some((chain) => chain.last === fork)) return false;
  // Rewire: fork → chain 1 → chain 2 → … → join.
  const forkOut = branches[0]!;
  graph.outgoing.set(fork, [forkOut]);
  const joinIn: Connection[] = [];
  chains.forEach((chain, index) => {
    const next = chains[index + 1]?.first ?? join;
    const link = { id: `${chain.last}__${next}`, source: chain.last, target: next };
    graph.outgoing.set(chain.last, [link]);
    graph.incoming.set(next, [link]);
    if (next === join) joinIn.push(link);
  });
  graph.incoming.set(join, joinIn);
  return true;
}

/**
 * The condition of an exclusive gateway's path without one (its default): none of the others hold.
 * Without it a map would take the default path as well as the one whose condition holds.
 */
function otherwise(source: Element, connection: Connection, graph: Graph): string | undefined {
  if (source.type !== 'exclusiveGateway') return undefined;
  const others = (graph.outgoing.get(source.id) ?? [])
    .filter((other) => other.id !== connection.id && other.condition !== undefined)
    .map((other) => `(${other.condition})`);
  // A ternary, not $not: a condition over a missing field is undefined, and $not(undefined) too.
  return others.length === 0 ? undefined : `(${others.join(' or ')}) ? false : true`;
}

const and = (a: string | undefined, b: string | undefined) =>
  a === undefined ? b : b === undefined ? a : `(${a}) and (${b})`;

/**
 * Where each node's control comes from (memoised): the initial event after the start, a service
 * task's completion event (`completionOf`, which may add it to the map), through anything else.
 */
export function triggerFinder(
  graph: Graph,
  start: string,
  initial: string,
  completionOf: (task: Task) => string,
): (node: string) => Trigger[] {
  const triggersMemo = new Map<string, Trigger[]>();
  const triggersOf = (node: string, seen: Set<string> = new Set()): Trigger[] => {
    const memo = triggersMemo.get(node);
    if (memo) return memo;
    if (seen.has(node)) return [];
    seen.add(node);
    const found: Trigger[] = [];
    for (const connection of graph.incoming.get(node) ?? []) {
      const source = graph.byId.get(connection.source);
      if (!source) continue;
      // A map has no person to decide: the derived map takes the approve path of a user task.
      if (source.type === 'userTask' && connection.outcome === 'reject') continue;
      let upstream: Trigger[];
      if (source.id === start) upstream = [{ event: initial }];
      else if (source.type === 'serviceTask') upstream = [{ event: completionOf(source) }];
      else upstream = triggersOf(source.id, seen);
      const condition = connection.condition ?? otherwise(source, connection, graph);
      for (const trigger of upstream) {
        const joined = and(trigger.condition, condition);
        found.push({
          event: trigger.event,
          ...(joined === undefined ? {} : { condition: joined }),
        });
      }
    }
    triggersMemo.set(node, found);
    return found;
  };
  return (node) => triggersOf(node);
}

/** The service tasks in chain order (a walk from the start). */
export function chainOrder(graph: Graph, start: string): Task[] {
  const order: Task[] = [];
  const visited = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (visited.has(id)) continue;
    visited.add(id);
    const element = graph.byId.get(id);
    if (element?.type === 'serviceTask') order.push(element);
    for (const connection of graph.outgoing.get(id) ?? []) queue.push(connection.target);
  }
  return order;
}

/** The compensable tasks completed before `task` on its only path back, nearest first. */
export function doneBefore(graph: Graph, task: string): Task[] {
  const chain: Task[] = [];
  let node = task;
  const seen = new Set<string>();
  for (;;) {
    const incoming = graph.incoming.get(node) ?? [];
    if (incoming.length !== 1 || seen.has(node)) break;
    seen.add(node);
    node = incoming[0]!.source;
    const element = graph.byId.get(node);
    if (element?.type === 'serviceTask') {
      if (element.pivot) return [];
      if (element.compensation) chain.push(element);
    }
  }
  return chain;
}
