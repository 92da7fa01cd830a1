import type { Element, WorkflowDocument } from '../../src-shared/model/document';
import { elementSize } from '../canvas/elementSize';

/** An element's box on the canvas: its shape's top-left corner and its drawn size. */
export interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The box an element is drawn in, or `undefined` when the diagram has no shape for it. */
export function boxOf(doc: WorkflowDocument, element: Element): Box | undefined {
  if (!Object.hasOwn(doc.diagram.shapes, element.id)) return undefined;
  const shape = doc.diagram.shapes[element.id]!;
  // The canvas draws a shape at its own size only when it has both (see toFlow.ts).
  const size =
    shape.width && shape.height
      ? { width: shape.width, height: shape.height }
      : elementSize(element.type);
  return { id: element.id, x: shape.x, y: shape.y, ...size };
}

/** Do two boxes share any area? Boxes that only touch do not. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The smallest rectangle around the boxes, or `undefined` when there are none. */
export function boundsOf(boxes: Iterable<Box>) {
  let bounds: { left: number; top: number; right: number; bottom: number } | undefined;
  for (const box of boxes) {
    bounds = {
      left: Math.min(bounds?.left ?? Infinity, box.x),
      top: Math.min(bounds?.top ?? Infinity, box.y),
      right: Math.max(bounds?.right ?? -Infinity, box.x + box.width),
      bottom: Math.max(bounds?.bottom ?? -Infinity, box.y + box.height),
    };
  }
  return bounds;
}

/**
 * The element an element moves with, if any: a boundary event sits on its task, and an element of
 * a sub-process inside it. Moving the owner moves these along; they are not placed on their own.
 */
export function ownerOf(element: Element): string | undefined {
  return element.type === 'boundaryEvent' ? element.attachedTo : element.parent;
}

/**
 * For each element, the elements that move along with it (its boundary events, the contents of a
 * sub-process, and theirs in turn).
 */
export function followersByOwner(doc: WorkflowDocument): ReadonlyMap<string, readonly string[]> {
  const direct = new Map<string, string[]>();
  for (const element of doc.model.elements) {
    const owner = ownerOf(element);
    if (owner !== undefined && owner !== element.id) {
      direct.set(owner, [...(direct.get(owner) ?? []), element.id]);
    }
  }
  const all = new Map<string, readonly string[]>();
  for (const owner of direct.keys()) {
    const seen = new Set<string>([owner]);
    const pending = [...(direct.get(owner) ?? [])];
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      if (seen.has(id)) continue; // a cycle of owners in a hand-written file
      seen.add(id);
      pending.push(...(direct.get(id) ?? []));
    }
    seen.delete(owner);
    all.set(owner, [...seen]);
  }
  return all;
}
