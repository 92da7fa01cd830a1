import type { Box, Point } from './geometry';

/**
 * The geometry of a connection's route: where it leaves and enters its elements, how its saved
 * bend points (waypoints) follow when an element moves, and the edits a person makes to them.
 * Pure: points in, points out. The canvas, the commands, the layout and the export share it.
 */

/** How far a route runs straight out of its source, or into its target, before it turns. */
export const ROUTE_STUB = 20;

/** Coordinates closer than this are the same line (a segment this far off axis is straight). */
const ALIGNED = 0.5;

/** Where a connection leaves its source (the middle of the right side) and enters its target. */
export function connectionEnds(source: Box, target: Box): { start: Point; end: Point } {
  return {
    start: { x: source.x + source.width, y: source.y + source.height / 2 },
    end: { x: target.x, y: target.y + target.height / 2 },
  };
}

const horizontal = (a: Point, b: Point) => Math.abs(a.y - b.y) < ALIGNED;
const vertical = (a: Point, b: Point) => Math.abs(a.x - b.x) < ALIGNED;
const same = (a: Point, b: Point) => horizontal(a, b) && vertical(a, b);

/** Whether `middle` lies on the straight line from `a` to `b`, between them. */
function between(a: Point, middle: Point, b: Point): boolean {
  const cross = (middle.x - a.x) * (b.y - a.y) - (middle.y - a.y) * (b.x - a.x);
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  if (length === 0 || Math.abs(cross) / length >= ALIGNED) return false;
  const dot = (middle.x - a.x) * (b.x - a.x) + (middle.y - a.y) * (b.y - a.y);
  return dot >= 0 && dot <= length * length;
}

/**
 * The path without repeated points and without bends that do not turn (a point in the middle of a
 * straight run). The first and last points are kept.
 */
export function simplifyPath(points: readonly Point[]): Point[] {
  const kept: Point[] = [];
  for (const point of points) {
    const last = kept.at(-1);
    if (last && same(last, point)) continue;
    const beforeLast = kept.at(-2);
    if (beforeLast && last && between(beforeLast, last, point)) kept.pop();
    kept.push(point);
  }
  return kept;
}

/** The waypoints of a simplified path from `start` through `waypoints` to `end`. */
export function simplifyWaypoints(start: Point, waypoints: readonly Point[], end: Point): Point[] {
  return simplifyPath([start, ...waypoints, end]).slice(1, -1);
}

/**
 * Bends the first waypoint so that the route leaves `start` horizontally (out of the right side):
 * a vertical segment after it keeps its line and only its end moves to `start`'s height; a
 * horizontal one gets a corner first. A route with a slanted first leg is left as drawn.
 */
function leaveHorizontally(start: Point, waypoints: readonly Point[], end: Point): Point[] {
  const [first, ...rest] = waypoints;
  if (!first || horizontal(start, first)) return [...waypoints];
  const next = rest[0] ?? end;
  if (vertical(first, next)) return [{ x: first.x, y: start.y }, ...rest];
  if (horizontal(first, next)) {
    if (first.x > start.x) return [{ x: first.x, y: start.y }, first, ...rest];
    // The bend lies behind the start (a route that leaves from below): turn after a short stub.
    const x = start.x + ROUTE_STUB;
    return [{ x, y: start.y }, { x, y: first.y }, ...(next.x > x ? [] : [first]), ...rest];
  }
  return [...waypoints];
}

const mirrored = (point: Point): Point => ({ x: -point.x, y: point.y });

/** The same as {@link leaveHorizontally} at the other end: the route enters `end` horizontally. */
function enterHorizontally(start: Point, waypoints: readonly Point[], end: Point): Point[] {
  // Run backwards and mirrored, entering the target's left side is leaving a right side.
  const reversed = [...waypoints].reverse().map(mirrored);
  return leaveHorizontally(mirrored(end), reversed, mirrored(start)).map(mirrored).reverse();
}

/**
 * The waypoints bent, where they can be without changing their course, so that the route leaves
 * its source and enters its target horizontally, as connections on the canvas do. Used for the
 * routes a layout computes (which may leave a node at another height than its middle) and when an
 * element at one end of a routed connection moves.
 */
export function fitRouteToEnds(
  start: Point,
  waypoints: readonly Point[],
  end: Point,
  sides: { readonly source: boolean; readonly target: boolean } = { source: true, target: true },
): Point[] {
  let fitted = [...waypoints];
  if (sides.source) fitted = leaveHorizontally(start, fitted, end);
  if (sides.target) fitted = enterHorizontally(start, fitted, end);
  return simplifyWaypoints(start, fitted, end);
}

/**
 * Where a route's waypoints go when its elements move from `before` to `after` (their ends): moved
 * along when both ends moved alike, else bent at the end that moved so that it still leaves or
 * enters horizontally.
 */
export function followEnds(
  waypoints: readonly Point[],
  before: { readonly start: Point; readonly end: Point },
  after: { readonly start: Point; readonly end: Point },
): Point[] {
  const source = { x: after.start.x - before.start.x, y: after.start.y - before.start.y };
  const target = { x: after.end.x - before.end.x, y: after.end.y - before.end.y };
  if (source.x === target.x && source.y === target.y) {
    return waypoints.map((point) => ({ x: point.x + source.x, y: point.y + source.y }));
  }
  return fitRouteToEnds(after.start, waypoints, after.end, {
    source: source.x !== 0 || source.y !== 0,
    target: target.x !== 0 || target.y !== 0,
  });
}

/** Whether a waypoint lies inside either box (a route that would run through its own elements). */
export function routeEntersBoxes(waypoints: readonly Point[], boxes: readonly Box[]): boolean {
  return waypoints.some((point) =>
    boxes.some(
      (box) =>
        point.x > box.x + 1 &&
        point.x < box.x + box.width - 1 &&
        point.y > box.y + 1 &&
        point.y < box.y + box.height - 1,
    ),
  );
}

/** The middle of each segment of a path, where a drag adds a bend. */
export function segmentMidpoints(points: readonly Point[]): Point[] {
  return points.slice(1).map((point, index) => {
    const previous = points[index] ?? point;
    return { x: (previous.x + point.x) / 2, y: (previous.y + point.y) / 2 };
  });
}

/** How close (in diagram units) a dragged bend comes to a neighbour's line before it snaps to it. */
export const SNAP_DISTANCE = 8;

/**
 * A dragged bend lined up with its neighbours when it is close to their lines, so that a person
 * easily draws straight horizontal and vertical segments.
 */
export function snapBend(point: Point, neighbours: readonly Point[]): Point {
  let { x, y } = point;
  let bestX = SNAP_DISTANCE;
  let bestY = SNAP_DISTANCE;
  for (const neighbour of neighbours) {
    const dx = Math.abs(neighbour.x - point.x);
    const dy = Math.abs(neighbour.y - point.y);
    if (dx < bestX) [bestX, x] = [dx, neighbour.x];
    if (dy < bestY) [bestY, y] = [dy, neighbour.y];
  }
  return { x: Math.round(x), y: Math.round(y) };
}

/**
 * The waypoints with a bend added in segment `segment` of the path (segment 0 runs from the start
 * to the first waypoint), at `point`, lined up with its neighbours when close.
 */
export function insertBend(
  start: Point,
  waypoints: readonly Point[],
  end: Point,
  segment: number,
  point: Point,
): Point[] {
  const path = [start, ...waypoints, end];
  const at = Math.min(Math.max(segment, 0), waypoints.length);
  const neighbours = [path[at], path[at + 1]].filter((item): item is Point => item !== undefined);
  return [...waypoints.slice(0, at), snapBend(point, neighbours), ...waypoints.slice(at)];
}

/** The waypoints with bend `index` moved to `point`, lined up with its neighbours when close. */
export function moveBend(
  start: Point,
  waypoints: readonly Point[],
  end: Point,
  index: number,
  point: Point,
): Point[] {
  const path = [start, ...waypoints, end];
  const neighbours = [path[index], path[index + 2]].filter(
    (item): item is Point => item !== undefined,
  );
  return waypoints.map((bend, at) => (at === index ? snapBend(point, neighbours) : bend));
}

/** The waypoints without bend `index`. */
export function removeBend(waypoints: readonly Point[], index: number): Point[] {
  return waypoints.filter((_, at) => at !== index);
}

/**
 * The bends a connection without waypoints is drawn with, so that adding a bend keeps its shape:
 * a step halfway when the target lies ahead, none otherwise (the canvas draws that case its own
 * way round, which a first bend replaces).
 */
export function impliedWaypoints(start: Point, end: Point): Point[] {
  if (end.x <= start.x || horizontal(start, end)) return [];
  const middle = (start.x + end.x) / 2;
  return [
    { x: middle, y: start.y },
    { x: middle, y: end.y },
  ];
}

/**
 * The waypoints after segment `segment` of the path is dragged to `point`, as in BPMN editors: a
 * horizontal or vertical segment between two bends moves across its own direction, keeping the
 * route square; a horizontal one that leaves or enters an element moves up or down too, with a
 * short step out of that element's side (so a straight connection dragged down goes round below);
 * any other (a slanted one) gets a new bend where it is dragged.
 */
export function dragSegment(
  start: Point,
  waypoints: readonly Point[],
  end: Point,
  segment: number,
  point: Point,
): Point[] {
  const path = [start, ...waypoints, end];
  const from = path[segment];
  const to = path[segment + 1];
  if (!from || !to) return [...waypoints];
  const touchesStart = segment === 0;
  const touchesEnd = segment === waypoints.length;
  if (vertical(from, to) && !touchesStart && !touchesEnd) {
    const x = Math.round(point.x);
    return waypoints.map((bend, at) =>
      at === segment - 1 || at === segment ? { x, y: bend.y } : bend,
    );
  }
  const backwards = (touchesStart || touchesEnd) && to.x <= from.x;
  if (!horizontal(from, to) || backwards) {
    return insertBend(start, waypoints, end, segment, point);
  }
  const y = Math.round(point.y);
  // The segment's own bends move to the new height; where it touches an element, a step is added.
  const step = Math.round(Math.min(ROUTE_STUB, (to.x - from.x) / 3));
  const moved = waypoints.map((bend, at) =>
    at === segment - 1 || at === segment ? { x: bend.x, y } : bend,
  );
  const before = touchesStart
    ? [
        { x: start.x + step, y: start.y },
        { x: start.x + step, y },
      ]
    : [];
  const after = touchesEnd
    ? [
        { x: end.x - step, y },
        { x: end.x - step, y: end.y },
      ]
    : [];
  return [...moved.slice(0, segment), ...before, ...after, ...moved.slice(segment)];
}
