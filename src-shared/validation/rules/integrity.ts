import { elementTypeInfo } from '../../model/elementTypes';
import type { Diagnostic } from '../Diagnostic';
import { createDiagnostic, diagnosticFor } from '../diagnostics';
import type { FlowIndex } from '../flowIndex';

/**
 * Checks a document that the schema would refuse but that can still be read (FLOW018 dangling
 * references, FLOW019 duplicate ids), elements that belong to maps (FLOW023) and references kept
 * for people only (FLOW024: lanes, annotations).
 */
export function checkIntegrity(flow: FlowIndex): Diagnostic[] {
  return [
    ...duplicateIds(flow),
    ...danglingReferences(flow),
    ...mapElements(flow),
    ...peopleReferences(flow),
  ];
}

function duplicateIds(flow: FlowIndex): Diagnostic[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const { elements, connections } = flow.doc.model;
  for (const item of elements) (seen.has(item.id) ? repeated : seen).add(item.id);
  for (const item of connections) (seen.has(item.id) ? repeated : seen).add(item.id);
  if (repeated.size === 0) return [];
  const uses = new Map<string, string[]>([...repeated].map((id) => [id, []]));
  for (const item of elements) uses.get(item.id)?.push(elementTypeInfo[item.type].label);
  for (const item of connections) uses.get(item.id)?.push('path');
  return [...uses].map(([id, kinds]) =>
    diagnosticFor(
      'FLOW019',
      id,
      `Id ${id} is used ${kinds.length} times (${kinds.join(', ').toLowerCase()})`,
    ),
  );
}

function danglingReferences(flow: FlowIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const connection of flow.doc.model.connections) {
    for (const [end, id] of [
      ['source', connection.source],
      ['target', connection.target],
    ] as const) {
      if (flow.position.has(id)) continue;
      diagnostics.push(
        createDiagnostic('FLOW018', connection, `has a ${end} that is not an element: ${id}`),
      );
    }
  }
  for (const id of Object.keys(flow.doc.diagram.shapes)) {
    if (flow.position.has(id)) continue;
    diagnostics.push(
      diagnosticFor('FLOW018', id, `The diagram has a shape for ${id}, which is not an element`),
    );
  }
  const connectionIds = new Set(flow.doc.model.connections.map((connection) => connection.id));
  for (const id of Object.keys(flow.doc.diagram.edges ?? {})) {
    if (connectionIds.has(id)) continue;
    diagnostics.push(
      diagnosticFor('FLOW018', id, `The diagram has a route for ${id}, which is not a path`),
    );
  }
  return diagnostics;
}

function mapElements(flow: FlowIndex): Diagnostic[] {
  return flow.elements
    .filter((element) => element.type === 'service' || element.type === 'eventType')
    .map((element) =>
      createDiagnostic('FLOW023', element, 'belongs in a choreography map, not in a flow'),
    );
}

function peopleReferences(flow: FlowIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const connectionIds = new Set(flow.connections.map((connection) => connection.id));
  for (const element of flow.elements) {
    if (element.lane !== undefined) {
      const lane = flow.elements[flow.position.get(element.lane) ?? -1];
      if (lane?.type !== 'lane') {
        diagnostics.push(
          createDiagnostic(
            'FLOW024',
            element,
            `is drawn in lane ${element.lane}, which is not a lane`,
          ),
        );
      }
    }
    if (element.type === 'annotation' && element.annotates !== undefined) {
      const target = element.annotates;
      if (!flow.position.has(target) && !connectionIds.has(target)) {
        diagnostics.push(
          createDiagnostic('FLOW024', element, `annotates ${target}, which does not exist`),
        );
      }
    }
  }
  return diagnostics;
}
