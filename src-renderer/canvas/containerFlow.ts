import type { Edge } from '@xyflow/react';
import { containerIndex, hiddenElements } from '../../src-shared/diagram/containment';
import type { Element, WorkflowDocument } from '../../src-shared/model/document';

/** The deepest nesting of sub-processes and groups drawn in order of depth. */
const MAX_DEPTH = 9;

/**
 * How an element is stacked: lanes under everything, then groups and sub-processes (an inner
 * sub-process over the one holding it), then connections (z 0) and the other elements, and
 * boundary events over the activity they sit on.
 */
export function zIndexOf(doc: WorkflowDocument, element: Element): { zIndex?: number } {
  if (element.type === 'lane') return { zIndex: -(MAX_DEPTH + 2) };
  if (element.type === 'boundaryEvent') return { zIndex: 1 };
  if (element.type !== 'subProcess' && element.type !== 'group') return {};
  const { byId } = containerIndex(doc);
  let depth = 0;
  for (let at = element.parent; at !== undefined && depth < MAX_DEPTH; depth += 1) {
    at = byId.get(at)?.parent;
  }
  return { zIndex: depth - (MAX_DEPTH + 1) };
}

/**
 * The connections with those touching an element hidden in a collapsed sub-process marked
 * `hidden` (React Flow draws them otherwise); an edge whose state did not change stays the same.
 */
export function hideEdges(doc: WorkflowDocument, edges: Edge[]): Edge[] {
  const hidden = hiddenElements(doc);
  if (hidden.size === 0 && !edges.some((edge) => edge.hidden)) return edges;
  return edges.map((edge) => {
    const hide = hidden.has(edge.source) || hidden.has(edge.target);
    if (Boolean(edge.hidden) === hide) return edge;
    if (hide) return { ...edge, hidden: true };
    const { hidden: _hidden, ...shown } = edge;
    return shown;
  });
}
