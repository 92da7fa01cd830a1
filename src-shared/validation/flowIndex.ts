import type { Connection, Element, WorkflowDocument } from '../model/document';

/** Element types that take part in the control flow (annotations, groups and lanes do not). */
const notFlowNodes = new Set<Element['type']>([
  'annotation',
  'group',
  'lane',
  'service',
  'eventType',
]);

/** Element types a boundary event may be attached to. */
export const activityTypes = new Set<Element['type']>([
  'serviceTask',
  'userTask',
  'subProcess',
  'callActivity',
]);

export const isFlowNode = (element: Element): boolean => !notFlowNodes.has(element.type);

/** Where an element stands with respect to sub-processes. */
export type ParentProblem = 'unknown' | 'not a sub-process' | 'cycle';

/**
 * A flow read once into arrays indexed by element position, so that every rule runs in linear
 * time. Elements are the document's, first occurrence of each id; connections are those whose
 * ends both exist. Rules never see a half-read document: anything odd is simply left out here
 * and reported by the integrity rules.
 */
export interface FlowIndex {
  readonly doc: WorkflowDocument;
  readonly elements: readonly Element[];
  readonly position: ReadonlyMap<string, number>;
  readonly connections: readonly Connection[];
  readonly outgoing: readonly (readonly Connection[])[];
  readonly incoming: readonly (readonly Connection[])[];
  /** Positions of the targets of `outgoing`, in the same order. */
  readonly successors: readonly (readonly number[])[];
  /** Boundary events by the position of the activity they are attached to. */
  readonly boundaries: readonly (readonly number[])[];
  /** For a boundary event: the position of its activity, or -1 when it is not on one. */
  readonly host: readonly number[];
  /** The position of the sub-process an element is in (-1: the top level). */
  readonly scope: readonly number[];
  /** Why an element's `parent` is not usable (it is then treated as top level). */
  readonly parentProblem: readonly (ParentProblem | undefined)[];
  /** Start events by the position of their sub-process (-1: the top level). */
  readonly startsIn: ReadonlyMap<number, readonly number[]>;
  readonly flowNode: readonly boolean[];
}

const listOf = <T>(length: number): T[][] => Array.from({ length }, () => []);

/** Reads `doc` into a `FlowIndex`; never throws on a malformed model. */
export function indexFlow(doc: WorkflowDocument): FlowIndex {
  const elements: Element[] = [];
  const position = new Map<string, number>();
  for (const element of doc.model.elements) {
    if (position.has(element.id)) continue;
    position.set(element.id, elements.length);
    elements.push(element);
  }
  const paths = readConnections(doc.model.connections, position, elements.length);
  const { scope, parentProblem } = resolveScopes(elements, position);
  const { host, boundaries } = resolveHosts(elements, position);
  const startsIn = new Map<number, number[]>();
  elements.forEach((element, index) => {
    const hostIndex = host[index] ?? -1;
    if (hostIndex >= 0) scope[index] = scope[hostIndex] ?? -1;
    if (element.type !== 'startEvent') return;
    const key = scope[index] ?? -1;
    const list = startsIn.get(key);
    if (list) list.push(index);
    else startsIn.set(key, [index]);
  });
  const flowNode = elements.map(isFlowNode);
  return {
    doc,
    elements,
    position,
    ...paths,
    boundaries,
    host,
    scope,
    parentProblem,
    startsIn,
    flowNode,
  };
}

/** The connections whose ends both exist, by source and by target. */
function readConnections(
  all: readonly Connection[],
  position: ReadonlyMap<string, number>,
  count: number,
) {
  const outgoing = listOf<Connection>(count);
  const incoming = listOf<Connection>(count);
  const successors = listOf<number>(count);
  const connections: Connection[] = [];
  for (const connection of all) {
    const source = position.get(connection.source);
    const target = position.get(connection.target);
    if (source === undefined || target === undefined) continue;
    connections.push(connection);
    outgoing[source]?.push(connection);
    successors[source]?.push(target);
    incoming[target]?.push(connection);
  }
  return { connections, outgoing, incoming, successors };
}

function resolveHosts(elements: readonly Element[], position: ReadonlyMap<string, number>) {
  const host = elements.map(() => -1);
  const boundaries = listOf<number>(elements.length);
  elements.forEach((element, index) => {
    if (element.type !== 'boundaryEvent') return;
    const hostIndex = position.get(element.attachedTo);
    const hostElement = hostIndex === undefined ? undefined : elements[hostIndex];
    if (hostIndex === undefined || hostIndex === index || !hostElement) return;
    if (!activityTypes.has(hostElement.type)) return;
    host[index] = hostIndex;
    boundaries[hostIndex]?.push(index);
  });
  return { host, boundaries };
}

const NEW = 0;
const ON_PATH = 1;
const DONE = 2;

/**
 * Each element's sub-process, following `parent`. A parent that does not exist, is not a
 * sub-process, or leads back to the element through its own parents is a problem; such an
 * element is treated as top level so the other rules still make sense of it.
 */
function resolveScopes(elements: readonly Element[], position: ReadonlyMap<string, number>) {
  const parentProblem: (ParentProblem | undefined)[] = elements.map(() => undefined);
  const parentOf = elements.map((element, index) => {
    if (element.parent === undefined) return -1;
    const parent = position.get(element.parent);
    if (parent !== undefined && elements[parent]?.type === 'subProcess') return parent;
    parentProblem[index] = parent === undefined ? 'unknown' : 'not a sub-process';
    return -1;
  });
  const visit = elements.map(() => NEW);
  const path: number[] = [];
  for (let start = 0; start < elements.length; start += 1) {
    path.length = 0;
    let current = start;
    while (current >= 0 && visit[current] === NEW) {
      visit[current] = ON_PATH;
      path.push(current);
      current = parentOf[current] ?? -1;
    }
    if (current >= 0 && visit[current] === ON_PATH) {
      for (const member of path.slice(path.indexOf(current))) {
        parentProblem[member] = 'cycle';
        parentOf[member] = -1;
      }
    }
    for (const member of path) visit[member] = DONE;
  }
  return { scope: parentOf, parentProblem };
}
