import type { Edge, InternalNode } from '@xyflow/react';
import type { ElementFlowNode } from './toFlow';

/** A rectangle of the diagram, in flow coordinates. */
export interface Area {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What a far scene was built from: the elements it paints, as they were, and its connections. */
export interface SceneSource {
  readonly nodes: ReadonlyMap<string, InternalNode<ElementFlowNode> | undefined>;
  readonly between: readonly Edge[];
}

/** Past more changed areas than this, painting the whole canvas again costs about as much. */
const MOST_AREAS = 64;

/** How far a smooth-step route goes past its ends (React Flow's default offset), in flow px. */
const ROUTE_OFFSET = 20;

function nodeArea(node: InternalNode<ElementFlowNode>): Area {
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width: node.measured.width ?? 0, height: node.measured.height ?? 0 };
}

function routeArea(source: SceneSource, edge: Edge): Area | null {
  const from = source.nodes.get(edge.source);
  const to = source.nodes.get(edge.target);
  if (!from || !to) return null;
  const a = nodeArea(from);
  const b = nodeArea(to);
  const left = Math.min(a.x, b.x) - ROUTE_OFFSET;
  const top = Math.min(a.y, b.y) - ROUTE_OFFSET;
  const right = Math.max(a.x + a.width, b.x + b.width) + ROUTE_OFFSET;
  const bottom = Math.max(a.y + a.height, b.y + b.height) + ROUTE_OFFSET;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The areas of the picture that differ between a scene built from `before` and one built from
 * `after` (without the width of lines and badges, which the painter adds): where an element
 * appeared, went or moved, and where a connection between two painted elements did, or one of its
 * ends moved. `null` when so much changed that the whole picture is to be painted again.
 */
export function changedAreas(before: SceneSource, after: SceneSource): Area[] | null {
  const areas: Area[] = [];
  const changed = new Set<string>();
  for (const [id, node] of before.nodes) {
    if (after.nodes.get(id) === node) continue;
    changed.add(id);
    if (node) areas.push(nodeArea(node));
  }
  for (const [id, node] of after.nodes) {
    if (before.nodes.get(id) === node) continue;
    changed.add(id);
    if (node) areas.push(nodeArea(node));
  }
  if (areas.length > MOST_AREAS) return null;
  const routesOf = (source: SceneSource, edges: readonly Edge[], others: readonly Edge[]) => {
    const kept = new Set(others);
    for (const edge of edges) {
      if (kept.has(edge) && !changed.has(edge.source) && !changed.has(edge.target)) continue;
      const area = routeArea(source, edge);
      if (area) areas.push(area);
      if (areas.length > MOST_AREAS) return false;
    }
    return true;
  };
  if (!routesOf(before, before.between, after.between)) return null;
  if (!routesOf(after, after.between, before.between)) return null;
  return areas;
}
