import type { Edge, Node } from '@xyflow/react';

/**
 * From this many elements, a canvas zoomed out too far to read (`FAR_ZOOM`) draws its elements and
 * connections in one picture (`FarLayer`) instead of as thousands of React Flow nodes and edges.
 */
export const LARGE_DIAGRAM_ELEMENTS = 300;

const hiddenCopies = new WeakMap<object, object>();

/** `node` marked hidden for React Flow: the same object for the same node, so it is not adopted again. */
function hiddenCopy<N extends Node>(node: N): N {
  let copy = hiddenCopies.get(node) as N | undefined;
  if (!copy) {
    copy = { ...node, hidden: true };
    hiddenCopies.set(node, copy);
  }
  return copy;
}

/**
 * What React Flow is given to draw as nodes while the far layer draws the rest: the `live` nodes
 * (selected, dragged, under the pointer) as they are, every other one hidden. React Flow still
 * knows every node (to fit the view, route, select), but mounts none of the hidden ones.
 */
export function nodesForReactFlow<N extends Node>(
  nodes: readonly N[],
  isLive: (node: N) => boolean,
): { nodes: N[]; hidden: ReadonlySet<string> } {
  const hidden = new Set<string>();
  const shown = nodes.map((node) => {
    // Already hidden (inside a collapsed sub-process): neither drawn by React Flow nor painted.
    if (node.hidden || isLive(node)) return node;
    hidden.add(node.id);
    return hiddenCopy(node);
  });
  return { nodes: shown, hidden };
}

/** The connections React Flow draws: those between two nodes it draws; the far layer draws the rest. */
export function edgesForReactFlow<E extends Edge>(
  edges: readonly E[],
  hidden: ReadonlySet<string>,
): E[] {
  return edges.filter((edge) => !hidden.has(edge.source) && !hidden.has(edge.target));
}

/** Whether two sets of ids are the same. */
export function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}
