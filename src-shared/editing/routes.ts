import { BatonError } from '../contract/errors';
import {
  connectionEnds,
  followEnds,
  routeEntersBoxes,
  simplifyWaypoints,
} from '../diagram/connectionPath';
import { elementSize } from '../diagram/elementSize';
import type { Box, Point } from '../diagram/geometry';
import { EdgeRoute, type Element, type WorkflowDocument } from '../model/document';

/** Routes to set, by connection id: waypoints, or `null` to clear a route (drawn the default way). */
export type RouteChanges = Readonly<Record<string, readonly Point[] | null>>;

type Edges = NonNullable<WorkflowDocument['diagram']['edges']>;

/** A connection's saved waypoints, or none. */
export function waypointsOf(doc: WorkflowDocument, id: string): readonly Point[] {
  const edges = doc.diagram.edges;
  return (edges && Object.hasOwn(edges, id) ? edges[id]?.waypoints : undefined) ?? [];
}

/** The diagram with these routes; without `edges` at all when none is left. */
function diagramWith(doc: WorkflowDocument, edges: Edges): WorkflowDocument['diagram'] {
  const { edges: _dropped, ...rest } = doc.diagram;
  return Object.keys(edges).length > 0 ? { ...rest, edges } : rest;
}

/**
 * Sets or clears the routes of connections. An empty list of waypoints clears too. Refuses a
 * route for something that is not a connection, or waypoints the format cannot hold.
 */
export function setRoutes(doc: WorkflowDocument, routes: RouteChanges): WorkflowDocument {
  const connections = new Set(doc.model.connections.map((connection) => connection.id));
  const edges: Record<string, EdgeRoute> = { ...doc.diagram.edges };
  let changed = false;
  for (const [id, waypoints] of Object.entries(routes)) {
    if (!connections.has(id)) throw new BatonError('conflict', `no connection "${id}"`);
    if (!waypoints || waypoints.length === 0) {
      if (Object.hasOwn(edges, id)) {
        delete edges[id];
        changed = true;
      }
      continue;
    }
    const checked = EdgeRoute.safeParse({ waypoints: waypoints.map(({ x, y }) => ({ x, y })) });
    if (!checked.success) {
      throw new BatonError(
        'conflict',
        `the route of "${id}" is not valid: ${checked.error.message}`,
      );
    }
    if (JSON.stringify(edges[id]) === JSON.stringify(checked.data)) continue;
    edges[id] = checked.data;
    changed = true;
  }
  return changed ? { ...doc, diagram: diagramWith(doc, edges) } : doc;
}

/** The document without the routes of connections it no longer has (after a delete). */
export function withoutStrayRoutes(doc: WorkflowDocument): WorkflowDocument {
  const edges = doc.diagram.edges;
  if (!edges) return doc;
  const ids = new Set(doc.model.connections.map((connection) => connection.id));
  const kept = Object.entries(edges).filter(([id]) => ids.has(id));
  if (kept.length === Object.keys(edges).length) return doc;
  return { ...doc, diagram: diagramWith(doc, Object.fromEntries(kept)) };
}

/** Each element's drawn box, looked up by id. */
function boxFinder(doc: WorkflowDocument) {
  const elements = new Map<string, Element>(doc.model.elements.map((item) => [item.id, item]));
  return (id: string): Box | undefined => {
    const element = elements.get(id);
    if (!element || !Object.hasOwn(doc.diagram.shapes, id)) return undefined;
    const shape = doc.diagram.shapes[id]!;
    return { x: shape.x, y: shape.y, ...elementSize(element.type, shape) };
  };
}

/**
 * The routes after elements moved (`before` → `after`, which differ only in shapes): a route whose
 * two ends moved alike moves along; one whose end moved bends there to keep leaving and entering
 * horizontally, and is dropped when a bend would then sit inside one of its own elements.
 */
export function routesAfterMove(
  before: WorkflowDocument,
  after: WorkflowDocument,
  moved: ReadonlySet<string>,
): WorkflowDocument['diagram'] {
  const edges = after.diagram.edges;
  if (!edges) return after.diagram;
  const boxBefore = boxFinder(before);
  const boxAfter = boxFinder(after);
  const next: Record<string, EdgeRoute> = { ...edges };
  let changed = false;
  for (const connection of after.model.connections) {
    if (!moved.has(connection.source) && !moved.has(connection.target)) continue;
    if (!Object.hasOwn(edges, connection.id)) continue;
    const [sourceBefore, targetBefore] = [
      boxBefore(connection.source),
      boxBefore(connection.target),
    ];
    const [source, target] = [boxAfter(connection.source), boxAfter(connection.target)];
    if (!sourceBefore || !targetBefore || !source || !target) continue;
    const ends = connectionEnds(source, target);
    const followed = simplifyWaypoints(
      ends.start,
      followEnds(edges[connection.id]!.waypoints, connectionEnds(sourceBefore, targetBefore), ends),
      ends.end,
    );
    if (followed.length === 0 || routeEntersBoxes(followed, [source, target])) {
      delete next[connection.id];
      changed = true;
    } else if (JSON.stringify(followed) !== JSON.stringify(edges[connection.id]!.waypoints)) {
      next[connection.id] = { waypoints: followed };
      changed = true;
    }
  }
  return changed ? diagramWith(after, next) : after.diagram;
}
