/**
 * The run view's fold on a flow's root machine (runViewFold.ts): from each state value it reaches,
 * which elements were left, which entered, and the connections and pass-through elements (gateways,
 * events) the run went by on the way.
 */
import type { Connection } from '../model/document';
import type { DocumentIndex, Element } from './runViewDocumentIndex';
import { activeState, FAILED_OUTCOMES, type FoldState } from './runViewFoldState';

/** Element types a path may pass through without the machine ever being in them. */
const PASS_THROUGH: ReadonlySet<string> = new Set([
  'startEvent',
  'endEvent',
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
  'boundaryEvent',
  'messageThrow',
]);
/** How far a path is followed through elements that are never states. */
const MAX_PASS_THROUGH = 6;

/** Every element the machine's state value names, outermost first, with its sub-state. */
function elementsIn(value: unknown, doc: DocumentIndex, into: Map<string, string | null>): void {
  if (typeof value === 'string') {
    if (doc.has(value) && !into.has(value)) into.set(value, null);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (doc.has(key)) into.set(key, typeof inner === 'string' && !doc.has(inner) ? inner : null);
    elementsIn(inner, doc, into);
  }
}

/**
 * The root flow reached a new state value: elements it left are completed (or failed, when their
 * last call failed), elements it entered are active, and each entered element counts the
 * connection that led to it from an element just left (through gateways and events the machine
 * never rests in). Reaching no element at all follows the elements left to an end event.
 */
export function applyRootValue(
  state: FoldState,
  value: unknown,
  doc: DocumentIndex,
  enter: (id: string) => void,
  take: (connectionId: string) => void,
): void {
  const next = new Map<string, string | null>();
  elementsIn(value, doc, next);
  if (!state.started) {
    state.started = true;
    for (const [id, element] of doc.elements)
      if (element.type === 'startEvent' && element.parent === undefined)
        state.pendingSources.add(id);
  }
  const left: string[] = [];
  for (const id of state.active.keys()) {
    if (next.has(id)) continue;
    left.push(id);
    const current = state.elements.get(id);
    if (current !== 'compensating' && current !== 'compensated') {
      const outcome = state.lastOutcome.get(id);
      state.elements.set(
        id,
        outcome !== undefined && FAILED_OUTCOMES.has(outcome) ? 'failed' : 'completed',
      );
    }
    state.pendingSources.add(id);
  }
  const previous = state.active;
  state.active = next;
  const reachedNow = new Set<string>();
  const enteredSoFar = new Set<string>();
  /** The machine is (or has just been) in `id`, so a connection from it may be what was taken. */
  const live = (id: string): boolean => {
    if (reachedNow.has(id) || enteredSoFar.has(id)) return true;
    // Still in it, as a parallel gateway is while its branches run.
    if (previous.has(id) && next.has(id)) return true;
    if (state.pendingSources.delete(id)) {
      reachedNow.add(id);
      // A start event is never a state: it is taken when what follows it is entered.
      if (!state.elements.has(id)) {
        state.elements.set(id, 'completed');
        enter(id);
      }
      return true;
    }
    const element = doc.elements.get(id);
    // A sub-process's start event is taken when the sub-process is entered.
    if (
      element?.type === 'startEvent' &&
      element.parent !== undefined &&
      next.has(element.parent)
    ) {
      reachedNow.add(id);
      return true;
    }
    return false;
  };
  const reach = (target: string, visited: Set<string>, depth: number): boolean => {
    let found = false;
    const element = doc.elements.get(target);
    if (element?.type === 'boundaryEvent' && live(element.attachedTo)) found = true;
    for (const connection of doc.incoming.get(target) ?? []) {
      const source = connection.source;
      if (live(source)) {
        take(connection.id);
        found = true;
        continue;
      }
      const sourceElement = doc.elements.get(source);
      if (!sourceElement || !PASS_THROUGH.has(sourceElement.type) || visited.has(source)) continue;
      if (depth >= MAX_PASS_THROUGH) continue;
      visited.add(source);
      if (reach(source, visited, depth + 1)) {
        take(connection.id);
        reachedNow.add(source);
        state.elements.set(source, 'completed');
        enter(source);
        found = true;
      }
    }
    return found;
  };
  for (const [id, subState] of next) {
    if (previous.has(id)) {
      const current = state.elements.get(id);
      if (current !== 'compensating' && current !== 'compensated')
        state.elements.set(id, activeState(state, id, subState));
      continue;
    }
    reach(id, new Set([id]), 0);
    enteredSoFar.add(id);
    state.pendingSources.delete(id);
    state.elements.set(id, activeState(state, id, subState));
    enter(id);
  }
  if (next.size === 0 && left.length > 0) reachEnd(state, left, doc, value, enter, take);
}

/** The run left its last element: the end event it reached through what the machine passes by. */
function reachEnd(
  state: FoldState,
  left: readonly string[],
  doc: DocumentIndex,
  value: unknown,
  enter: (id: string) => void,
  take: (connectionId: string) => void,
): void {
  const routes: { end: Element; connections: Connection[] }[] = [];
  const follow = (from: string, via: Connection[], visited: Set<string>) => {
    for (const connection of doc.outgoing.get(from) ?? []) {
      const target = doc.elements.get(connection.target);
      if (!target || visited.has(target.id)) continue;
      const route = [...via, connection];
      if (target.type === 'endEvent') routes.push({ end: target, connections: route });
      else if (PASS_THROUGH.has(target.type) && route.length < MAX_PASS_THROUGH)
        follow(target.id, route, new Set([...visited, target.id]));
    }
  };
  for (const id of left) follow(id, [], new Set([id]));
  if (routes.length === 0) return;
  const completed = value === '__completed';
  const isError = (end: Element) => end.type === 'endEvent' && end.result === 'error';
  const preferred = routes.filter((route) => isError(route.end) !== completed);
  const chosen = (preferred.length > 0 ? preferred : routes)[0]!;
  for (const connection of chosen.connections) {
    take(connection.id);
    const target = connection.target;
    state.pendingSources.delete(connection.source);
    state.elements.set(target, 'completed');
    enter(target);
  }
}
