import type { Element, Shape, WorkflowDocument } from '../model/document';
import { elementTypeInfo } from '../model/elementTypes';
import { elementSize, type Size } from './elementSize';
import type { Box, Point } from './geometry';

/** The size a collapsed sub-process is drawn at: a task's. */
export const COLLAPSED_SIZE: Size = elementTypeInfo.serviceTask.size;

/** An element's shape, if the diagram has one (an own key: `__proto__` is never a shape). */
export function shapeOf(doc: WorkflowDocument, id: string): Shape | undefined {
  return Object.hasOwn(doc.diagram.shapes, id) ? doc.diagram.shapes[id] : undefined;
}

/** Is this the shape of a sub-process drawn collapsed? */
export function isCollapsed(element: Element, shape: Shape | undefined): boolean {
  return element.type === 'subProcess' && shape?.collapsed === true;
}

/**
 * The size an element is drawn at: a collapsed sub-process at a task's size (its shape keeps the
 * expanded size), anything else as `elementSize` says.
 */
export function shownSize(element: Element, shape: Shape | undefined): Size {
  return isCollapsed(element, shape) ? COLLAPSED_SIZE : elementSize(element.type, shape);
}

/** The box an element is drawn in, or `undefined` when the diagram has no shape for it. */
export function shownBox(doc: WorkflowDocument, element: Element): Box | undefined {
  const shape = shapeOf(doc, element.id);
  return shape ? { x: shape.x, y: shape.y, ...shownSize(element, shape) } : undefined;
}

export const centreOf = (box: Box): Point => ({
  x: box.x + box.width / 2,
  y: box.y + box.height / 2,
});

/** Does `box`, grown by `margin` on every side, hold `point`? */
export function boxContains(box: Box, point: Point, margin = 0): boolean {
  return (
    point.x >= box.x - margin &&
    point.x <= box.x + box.width + margin &&
    point.y >= box.y - margin &&
    point.y <= box.y + box.height + margin
  );
}

/** Does `outer` hold all of `inner`? */
export function boxEncloses(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The point of `box`'s border nearest to `point`, from inside or outside. */
export function nearestBorderPoint(box: Box, point: Point): Point {
  const right = box.x + box.width;
  const bottom = box.y + box.height;
  const x = clamp(point.x, box.x, right);
  const y = clamp(point.y, box.y, bottom);
  if (x !== point.x || y !== point.y) return { x, y };
  // Inside: out through the nearest side.
  const sides = [
    { distance: point.x - box.x, at: { x: box.x, y } },
    { distance: right - point.x, at: { x: right, y } },
    { distance: point.y - box.y, at: { x, y: box.y } },
    { distance: bottom - point.y, at: { x, y: bottom } },
  ];
  let nearest = sides[0]!;
  for (const side of sides) if (side.distance < nearest.distance) nearest = side;
  return nearest.at;
}

/**
 * Where a boundary event of `size` goes (its shape's corner, whole units) so that its centre lies
 * on `host`'s border at the point nearest to `centre`.
 */
export function snapToBorder(host: Box, size: Size, centre: Point): Point {
  const at = nearestBorderPoint(host, centre);
  return { x: Math.round(at.x - size.width / 2), y: Math.round(at.y - size.height / 2) };
}

/**
 * Where a boundary event goes when its activity's box changes from `before` to `after` (a resize,
 * a collapse): to the same relative place along the border, snapped onto the new border.
 */
export function followBorder(before: Box, after: Box, boundary: Box): Point {
  const centre = centreOf(boundary);
  const fx = before.width > 0 ? (centre.x - before.x) / before.width : 0.5;
  const fy = before.height > 0 ? (centre.y - before.y) / before.height : 0.5;
  const moved = { x: after.x + fx * after.width, y: after.y + fy * after.height };
  return snapToBorder(after, boundary, moved);
}

/** How elements hang together: who is inside which sub-process, which events sit on which task. */
export interface ContainerIndex {
  readonly byId: ReadonlyMap<string, Element>;
  readonly children: ReadonlyMap<string, readonly string[]>;
  readonly boundaries: ReadonlyMap<string, readonly string[]>;
  readonly laneMembers: ReadonlyMap<string, readonly string[]>;
}

const indexes = new WeakMap<readonly Element[], ContainerIndex>();

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The document's containment, made once per list of elements. */
export function containerIndex(doc: WorkflowDocument): ContainerIndex {
  const cached = indexes.get(doc.model.elements);
  if (cached) return cached;
  const byId = new Map<string, Element>();
  const children = new Map<string, string[]>();
  const boundaries = new Map<string, string[]>();
  const laneMembers = new Map<string, string[]>();
  for (const element of doc.model.elements) {
    byId.set(element.id, element);
    if (element.type === 'boundaryEvent') push(boundaries, element.attachedTo, element.id);
    if (element.parent !== undefined) push(children, element.parent, element.id);
    if (element.lane !== undefined) push(laneMembers, element.lane, element.id);
  }
  const index = { byId, children, boundaries, laneMembers };
  indexes.set(doc.model.elements, index);
  return index;
}

/**
 * Does a boundary event sit on the top border of its activity? Its caption then goes above it,
 * where it does not cover the activity's name.
 */
export function sitsOnTop(doc: WorkflowDocument, element: Element): boolean {
  if (element.type !== 'boundaryEvent' || element.attachedTo === element.id) return false;
  const host = containerIndex(doc).byId.get(element.attachedTo);
  const hostBox = host && shownBox(doc, host);
  const box = shownBox(doc, element);
  return Boolean(hostBox && box && Math.abs(centreOf(box).y - hostBox.y) <= 1);
}

const NOTHING_HIDDEN: ReadonlySet<string> = new Set();
const hiddenCache = new WeakMap<WorkflowDocument, ReadonlySet<string>>();

/**
 * The elements not drawn because a collapsed sub-process holds them: its contents, at any depth,
 * and the boundary events on them. (Connections touching them are hidden with them.)
 */
export function hiddenElements(doc: WorkflowDocument): ReadonlySet<string> {
  const cached = hiddenCache.get(doc);
  if (cached) return cached;
  const collapsed = doc.model.elements.filter((element) =>
    isCollapsed(element, shapeOf(doc, element.id)),
  );
  let hidden = NOTHING_HIDDEN;
  if (collapsed.length > 0) {
    const { children, boundaries } = containerIndex(doc);
    const found = new Set<string>();
    const queue = collapsed.flatMap((element) => children.get(element.id) ?? []);
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (found.has(id)) continue;
      found.add(id);
      queue.push(...(children.get(id) ?? []), ...(boundaries.get(id) ?? []));
    }
    hidden = found;
  }
  hiddenCache.set(doc, hidden);
  return hidden;
}

/**
 * The smallest drawn element that `accept`s and whose box (grown by `margin`) holds `point`,
 * leaving out `excluded` ones and those hidden in a collapsed sub-process: the innermost container
 * wins, and a task wins over the sub-process it lies in.
 */
export function innermostAt(
  doc: WorkflowDocument,
  point: Point,
  accept: (element: Element, shape: Shape) => boolean,
  excluded: ReadonlySet<string> = NOTHING_HIDDEN,
  margin = 0,
): Element | undefined {
  const hidden = hiddenElements(doc);
  let best: Element | undefined;
  let bestArea = Infinity;
  for (const element of doc.model.elements) {
    if (excluded.has(element.id) || hidden.has(element.id)) continue;
    const shape = shapeOf(doc, element.id);
    if (!shape || !accept(element, shape)) continue;
    const box = { x: shape.x, y: shape.y, ...shownSize(element, shape) };
    if (!boxContains(box, point, margin)) continue;
    const area = box.width * box.height;
    if (area < bestArea) {
      best = element;
      bestArea = area;
    }
  }
  return best;
}

/** The innermost expanded sub-process at `point`: where an element dropped there belongs. */
export function subProcessAt(
  doc: WorkflowDocument,
  point: Point,
  excluded?: ReadonlySet<string>,
): string | undefined {
  return innermostAt(
    doc,
    point,
    (element, shape) => element.type === 'subProcess' && !isCollapsed(element, shape),
    excluded,
  )?.id;
}

/** The lane at `point`. */
export function laneAt(
  doc: WorkflowDocument,
  point: Point,
  excluded?: ReadonlySet<string>,
): string | undefined {
  return innermostAt(doc, point, (element) => element.type === 'lane', excluded)?.id;
}

/** Room kept between a sub-process's border and what it holds. */
const CONTENT_MARGIN = 10;

/**
 * The box a sub-process must keep enclosing: around its drawn contents (and their boundary
 * events and captions' room), with a margin; `undefined` when it holds nothing drawn.
 */
export function contentBounds(doc: WorkflowDocument, id: string): Box | undefined {
  const { byId, children, boundaries } = containerIndex(doc);
  const boxes: Box[] = [];
  for (const child of children.get(id) ?? []) {
    for (const member of [child, ...(boundaries.get(child) ?? [])]) {
      const element = byId.get(member);
      const box = element && shownBox(doc, element);
      if (box) boxes.push(box);
    }
  }
  if (boxes.length === 0) return undefined;
  const minX = Math.min(...boxes.map((box) => box.x)) - CONTENT_MARGIN;
  const minY = Math.min(...boxes.map((box) => box.y)) - CONTENT_MARGIN;
  const maxX = Math.max(...boxes.map((box) => box.x + box.width)) + CONTENT_MARGIN;
  const maxY = Math.max(...boxes.map((box) => box.y + box.height)) + CONTENT_MARGIN;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** May container `id` take `box`? A sub-process may not be made smaller than its contents. */
export function canResizeTo(doc: WorkflowDocument, id: string, box: Box): boolean {
  const contents =
    containerIndex(doc).byId.get(id)?.type === 'subProcess' && contentBounds(doc, id);
  return !contents || boxEncloses(box, contents);
}
