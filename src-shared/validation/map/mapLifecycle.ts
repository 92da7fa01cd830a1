import type { ElementOf } from '../../model/document';
import type { Diagnostic } from '../Diagnostic';
import type { MapIndex } from './mapIndex';
import { createMapDiagnostic } from './mapDiagnostics';

type EventNode = ElementOf<'eventType'>;

/** The event type nodes of the map with their positions, in document order. */
const eventNodes = (map: MapIndex) =>
  map.events.flatMap((at) => {
    const element = map.elements[at];
    return element?.type === 'eventType' ? [{ at, node: element }] : [];
  });

/**
 * Checks that instances of the map start and end: an initial event exists (CHOR001), and from
 * each one, following the events its reactions emit (on success and on failure), some terminal
 * event can be reached (CHOR002); and that the map has a failure path at all (CHOR305).
 */
export function checkLifecycle(map: MapIndex): Diagnostic[] {
  const events = eventNodes(map);
  const initial = events.filter(({ node }) => node.initial === true);
  const terminal = events.filter(({ node }) => node.terminal !== undefined);
  const diagnostics: Diagnostic[] = [];
  if (initial.length === 0) {
    diagnostics.push(
      createMapDiagnostic('CHOR001', undefined, 'has no initial event: nothing starts an instance'),
    );
  } else if (terminal.length === 0) {
    const detail = 'marks no event as terminal: no instance ever ends';
    diagnostics.push(createMapDiagnostic('CHOR002', undefined, detail));
  } else {
    const ends = reachesTerminal(
      map,
      terminal.map(({ at }) => at),
    );
    for (const { at, node } of initial) {
      if (ends[at]) continue;
      const detail =
        (map.subscribers[at] ?? 0) === 0
          ? 'starts instances, but no service reacts to it, so they never reach a terminal event'
          : 'starts instances that never reach a terminal event: no chain of reactions from it leads to one';
      diagnostics.push(createMapDiagnostic('CHOR002', node, detail));
    }
  }
  if (
    !hasFailurePath(
      map,
      terminal.map(({ node }) => node),
    )
  ) {
    const detail =
      'has no failure path: no reaction emits an event when it fails and no terminal event is compensated or failed, so there is no way to compensate';
    diagnostics.push(createMapDiagnostic('CHOR305', undefined, detail));
  }
  return diagnostics;
}

/** Which events lead to a terminal one: a backward walk of the event graph from them. */
function reachesTerminal(map: MapIndex, terminal: readonly number[]): Uint8Array {
  const previous = Array.from({ length: map.elements.length }, (): number[] => []);
  for (const from of map.events) {
    for (const to of map.next[from] ?? []) previous[to]?.push(from);
  }
  const reached = new Uint8Array(map.elements.length);
  const queue = [...terminal];
  for (const at of terminal) reached[at] = 1;
  for (let head = 0; head < queue.length; head += 1) {
    for (const from of previous[queue[head] ?? -1] ?? []) {
      if (reached[from]) continue;
      reached[from] = 1;
      queue.push(from);
    }
  }
  return reached;
}

/** A map without reactions has nothing to compensate; otherwise some failure must be drawn. */
function hasFailurePath(map: MapIndex, terminal: readonly EventNode[]): boolean {
  if (map.reactions.length === 0) return true;
  if (terminal.some((node) => node.terminal === 'compensated' || node.terminal === 'failed')) {
    return true;
  }
  return map.reactions.some(({ reaction }) => reaction.emitsOnFailure.length > 0);
}
