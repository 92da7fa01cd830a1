import type { NodeChange } from '@xyflow/react';
import type { Command } from '../../src-shared/editing/commands';
import { planMove, type Placement } from '../../src-shared/editing/planMove';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { ElementFlowNode } from './toFlow';

/** Where the elements React Flow is dragging are, from this frame's changes. */
function draggedIn(changes: readonly NodeChange<ElementFlowNode>[]): Placement[] {
  const dragged: Placement[] = [];
  for (const change of changes) {
    if (change.type === 'position' && change.dragging && change.position) {
      dragged.push({ id: change.id, ...change.position });
    }
  }
  return dragged;
}

/**
 * The nodes as a drag in progress shows them: what depends on the dragged elements moved along
 * with them and a dragged boundary event snapped onto a border, by the plan the drag's command
 * will be made from. Nodes the plan does not move are kept as they are.
 */
export function previewDrag(
  doc: WorkflowDocument,
  nodes: ElementFlowNode[],
  changes: readonly NodeChange<ElementFlowNode>[],
): ElementFlowNode[] {
  const dragged = draggedIn(changes);
  if (dragged.length === 0) return nodes;
  const { moves } = planMove(doc, dragged);
  // Nothing follows and nothing snaps (the common case): React Flow's positions stand.
  const asDragged = (move: Placement, at: number) =>
    move.id === dragged[at]?.id && move.x === dragged[at].x && move.y === dragged[at].y;
  if (moves.length === dragged.length && moves.every(asDragged)) return nodes;
  const planned = new Map(moves.map((move) => [move.id, move]));
  return nodes.map((node) => {
    const move = planned.get(node.id);
    if (!move || (node.position.x === move.x && node.position.y === move.y)) return node;
    return { ...node, position: { x: move.x, y: move.y } };
  });
}

/**
 * The one command a finished drag becomes (with where the moved elements now belong), or `null`
 * when nothing changes.
 */
export function dragEndCommand(
  doc: WorkflowDocument,
  dragged: readonly ElementFlowNode[],
): Command | null {
  const plan = planMove(
    doc,
    dragged.map((node) => ({
      id: node.id,
      x: Math.round(node.position.x),
      y: Math.round(node.position.y),
    })),
    { memberships: true },
  );
  const moved = plan.moves.some(({ id, x, y }) => {
    const shape = Object.hasOwn(doc.diagram.shapes, id) ? doc.diagram.shapes[id] : undefined;
    return !shape || shape.x !== x || shape.y !== y;
  });
  return moved || plan.memberships ? plan : null;
}
