import type { Edge } from '@xyflow/react';
import type { ItemDiff } from '../../src-shared/diagram/diffDocuments';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { toEdges, toNodes, type ElementFlowNode } from '../canvas/toFlow';
import type { Comparison } from './comparison';

/** Removed items are drawn under an id of their own, so they never pass for the draft's. */
export const removedId = (id: string) => `removed:${id}`;

type Mark = 'added' | 'changed' | 'moved';

/** Ghosts are there to be seen: nothing can select, move, connect or delete them. */
const ghostly = {
  selectable: false,
  draggable: false,
  connectable: false,
  deletable: false,
  focusable: false,
} as const;

function marksOf(items: ItemDiff): ReadonlyMap<string, Mark> {
  return new Map<string, Mark>([
    ...items.added.map((id) => [id, 'added'] as const),
    ...items.changed.map((id) => [id, 'changed'] as const),
    ...items.moved.map((id) => [id, 'moved'] as const),
  ]);
}

/**
 * The canvas's nodes for a document; while a version is compared, each marked with a `diff-*`
 * class, and the elements the document no longer has drawn as ghosts where the version had them.
 */
export function comparedNodes(
  doc: WorkflowDocument,
  previous: readonly ElementFlowNode[],
  comparison: Comparison | null,
): ElementFlowNode[] {
  const nodes = toNodes(doc, previous);
  if (!comparison) return nodes;
  const { elements } = comparison.diff;
  const marks = marksOf(elements);
  const removed = new Set(elements.removed);
  const ghosts = toNodes(comparison.base, [])
    .filter((node) => removed.has(node.id))
    .map((node): ElementFlowNode => ({
      ...node,
      ...ghostly,
      id: removedId(node.id),
      className: 'diff-removed',
      ariaLabel: `${node.ariaLabel ?? node.id}, removed since version ${comparison.version.number}`,
    }));
  return [
    ...nodes.map((node) => {
      const mark = marks.get(node.id);
      return mark
        ? { ...node, className: `diff-${mark}`, ariaLabel: `${node.ariaLabel ?? node.id}, ${mark}` }
        : node;
    }),
    ...ghosts,
  ];
}

/** The canvas's edges, marked the same way, with the removed connections as ghosts. */
export function comparedEdges(
  doc: WorkflowDocument,
  previous: readonly Edge[],
  comparison: Comparison | null,
): Edge[] {
  const edges = toEdges(doc, previous);
  if (!comparison) return edges;
  const { connections, elements } = comparison.diff;
  const marks = marksOf(connections);
  const removedConnections = new Set(connections.removed);
  const removedElements = new Set(elements.removed);
  const end = (id: string) => (removedElements.has(id) ? removedId(id) : id);
  const ghosts = toEdges(comparison.base, [])
    .filter((edge) => removedConnections.has(edge.id))
    .map((edge): Edge => ({
      ...edge,
      ...ghostly,
      id: removedId(edge.id),
      source: end(edge.source),
      target: end(edge.target),
      className: 'diff-removed',
    }));
  return [
    ...edges.map((edge) => {
      const mark = marks.get(edge.id);
      return mark ? { ...edge, className: `diff-${mark}` } : edge;
    }),
    ...ghosts,
  ];
}
