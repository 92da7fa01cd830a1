import type { Edge, Node } from '@xyflow/react';
import type { Element, WorkflowDocument } from '../../src-shared/model/document';

export type ElementNodeData = { element: Element; size?: { width: number; height: number } };

/** Containers are drawn behind what they contain. */
const behind = new Set<Element['type']>(['lane', 'group', 'subProcess']);
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
  return doc.model.elements.map((element) => {
    const shape = Object.hasOwn(doc.diagram.shapes, element.id)
      ? doc.diagram.shapes[element.id]
      : undefined;
    const size =
      shape?.width && shape.height ? { width: shape.width, height: shape.height } : undefined;
    return {
      id: element.id,
      type: 'element',
      position: shape ? { x: shape.x, y: shape.y } : { x: 0, y: 0 },
      data: size ? { element, size } : { element },
      ...(behind.has(element.type) ? { zIndex: -1 } : {}),
      selected: selected.has(element.id),
      ariaLabel: `${element.name} (${element.type})`,
    };
  });
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
