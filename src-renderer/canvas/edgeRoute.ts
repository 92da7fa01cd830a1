import type { Edge } from '@xyflow/react';
import type { Point } from '../../src-shared/diagram/geometry';
import type { Connection, Element, WorkflowDocument } from '../../src-shared/model/document';
import { nodeGeometry } from './nodeGeometry';

/**
 * A routed connection's edge data: its saved bend points, and where React Flow puts its ends
 * when its elements stand where the document has them. While an element is dragged, the edge
 * bends the route from those ends to where they are now, as the `nodes.move` at the drop will.
 */
export type ConnectionEdgeData = {
  readonly waypoints: readonly Point[];
  readonly ends?: { readonly start: Point; readonly end: Point };
};

/** Where React Flow draws an end: the outer side of the element's handle, at its middle. */
function handlePoint(
  doc: WorkflowDocument,
  element: Element | undefined,
  type: 'source' | 'target',
): Point | undefined {
  if (!element || !Object.hasOwn(doc.diagram.shapes, element.id)) return undefined;
  const shape = doc.diagram.shapes[element.id]!;
  const size =
    shape.width && shape.height ? { width: shape.width, height: shape.height } : undefined;
  const handle = nodeGeometry(element, size).handles.find((candidate) => candidate.type === type);
  if (!handle) return undefined;
  return {
    x: shape.x + handle.x + (type === 'source' ? (handle.width ?? 0) : 0),
    y: shape.y + handle.y + (handle.height ?? 0) / 2,
  };
}

const samePoint = (a: Point | undefined, b: Point | undefined) => a?.x === b?.x && a?.y === b?.y;

/**
 * The `data` of a connection's edge: none without a route; the previous edge's while the route
 * and its ends are the same (so that an unchanged edge stays the same edge).
 */
export function routeData(
  doc: WorkflowDocument,
  connection: Connection,
  elementById: (id: string) => Element | undefined,
  old: Edge | undefined,
): { data?: ConnectionEdgeData } {
  const edges = doc.diagram.edges;
  const route = edges && Object.hasOwn(edges, connection.id) ? edges[connection.id] : undefined;
  if (!route || route.waypoints.length === 0) return {};
  const start = handlePoint(doc, elementById(connection.source), 'source');
  const end = handlePoint(doc, elementById(connection.target), 'target');
  const ends = start && end ? { start, end } : undefined;
  const previous = old?.data as ConnectionEdgeData | undefined;
  if (
    previous?.waypoints === route.waypoints &&
    samePoint(previous.ends?.start, ends?.start) &&
    samePoint(previous.ends?.end, ends?.end)
  ) {
    return { data: previous };
  }
  return { data: ends ? { waypoints: route.waypoints, ends } : { waypoints: route.waypoints } };
}
