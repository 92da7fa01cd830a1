import type { WorkflowDocument } from '../../model/document';
import { elementTypeInfo } from '../../model/elementTypes';
import type { Diagnostic } from '../Diagnostic';
import type { MapIndex } from './mapIndex';
import { createMapDiagnostic, mapDiagnosticFor } from './mapDiagnostics';

/** Element types a map may hold besides services and event types: notes for people. */
const forPeople = new Set(['annotation', 'group', 'lane']);

/**
 * Checks what makes a document a readable map: that it is one (CHOR006), that its references
 * resolve (CHOR007) and its ids are unique (CHOR008), and that each event type is drawn once
 * (CHOR009). The first three are also refused by the schema; they are reported for documents
 * that can still be read (an import, a hand-edited file).
 */
export function checkMapIntegrity(map: MapIndex): Diagnostic[] {
  return [
    ...flowElements(map),
    ...danglingReferences(map),
    ...duplicateIds(map.doc),
    ...repeatedEventTypes(map),
  ];
}

function flowElements(map: MapIndex): Diagnostic[] {
  return map.elements
    .filter((element) => element.type !== 'service' && element.type !== 'eventType')
    .filter((element) => !forPeople.has(element.type))
    .map((element) =>
      createMapDiagnostic(
        'CHOR006',
        element,
        'belongs in an orchestration flow, not in a choreography map',
      ),
    );
}

function danglingReferences(map: MapIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const { connections } = map.doc.model;
  for (const connection of connections) {
    for (const [end, id] of [
      ['source', connection.source],
      ['target', connection.target],
    ] as const) {
      if (map.position.has(id)) continue;
      diagnostics.push(
        createMapDiagnostic('CHOR007', connection, `has a ${end} that is not an element: ${id}`),
      );
    }
  }
  const unknownIds = (ids: readonly string[], known: (id: string) => boolean, what: string) => {
    for (const id of ids) {
      if (known(id)) continue;
      diagnostics.push(
        mapDiagnosticFor('CHOR007', id, `The diagram has ${what} for ${id}, which is not one`),
      );
    }
  };
  const connectionIds = new Set(connections.map((connection) => connection.id));
  unknownIds(Object.keys(map.doc.diagram.shapes), (id) => map.position.has(id), 'a shape');
  unknownIds(Object.keys(map.doc.diagram.edges ?? {}), (id) => connectionIds.has(id), 'a route');
  return diagnostics;
}

function duplicateIds(doc: WorkflowDocument): Diagnostic[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const { elements, connections } = doc.model;
  for (const item of [...elements, ...connections])
    (seen.has(item.id) ? repeated : seen).add(item.id);
  if (repeated.size === 0) return [];
  const uses = new Map<string, string[]>([...repeated].map((id) => [id, []]));
  for (const item of elements) uses.get(item.id)?.push(elementTypeInfo[item.type].label);
  for (const item of connections) uses.get(item.id)?.push('connection');
  return [...uses].map(([id, kinds]) =>
    mapDiagnosticFor(
      'CHOR008',
      id,
      `Id ${id} is used ${kinds.length} times (${kinds.join(', ').toLowerCase()})`,
    ),
  );
}

function repeatedEventTypes(map: MapIndex): Diagnostic[] {
  const firstNode = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const at of map.events) {
    const element = map.elements[at];
    if (element?.type !== 'eventType' || element.eventType === undefined) continue;
    const first = firstNode.get(element.eventType);
    if (first === undefined) {
      firstNode.set(element.eventType, element.id);
      continue;
    }
    diagnostics.push(
      createMapDiagnostic(
        'CHOR009',
        element,
        `is event type ${element.eventType} again (first drawn as ${first}); consumers of one node do not get what is published to the other`,
      ),
    );
  }
  return diagnostics;
}
