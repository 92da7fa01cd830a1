import type { Edge, Node } from '@xyflow/react';
import type { Element, WorkflowDocument } from '../../src-shared/model/document';

export type ElementNodeData = { element: Element };
export type ElementFlowNode = Node<ElementNodeData, 'element'>;

/**
 * The React Flow nodes for a document. Selection is the canvas's own state, carried over from the
 * previous nodes so that a document change does not drop it.
 */
export function toNodes(
  doc: WorkflowDocument,
  previous: readonly ElementFlowNode[],
): ElementFlowNode[] {
  const selected = new Set(previous.filter((node) => node.selected).map((node) => node.id));
  return doc.model.elements.map((element) => ({
    id: element.id,
    type: 'element',
    position: doc.diagram.shapes[element.id] ?? { x: 0, y: 0 },
    data: { element },
    selected: selected.has(element.id),
    ariaLabel: `${element.name} (${element.type})`,
  }));
}

export function toEdges(doc: WorkflowDocument, previous: readonly Edge[]): Edge[] {
  const selected = new Set(previous.filter((edge) => edge.selected).map((edge) => edge.id));
  return doc.model.connections.map((connection) => ({
    id: connection.id,
    source: connection.source,
    target: connection.target,
    type: 'smoothstep',
    selected: selected.has(connection.id),
    markerEnd: { type: 'arrowclosed' as const, width: 18, height: 18 },
  }));
}
