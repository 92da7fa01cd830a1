import type { Command } from '../../src-shared/editing/commands';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { boundsOf, boxOf, followersByOwner, ownerOf, type Box } from './geometry';

/** Which edges or centres of the shapes are lined up. */
export type AlignEdge = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom';
/** Along which axis the shapes are spread with equal gaps. */
export type DistributeAxis = 'horizontal' | 'vertical';

/** Fewest shapes that can be aligned, and distributed. */
export const MIN_TO_ALIGN = 2;
export const MIN_TO_DISTRIBUTE = 3;

/**
 * The boxes of the selected elements that align and distribute move, in model order. An element
 * riding on another selected one (a boundary event on its task, the contents of a sub-process) is
 * left out: it moves along with its owner. Connections and unknown ids are ignored.
 */
export function arrangeableBoxes(doc: WorkflowDocument, ids: readonly string[]): Box[] {
  const selected = new Set(ids);
  const byId = new Map(doc.model.elements.map((element) => [element.id, element]));
  const ridesOnSelected = (id: string) => {
    const seen = new Set([id]);
    for (let owner = ownerOf(byId.get(id)!); owner !== undefined && !seen.has(owner);) {
      if (selected.has(owner)) return true;
      seen.add(owner);
      const next = byId.get(owner);
      owner = next && ownerOf(next);
    }
    return false;
  };
  return doc.model.elements
    .filter((element) => selected.has(element.id) && !ridesOnSelected(element.id))
    .map((element) => boxOf(doc, element))
    .filter((box) => box !== undefined);
}

export function canAlign(doc: WorkflowDocument, ids: readonly string[]): boolean {
  return arrangeableBoxes(doc, ids).length >= MIN_TO_ALIGN;
}

export function canDistribute(doc: WorkflowDocument, ids: readonly string[]): boolean {
  return arrangeableBoxes(doc, ids).length >= MIN_TO_DISTRIBUTE;
}

/**
 * Lines the selected shapes up on the left, centre or right (top, middle, bottom) of their
 * bounding box. Returns one `nodes.move`, or `null` when fewer than two shapes are selected or all
 * are already lined up.
 */
export function alignCommand(
  doc: WorkflowDocument,
  ids: readonly string[],
  edge: AlignEdge,
): Command | null {
  const boxes = arrangeableBoxes(doc, ids);
  const bounds = boundsOf(boxes);
  if (boxes.length < MIN_TO_ALIGN || !bounds) return null;
  const centreX = (bounds.left + bounds.right) / 2;
  const centreY = (bounds.top + bounds.bottom) / 2;
  const placeAt = (box: Box): { x: number; y: number } => {
    switch (edge) {
      case 'left':
        return { x: bounds.left, y: box.y };
      case 'center':
        return { x: centreX - box.width / 2, y: box.y };
      case 'right':
        return { x: bounds.right - box.width, y: box.y };
      case 'top':
        return { x: box.x, y: bounds.top };
      case 'middle':
        return { x: box.x, y: centreY - box.height / 2 };
      case 'bottom':
        return { x: box.x, y: bounds.bottom - box.height };
    }
  };
  return movesFor(
    doc,
    boxes.map((box) => ({ box, to: placeAt(box) })),
  );
}

/**
 * Spreads the selected shapes so that the gaps between neighbours are equal, along one axis; the
 * first and the last (by their centres) stay where they are. Returns one `nodes.move`, or `null`
 * when fewer than three shapes are selected or the gaps are already equal.
 */
export function distributeCommand(
  doc: WorkflowDocument,
  ids: readonly string[],
  axis: DistributeAxis,
): Command | null {
  const boxes = arrangeableBoxes(doc, ids);
  if (boxes.length < MIN_TO_DISTRIBUTE) return null;
  const horizontal = axis === 'horizontal';
  const start = (box: Box) => (horizontal ? box.x : box.y);
  const length = (box: Box) => (horizontal ? box.width : box.height);
  // A stable sort: shapes with the same centre keep their model order.
  const sorted = [...boxes].sort((a, b) => start(a) + length(a) / 2 - (start(b) + length(b) / 2));
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  const occupied = sorted.reduce((sum, box) => sum + length(box), 0);
  const gap = (start(last) + length(last) - start(first) - occupied) / (sorted.length - 1);
  let before = 0;
  const placed = sorted.map((box, index) => {
    // The last shape keeps its place exactly, whatever the rounding of the sums before it.
    const at = box === last ? start(box) : start(first) + before + index * gap;
    before += length(box);
    return { box, to: horizontal ? { x: at, y: box.y } : { x: box.x, y: at } };
  });
  return movesFor(doc, placed);
}

/** One `nodes.move` for the shapes that change place, carrying along what rides on them. */
function movesFor(
  doc: WorkflowDocument,
  placed: readonly { readonly box: Box; readonly to: { x: number; y: number } }[],
): Command | null {
  const followers = followersByOwner(doc);
  const moves: { id: string; x: number; y: number }[] = [];
  for (const { box, to } of placed) {
    const dx = to.x - box.x;
    const dy = to.y - box.y;
    if (dx === 0 && dy === 0) continue;
    moves.push({ id: box.id, ...to });
    for (const id of followers.get(box.id) ?? []) {
      const shape = Object.hasOwn(doc.diagram.shapes, id) ? doc.diagram.shapes[id] : undefined;
      if (shape) moves.push({ id, x: shape.x + dx, y: shape.y + dy });
    }
  }
  return moves.length > 0 ? { type: 'nodes.move', moves } : null;
}
