import type { Edge, Node } from '@xyflow/react';
import {
  COLLAPSED_SIZE,
  hiddenElements,
  isCollapsed,
  sitsOnTop,
} from '../../src-shared/diagram/containment';
import type { Element, WorkflowDocument } from '../../src-shared/model/document';
import { zIndexOf } from './containerFlow';
import { routeData } from './edgeRoute';
import { nodeGeometry } from './nodeGeometry';

export type ElementNodeData = {
  element: Element;
  size?: { width: number; height: number };
  /** A sub-process drawn collapsed (`size` is then a task's). */
  collapsed?: true;
  /** A boundary event on the top of its activity: its caption goes above it. */
  captionAbove?: true;
};
export type ElementFlowNode = Node<ElementNodeData, 'element'>;

/**
 * What React Flow adds to a node or edge of ours (and the handles a node has until it is measured):
 * these may differ without the item changing.
 */
const addedByReactFlow = new Set([
  'measured',
  'dragging',
  'resizing',
  'width',
  'height',
  'handles',
]);

/**
 * Whether `next` says nothing that `previous` does not: then `previous` is kept, so that React
 * Flow neither adopts nor draws again an element that did not change, on a large diagram.
 */
function unchanged<T extends object>(previous: T, next: T): boolean {
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  for (const key of Object.keys(before)) {
    if (!(key in after) && !addedByReactFlow.has(key)) return false;
  }
  return Object.keys(after).every((key) => before[key] === after[key]);
}

const sameSize = (a?: ElementNodeData['size'], b?: ElementNodeData['size']) =>
  a === b || (a?.width === b?.width && a?.height === b?.height);

/**
 * The React Flow nodes for a document. Selection is the canvas's own state, carried over from the
 * previous nodes so that a document change does not drop it. A node whose element, shape and
 * selection did not change is the previous node itself, with what React Flow measured of it.
 */
export function toNodes(
  doc: WorkflowDocument,
  previous: readonly ElementFlowNode[],
): ElementFlowNode[] {
  const before = new Map(previous.map((node) => [node.id, node]));
  const hidden = hiddenElements(doc);
  return doc.model.elements.map((element) => {
    const shape = Object.hasOwn(doc.diagram.shapes, element.id)
      ? doc.diagram.shapes[element.id]
      : undefined;
    const collapsed = isCollapsed(element, shape);
    const size = collapsed
      ? COLLAPSED_SIZE
      : shape?.width && shape.height
        ? { width: shape.width, height: shape.height }
        : undefined;
    const captionAbove = sitsOnTop(doc, element);
    const old = before.get(element.id);
    const oldPosition = old?.position;
    const x = shape?.x ?? 0;
    const y = shape?.y ?? 0;
    const node: ElementFlowNode = {
      id: element.id,
      type: 'element',
      position: oldPosition?.x === x && oldPosition.y === y ? oldPosition : { x, y },
      data:
        old?.data.element === element &&
        sameSize(old.data.size, size) &&
        Boolean(old.data.collapsed) === collapsed &&
        Boolean(old.data.captionAbove) === captionAbove
          ? old.data
          : {
              element,
              ...(size ? { size } : {}),
              ...(collapsed ? { collapsed } : {}),
              ...(captionAbove ? { captionAbove } : {}),
            },
      // Containers are drawn behind what they contain.
      ...zIndexOf(doc, element),
      ...(hidden.has(element.id) ? { hidden: true } : {}),
      // What a collapsed sub-process hides cannot stay selected (a Delete would take it unseen).
      selected: (old?.selected ?? false) && !hidden.has(element.id),
      ariaLabel: `${element.name} (${element.type})`,
      // A node React Flow has measured keeps its measurements (and handles); a new one is given
      // its own, so that it is drawn only when in view.
      ...(old?.measured ? { measured: old.measured } : nodeGeometry(element, size)),
    };
    return old && unchanged(old, node) ? old : node;
  });
}

/** How every connection ends: one object, so that an unchanged edge stays the same edge. */
const arrow = { type: 'arrowclosed' as const, width: 18, height: 18 };

export function toEdges(doc: WorkflowDocument, previous: readonly Edge[]): Edge[] {
  const before = new Map(previous.map((edge) => [edge.id, edge]));
  const lookup = (id: string) => elementById(doc, id);
  return doc.model.connections.map((connection) => {
    const old = before.get(connection.id);
    const label = edgeLabel(doc, connection);
    const edge: Edge = {
      id: connection.id,
      source: connection.source,
      target: connection.target,
      type: 'smoothstep',
      selected: old?.selected ?? false,
      markerEnd: arrow,
      ...(label ? { label, className: 'edge-labelled' } : {}),
      ...routeData(doc, connection, lookup, old),
    };
    return old && unchanged(old, edge) ? old : edge;
  });
}

const indexes = new WeakMap<readonly Element[], ReadonlyMap<string, Element>>();

/** An element by its id, through an index made once per list of elements (not a search per edge). */
function elementById(doc: WorkflowDocument, id: string): Element | undefined {
  let index = indexes.get(doc.model.elements);
  if (!index) {
    index = new Map(doc.model.elements.map((element) => [element.id, element]));
    indexes.set(doc.model.elements, index);
  }
  return index.get(id);
}

/** The longest condition shown on the canvas; the properties panel shows all of it. */
const LABEL_LENGTH = 32;

/**
 * What a connection says on the canvas: its name, else the decision that takes it, else its
 * condition (shortened), and "default" for a gateway's default path.
 */
export function edgeLabel(
  doc: WorkflowDocument,
  connection: WorkflowDocument['model']['connections'][number],
): string | undefined {
  if (connection.name) return connection.name;
  if (connection.outcome) return connection.outcome;
  if (connection.condition) {
    const text = connection.condition.replace(/\s+/g, ' ').trim();
    return text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH - 1)}…` : text;
  }
  const source = elementById(doc, connection.source);
  if (source?.type === 'exclusiveGateway' && source.default === connection.id) return 'default';
  return undefined;
}
