import { BatonError } from '../contract/errors';
import {
  canResizeTo,
  centreOf,
  containerIndex,
  followBorder,
  laneAt,
  shapeOf,
  shownBox,
} from '../diagram/containment';
import type { Element, Shape, WorkflowDocument } from '../model/document';
import { canAttach, canHaveLane, canHaveParent, containerTypes } from '../rules/canAttach';
import type { Command } from './commands';

/**
 * What one gesture changes about where an element belongs, next to its move: the sub-process it
 * is inside, its lane (`null` takes it out of either), the activity a boundary event sits on.
 */
export interface MembershipChange {
  readonly id: string;
  readonly parent?: string | null;
  readonly lane?: string | null;
  readonly attachedTo?: string;
}

const conflict = (message: string) => new BatonError('conflict', message);

/** Is `candidate` `element` itself or inside it, through parents? */
function isWithin(byId: ReadonlyMap<string, Element>, candidate: string, element: string) {
  const seen = new Set<string>();
  for (let at: string | undefined = candidate; at !== undefined; at = byId.get(at)?.parent) {
    if (at === element) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}

function changedElement(
  byId: ReadonlyMap<string, Element>,
  element: Element,
  change: MembershipChange,
): Element {
  const next: Record<string, unknown> = { ...element };
  if (change.parent !== undefined) {
    if (change.parent !== null) {
      const parent = byId.get(change.parent);
      if (!canHaveParent(element) || parent?.type !== 'subProcess') {
        throw conflict(`"${element.id}" cannot be inside "${change.parent}"`);
      }
      if (isWithin(byId, change.parent, element.id)) {
        throw conflict(`"${element.id}" cannot be inside itself`);
      }
      next.parent = change.parent;
    } else delete next.parent;
  }
  if (change.lane !== undefined) {
    if (change.lane !== null) {
      if (!canHaveLane(element) || byId.get(change.lane)?.type !== 'lane') {
        throw conflict(`"${element.id}" cannot be in lane "${change.lane}"`);
      }
      next.lane = change.lane;
    } else delete next.lane;
  }
  if (change.attachedTo !== undefined) {
    if (element.type !== 'boundaryEvent') throw conflict(`"${element.id}" is not a boundary event`);
    if (change.attachedTo === element.id || !canAttach(byId.get(change.attachedTo))) {
      throw conflict(`"${element.id}" cannot be attached to "${change.attachedTo}"`);
    }
    next.attachedTo = change.attachedTo;
  }
  return next as Element;
}

const sameElement = (a: Element, b: Element) => JSON.stringify(a) === JSON.stringify(b);

/** Applies membership changes; the same document when none changes anything. */
export function applyMemberships(
  doc: WorkflowDocument,
  changes: readonly MembershipChange[],
): WorkflowDocument {
  if (changes.length === 0) return doc;
  const { byId } = containerIndex(doc);
  const replaced = new Map<string, Element>();
  for (const change of changes) {
    const element = replaced.get(change.id) ?? byId.get(change.id);
    if (!element) throw conflict(`no element "${change.id}"`);
    replaced.set(change.id, changedElement(byId, element, change));
  }
  let changed = false;
  const elements = doc.model.elements.map((element) => {
    const next = replaced.get(element.id);
    if (!next || sameElement(next, element)) return element;
    changed = true;
    return next;
  });
  return changed ? { ...doc, model: { ...doc.model, elements } } : doc;
}

/** The shapes of `host`'s boundary events moved along as its drawn box changes to `after`. */
function boundariesFollow(
  doc: WorkflowDocument,
  host: Element,
  after: WorkflowDocument,
  shapes: Record<string, Shape>,
) {
  const before = shownBox(doc, host);
  const now = shownBox(after, host);
  if (!before || !now) return;
  const { byId, boundaries } = containerIndex(doc);
  for (const id of boundaries.get(host.id) ?? []) {
    const boundary = byId.get(id);
    const box = boundary && id !== host.id ? shownBox(doc, boundary) : undefined;
    const shape = shapeOf(doc, id);
    if (box && shape) shapes[id] = { ...shape, ...followBorder(before, now, box) };
  }
}

function withShape(doc: WorkflowDocument, host: Element, shape: Shape): WorkflowDocument {
  const shapes: Record<string, Shape> = { ...doc.diagram.shapes, [host.id]: shape };
  boundariesFollow(doc, host, { ...doc, diagram: { ...doc.diagram, shapes } }, shapes);
  return { ...doc, diagram: { ...doc.diagram, shapes } };
}

/**
 * Lanes partition the diagram: once lane `laneId` is drawn where it is in `doc`, each element
 * whose centre lies in it belongs to it, and each that belonged to it and lies outside it now
 * belongs to the lane it lies in, if any (the innermost lane wins where lanes overlap).
 */
export function laneMemberships(doc: WorkflowDocument, laneId: string): MembershipChange[] {
  const changes: MembershipChange[] = [];
  for (const element of doc.model.elements) {
    if (!canHaveLane(element)) continue;
    const box = shownBox(doc, element);
    if (!box) continue;
    const lane = laneAt(doc, centreOf(box));
    if (lane === element.lane || (lane !== laneId && element.lane !== laneId)) continue;
    changes.push({ id: element.id, lane: lane ?? null });
  }
  return changes;
}

/**
 * Sets a container's box (a resize); its boundary events keep their place along the border, and
 * a lane takes in, or lets go of, the elements it now covers, or no longer covers.
 */
export function resizeNode(
  doc: WorkflowDocument,
  { id, x, y, width, height }: Extract<Command, { type: 'nodes.resize' }>,
): WorkflowDocument {
  const element = containerIndex(doc).byId.get(id);
  const shape = shapeOf(doc, id);
  if (!element || !shape) throw conflict(`no shape for "${id}"`);
  if (!containerTypes.has(element.type)) throw conflict(`a ${element.type} cannot be resized`);
  if (
    ![x, y].every(Number.isFinite) ||
    ![width, height].every((n) => Number.isFinite(n) && n > 0)
  ) {
    throw conflict(`"${id}" cannot take that size`);
  }
  if (shape.x === x && shape.y === y && shape.width === width && shape.height === height) {
    return doc;
  }
  if (!canResizeTo(doc, id, { x, y, width, height })) {
    throw conflict(`"${id}" cannot be made smaller than what it holds`);
  }
  const resized = withShape(doc, element, { ...shape, x, y, width, height });
  return element.type === 'lane'
    ? applyMemberships(resized, laneMemberships(resized, id))
    : resized;
}

/**
 * Collapses or expands a sub-process. Its shape keeps its expanded size; only `collapsed` changes
 * (absent when expanded), and the boundary events on it follow its border.
 */
export function collapseSubProcess(
  doc: WorkflowDocument,
  { id, collapsed }: Extract<Command, { type: 'subProcesses.collapse' }>,
): WorkflowDocument {
  const element = containerIndex(doc).byId.get(id);
  const shape = shapeOf(doc, id);
  if (element?.type !== 'subProcess' || !shape) throw conflict(`no sub-process "${id}"`);
  if ((shape.collapsed === true) === collapsed) return doc;
  const { collapsed: _was, ...expanded } = shape;
  return withShape(doc, element, collapsed ? { ...expanded, collapsed: true } : expanded);
}

/**
 * What a deletion takes with it: the boundary events on deleted activities and the contents of
 * deleted sub-processes, at any depth (a lane's or a group's elements stay).
 */
export function withDeletedDependents(
  doc: WorkflowDocument,
  ids: ReadonlySet<string>,
): ReadonlySet<string> {
  const { byId, children, boundaries } = containerIndex(doc);
  const deleted = new Set(ids);
  const queue = [...ids];
  while (queue.length > 0) {
    const id = queue.pop()!;
    const dependents = [
      ...(boundaries.get(id) ?? []),
      ...(byId.get(id)?.type === 'subProcess' ? (children.get(id) ?? []) : []),
    ];
    for (const dependent of dependents) {
      if (deleted.has(dependent)) continue;
      deleted.add(dependent);
      queue.push(dependent);
    }
  }
  return deleted;
}

/** The elements with a deleted lane taken off them (they stay where they are drawn). */
export function leaveDeletedLanes(
  elements: readonly Element[],
  deleted: ReadonlySet<string>,
): Element[] {
  return elements.map((element) => {
    if (element.lane === undefined || !deleted.has(element.lane)) return element;
    const { lane: _lane, ...rest } = element;
    return rest;
  });
}
