import type { Element } from '../../model/document';
import type { Diagnostic } from '../Diagnostic';
import { aTypeLabel } from '../diagnostics';
import type { MapIndex, ReactionEdge } from './mapIndex';
import { createMapDiagnostic, nodeLabel } from './mapDiagnostics';

/**
 * Checks the edges of a map: each is a publish edge (service → event type, no reaction) or a
 * reaction edge (event type → service, with its reaction) (CHOR003); an edge from an event type
 * to a service says what the service does (CHOR004); and a reaction emits only event types its
 * service has a publish edge to (CHOR005).
 */
export function checkMapConnections(map: MapIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const connection of map.misplaced) {
    const source = map.elements[map.position.get(connection.source) ?? -1];
    const target = map.elements[map.position.get(connection.target) ?? -1];
    if (!source || !target) continue;
    const ends = `from ${aTypeLabel(source.type)} (${source.id}) to ${aTypeLabel(target.type)} (${target.id})`;
    const detail = connection.reaction
      ? `runs ${ends}, but reactions sit on edges from an event type to a service`
      : `runs ${ends}; a map connects services to the events they publish and events to the services that react`;
    diagnostics.push(createMapDiagnostic('CHOR003', connection, detail));
  }
  for (const { connection, event, service } of map.bareSubscriptions) {
    const detail = `leads ${labelAt(map, event)} to ${labelAt(map, service)} without a reaction: the service does nothing with it`;
    diagnostics.push(createMapDiagnostic('CHOR004', connection, detail));
  }
  for (const edge of map.reactions) diagnostics.push(...emitProblems(map, edge));
  return diagnostics;
}

const labelAt = (map: MapIndex, at: number) => {
  const element = map.elements[at];
  return element ? nodeLabel(element) : '?';
};

function emitProblems(map: MapIndex, edge: ReactionEdge): Diagnostic[] {
  const { reaction, connection } = edge;
  const ids = new Set([...reaction.emitsOnSuccess, ...reaction.emitsOnFailure]);
  const published = map.publishes.get(edge.service);
  const service = labelAt(map, edge.service);
  const diagnostics: Diagnostic[] = [];
  for (const id of ids) {
    const at = map.position.get(id) ?? -1;
    const detail = emitProblem(id, map.elements[at], published?.has(at) ?? false, service);
    if (detail !== undefined) diagnostics.push(createMapDiagnostic('CHOR005', connection, detail));
  }
  return diagnostics;
}

/** What is wrong with `service` emitting the element `id`, if anything. */
function emitProblem(
  id: string,
  element: Element | undefined,
  hasPublishEdge: boolean,
  service: string,
): string | undefined {
  if (!element) return `emits ${id}, which is not an element of the map`;
  if (element.type !== 'eventType') {
    return `emits ${id}, ${aTypeLabel(element.type)}, not an event type`;
  }
  if (hasPublishEdge) return undefined;
  return `emits ${nodeLabel(element)} (${id}), but ${service} has no publish edge to it`;
}
