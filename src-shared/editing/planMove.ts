import {
  boxContains,
  boxEncloses,
  centreOf,
  containerIndex,
  innermostAt,
  isCollapsed,
  laneAt,
  shapeOf,
  shownBox,
  shownSize,
  snapToBorder,
  subProcessAt,
  type ContainerIndex,
} from '../diagram/containment';
import type { Point } from '../diagram/geometry';
import type { Element, Shape, WorkflowDocument } from '../model/document';
import { canAttach, canHaveLane, canHaveParent } from '../rules/canAttach';
import type { Command, MembershipChange } from './commands';

/** Where an element is (being) dragged to: its shape's new corner. */
export interface Placement {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

type NodesMove = Extract<Command, { type: 'nodes.move' }>;

/** What moves along with `id`: its boundary events, and what a container holds. */
function directDependents(doc: WorkflowDocument, index: ContainerIndex, id: string): string[] {
  const element = index.byId.get(id);
  if (!element) return [];
  const found = [...(index.boundaries.get(id) ?? [])];
  if (element.type === 'subProcess') found.push(...(index.children.get(id) ?? []));
  if (element.type === 'lane') found.push(...(index.laneMembers.get(id) ?? []));
  if (element.type === 'group') {
    // Groups have no members in the model: what lies inside one when the gesture starts.
    const group = shownBox(doc, element);
    for (const other of doc.model.elements) {
      if (!group || other.id === id || other.type === 'lane') continue;
      const box = shownBox(doc, other);
      if (box && boxEncloses(group, box)) found.push(other.id);
    }
  }
  return found;
}

/**
 * Everything that moves along when the elements `ids` move, each with the moved element it follows:
 * the boundary events of a moved activity, the contents of a moved sub-process (at any depth), the
 * members of a moved lane and what lies inside a moved group, and so on through them.
 */
export function dependentsOf(doc: WorkflowDocument, ids: Iterable<string>): Map<string, string> {
  const index = containerIndex(doc);
  const leaders = new Set(ids);
  const followers = new Map<string, string>();
  const queue: [string, string][] = [...leaders].map((id) => [id, id]);
  while (queue.length > 0) {
    const [id, leader] = queue.pop()!;
    for (const dependent of directDependents(doc, index, id)) {
      if (leaders.has(dependent) || followers.has(dependent)) continue;
      followers.set(dependent, leader);
      queue.push([dependent, leader]);
    }
  }
  return followers;
}

/**
 * The activity a boundary event centred at `centre` is over (within `margin` of it), if it may
 * be attached to it. An expanded sub-process counts only near its border: inside it, the event is
 * over its contents, not on it.
 */
export function hostAt(
  doc: WorkflowDocument,
  centre: Point,
  excluded: ReadonlySet<string>,
  margin: number,
): string | undefined {
  const accept = (element: Element, shape: Shape) => {
    if (!canAttach(element)) return false;
    if (element.type !== 'subProcess' || isCollapsed(element, shape)) return true;
    const { width, height } = shownSize(element, shape);
    const inner = {
      x: shape.x + margin,
      y: shape.y + margin,
      width: width - 2 * margin,
      height: height - 2 * margin,
    };
    return inner.width <= 0 || inner.height <= 0 || !boxContains(inner, centre);
  };
  return innermostAt(doc, centre, accept, excluded, margin)?.id;
}

/** How far from an activity a boundary event's centre may be and still be over it. */
export const attachMargin = (size: { width: number; height: number }) =>
  Math.max(size.width, size.height) / 2 + 6;

/** A dragged boundary event: on the border of the activity it is over, else of its own. */
function snapBoundary(
  doc: WorkflowDocument,
  boundary: Element & { type: 'boundaryEvent' },
  at: Placement,
  moving: ReadonlySet<string>,
): { at: Placement; attachedTo?: string } {
  const shape = shapeOf(doc, boundary.id);
  const size = shownSize(boundary, shape);
  const centre = { x: at.x + size.width / 2, y: at.y + size.height / 2 };
  const over = hostAt(doc, centre, moving, attachMargin(size));
  const ownHost = containerIndex(doc).byId.get(boundary.attachedTo);
  const host = over ?? (canAttach(ownHost) ? ownHost?.id : undefined);
  const hostElement = host === undefined ? undefined : containerIndex(doc).byId.get(host);
  const hostBox = hostElement && shownBox(doc, hostElement);
  if (!hostBox) return { at };
  const snapped = { id: at.id, ...snapToBorder(hostBox, size, centre) };
  return host === boundary.attachedTo ? { at: snapped } : { at: snapped, attachedTo: host };
}

/** Where a moved element now belongs, where that changed. */
function membershipOf(
  doc: WorkflowDocument,
  element: Element,
  at: Placement,
  moving: ReadonlySet<string>,
): MembershipChange | undefined {
  const centre = centreOf({ ...at, ...shownSize(element, shapeOf(doc, element.id)) });
  const change: { id: string; parent?: string | null; lane?: string | null } = { id: element.id };
  if (canHaveParent(element) && !(element.parent !== undefined && moving.has(element.parent))) {
    const parent = subProcessAt(doc, centre, moving);
    if (parent !== element.parent) change.parent = parent ?? null;
  }
  if (canHaveLane(element) && !(element.lane !== undefined && moving.has(element.lane))) {
    const lane = laneAt(doc, centre, moving);
    if (lane !== element.lane) change.lane = lane ?? null;
  }
  return 'parent' in change || 'lane' in change ? change : undefined;
}

/**
 * The one `nodes.move` a drag becomes, from where the dragged elements are (the drag's preview):
 * what depends on them moves by the same amount, a dragged boundary event snaps onto the border
 * of the activity it is over (re-attaching to it) or back onto its own; with `memberships`, where
 * each moved element now lies decides its sub-process and lane (the innermost container wins).
 * The same plan drives the canvas's live preview (without memberships) and the command at the end.
 */
export function planMove(
  doc: WorkflowDocument,
  dragged: readonly Placement[],
  options: { readonly memberships?: boolean } = {},
): NodesMove {
  const { byId } = containerIndex(doc);
  const placed = new Map(dragged.map((at) => [at.id, at]));
  const followers = dependentsOf(doc, placed.keys());
  const moving = new Set([...placed.keys(), ...followers.keys()]);
  const memberships: MembershipChange[] = [];
  for (const [id, at] of placed) {
    const element = byId.get(id);
    if (element?.type !== 'boundaryEvent' || moving.has(element.attachedTo)) continue;
    const snapped = snapBoundary(doc, element, at, moving);
    placed.set(id, snapped.at);
    if (snapped.attachedTo) memberships.push({ id, attachedTo: snapped.attachedTo });
  }
  for (const [id, leader] of followers) {
    const from = shapeOf(doc, leader);
    const to = placed.get(leader);
    const shape = shapeOf(doc, id);
    if (!from || !to || !shape) continue;
    placed.set(id, { id, x: shape.x + to.x - from.x, y: shape.y + to.y - from.y });
  }
  if (options.memberships) {
    for (const at of placed.values()) {
      const element = byId.get(at.id);
      const change = element && membershipOf(doc, element, at, moving);
      if (change) memberships.push(change);
    }
  }
  const moves = [...placed.values()];
  return memberships.length > 0
    ? { type: 'nodes.move', moves, memberships }
    : { type: 'nodes.move', moves };
}
