import type { ElkNode } from 'elkjs/lib/elk-api';
import { connectionEnds, fitRouteToEnds } from '../../src-shared/diagram/connectionPath';
import type { Point } from '../../src-shared/diagram/geometry';
import type { RouteChanges } from '../../src-shared/editing/routes';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { Box } from './geometry';

/** ELK's path of each edge, start to end with its bends, by edge id (in the root's coordinates). */
export function readElkPaths(root: ElkNode): Map<string, Point[]> {
  const paths = new Map<string, Point[]>();
  const visit = (node: ElkNode) => {
    for (const edge of node.edges ?? []) {
      const section = edge.sections?.[0];
      if (!section) continue;
      paths.set(edge.id, [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]);
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return paths;
}

/**
 * The routes ELK found for the connections between laid-out elements, moved by `shift` (where the
 * layout is anchored) and bent to leave and enter the elements where the canvas draws their ends.
 * A connection ELK draws without a bend gets no route (`null`): the canvas draws it the same way.
 */
export function routesFromElk(
  doc: WorkflowDocument,
  paths: ReadonlyMap<string, readonly Point[]>,
  boxesAfter: ReadonlyMap<string, Box>,
  shift: Point,
): RouteChanges {
  const routes: Record<string, Point[] | null> = {};
  for (const connection of doc.model.connections) {
    const path = paths.get(connection.id);
    const source = boxesAfter.get(connection.source);
    const target = boxesAfter.get(connection.target);
    if (!path || !source || !target) continue;
    const bends = path.slice(1, -1).map((point) => ({
      x: Math.round(point.x + shift.x),
      y: Math.round(point.y + shift.y),
    }));
    const { start, end } = connectionEnds(source, target);
    const waypoints = fitRouteToEnds(start, bends, end);
    routes[connection.id] = waypoints.length > 0 ? waypoints : null;
  }
  return routes;
}
