import type { NodeChange } from '@xyflow/react';
import {
  containerIndex,
  laneAt,
  shapeOf,
  shownSize,
  subProcessAt,
} from '../../src-shared/diagram/containment';
import type { Command } from '../../src-shared/editing/commands';
import { planMove, type Placement } from '../../src-shared/editing/planMove';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { ElementFlowNode } from './toFlow';

/** The class of the container a drag would drop into (or the activity a boundary event goes on). */
export const DROP_TARGET_CLASS = 'is-drop-target';

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

/** What the first dragged element would land in: its activity, else its sub-process or lane. */
function dropTarget(
  doc: WorkflowDocument,
  plan: Extract<Command, { type: 'nodes.move' }>,
): string | undefined {
  const first = plan.moves[0];
  const element = first && containerIndex(doc).byId.get(first.id);
  if (!first || !element) return undefined;
  if (element.type === 'boundaryEvent') {
    const attached = plan.memberships?.find((change) => change.id === first.id)?.attachedTo;
    return attached ?? (element.attachedTo === element.id ? undefined : element.attachedTo);
  }
  if (element.type === 'lane') return undefined;
  const size = shownSize(element, shapeOf(doc, element.id));
  const centre = { x: first.x + size.width / 2, y: first.y + size.height / 2 };
  const moving = new Set(plan.moves.map((move) => move.id));
  return subProcessAt(doc, centre, moving) ?? laneAt(doc, centre, moving);
}

const isTarget = (node: ElementFlowNode) => node.className === DROP_TARGET_CLASS;

function markTarget(nodes: ElementFlowNode[], target: string | undefined): ElementFlowNode[] {
  if (!nodes.some((node) => isTarget(node) !== (node.id === target))) return nodes;
  return nodes.map((node) => {
    if (isTarget(node) === (node.id === target)) return node;
    if (node.id === target) return { ...node, className: DROP_TARGET_CLASS };
    const { className: _className, ...unmarked } = node;
    return unmarked;
  });
}

/**
 * The nodes as a drag in progress shows them: what depends on the dragged elements moved along
 * with them, a dragged boundary event snapped onto a border, by the plan the drag's command will
 * be made from, and the container it would drop into marked. Nodes the plan does not change are
 * kept as they are; when the drag ends, the mark goes.
 */
export function previewDrag(
  doc: WorkflowDocument,
  nodes: ElementFlowNode[],
  changes: readonly NodeChange<ElementFlowNode>[],
): ElementFlowNode[] {
  const dragged = draggedIn(changes);
  if (dragged.length === 0) {
    const ended = changes.some((change) => change.type === 'position' && !change.dragging);
    return ended ? markTarget(nodes, undefined) : nodes;
  }
  const plan = planMove(doc, dragged);
  const marked = markTarget(nodes, dropTarget(doc, plan));
  const { moves } = plan;
  // Nothing follows and nothing snaps (the common case): React Flow's positions stand.
  const asDragged = (move: Placement, at: number) =>
    move.id === dragged[at]?.id && move.x === dragged[at].x && move.y === dragged[at].y;
  if (moves.length === dragged.length && moves.every(asDragged)) return marked;
  const planned = new Map(moves.map((move) => [move.id, move]));
  return marked.map((node) => {
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
