import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import type { Command } from '../../src-shared/editing/commands';
import type { Point } from '../../src-shared/diagram/geometry';
import type { Element, WorkflowDocument } from '../../src-shared/model/document';
import { waypointsOf } from '../../src-shared/editing/routes';
import { buildElkGraph, ROOT_ID, type LayoutScope } from './elkGraph';
import { readElkPaths, routesFromElk } from './elkRoutes';
import { boundsOf, boxOf, followersByOwner, type Box } from './geometry';

/** The part of ELK the layout uses; a test or a worker-backed instance can stand in. */
export type ElkLayouter = Pick<ELK, 'layout'>;

export interface AutoLayoutOptions {
  /** Lay out only these elements (a selection); the others stay where they are. */
  readonly ids?: readonly string[];
  /** The ELK instance to use; by default one running on this thread, loaded on first use. */
  readonly elk?: ElkLayouter;
}

/** Drawn behind what they hold and arranged by people: the layout leaves them where they are. */
const UNPLACED_TYPES = new Set<Element['type']>(['lane', 'group', 'boundaryEvent']);

let sharedElk: Promise<ElkLayouter> | undefined;

/** ELK is large (1.6 MB): it is loaded the first time a layout is asked for. */
function defaultElk(): Promise<ElkLayouter> {
  sharedElk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
  return sharedElk;
}

/**
 * Arranges a document's elements left to right along their connections with ELK's layered
 * algorithm, and returns the `nodes.move` that puts them there with the routes ELK found round
 * the elements for the connections among them (one undoable step), or `null` when nothing would
 * change. Boundary events stay on the bottom edge of their task, the contents of a
 * sub-process are laid out inside it, annotations go next to what they annotate. Lanes and groups
 * stay where they are. Given `ids`, only those elements (and what a selected sub-process holds)
 * are arranged, and their bounding box keeps its top-left corner; everything else stays put.
 */
export async function autoLayout(
  doc: WorkflowDocument,
  options: AutoLayoutOptions = {},
): Promise<Command | null> {
  const scope = layoutScope(doc, options.ids);
  if (scope.placed.size === 0) return null;
  const elk = options.elk ?? (await defaultElk());
  const result = await elk.layout(buildElkGraph(doc, scope));
  const positions = readPositions(result);
  placeBoundaries(doc, scope, positions);
  return movesAnchoredAt(doc, positions, readElkPaths(result));
}

function layoutScope(doc: WorkflowDocument, ids: readonly string[] | undefined): LayoutScope {
  const placeable = new Set(
    doc.model.elements
      .filter((element) => !UNPLACED_TYPES.has(element.type))
      .filter((element) => Object.hasOwn(doc.diagram.shapes, element.id))
      .map((element) => element.id),
  );
  let placed: ReadonlySet<string> = placeable;
  if (ids) {
    const followers = followersByOwner(doc);
    const wanted = new Set(ids.flatMap((id) => [id, ...(followers.get(id) ?? [])]));
    placed = new Set([...placeable].filter((id) => wanted.has(id)));
  }
  const boundaries = new Map<string, Element[]>();
  for (const element of doc.model.elements) {
    if (element.type !== 'boundaryEvent' || !placed.has(element.attachedTo)) continue;
    if (!Object.hasOwn(doc.diagram.shapes, element.id)) continue;
    boundaries.set(element.attachedTo, [...(boundaries.get(element.attachedTo) ?? []), element]);
  }
  return { placed, boundaries };
}

interface Placement {
  x: number;
  y: number;
  /** Where ELK put the node's ports (boundary events), relative to the node. */
  readonly ports: ReadonlyMap<string, { readonly x: number }>;
}

/** The top-left corner of every node ELK placed, in the root's coordinates. */
function readPositions(root: ElkNode): Map<string, Placement> {
  const positions = new Map<string, Placement>();
  const visit = (node: ElkNode, offsetX: number, offsetY: number) => {
    for (const child of node.children ?? []) {
      const x = offsetX + (child.x ?? 0);
      const y = offsetY + (child.y ?? 0);
      const ports = new Map((child.ports ?? []).map((port) => [port.id, { x: port.x ?? 0 }]));
      positions.set(child.id, { x, y, ports });
      visit(child, x, y);
    }
  };
  visit(root, 0, 0);
  positions.delete(ROOT_ID);
  return positions;
}

/** Puts each boundary event where ELK put its port, centred on its task's bottom edge. */
function placeBoundaries(
  doc: WorkflowDocument,
  scope: LayoutScope,
  positions: Map<string, Placement>,
) {
  const byId = new Map(doc.model.elements.map((element) => [element.id, element]));
  for (const [taskId, boundaries] of scope.boundaries) {
    const task = positions.get(taskId);
    const taskBox = boxOf(doc, byId.get(taskId)!);
    if (!task || !taskBox) continue;
    for (const boundary of boundaries) {
      const box = boxOf(doc, boundary)!;
      const portX = task.ports.get(boundary.id)?.x ?? (taskBox.width - box.width) / 2;
      // A sub-process ELK had to draw larger than it is drawn keeps its riders on its real edge.
      const x = Math.min(Math.max(portX, 0), Math.max(taskBox.width - box.width, 0));
      positions.set(boundary.id, {
        x: task.x + x,
        y: task.y + taskBox.height - box.height / 2,
        ports: new Map(),
      });
    }
  }
}

/**
 * The moves that put the laid-out elements where ELK placed them, shifted so that their bounding
 * box keeps its top-left corner (the layout stays where the person was looking), with ELK's routes
 * for the connections among them, shifted alike.
 */
function movesAnchoredAt(
  doc: WorkflowDocument,
  positions: ReadonlyMap<string, Placement>,
  paths: ReadonlyMap<string, readonly Point[]>,
): Command | null {
  const before: Box[] = [];
  const after: Box[] = [];
  for (const element of doc.model.elements) {
    const position = positions.get(element.id);
    const box = position && boxOf(doc, element);
    if (!position || !box) continue;
    before.push(box);
    after.push({ ...box, x: position.x, y: position.y });
  }
  const from = boundsOf(before);
  const to = boundsOf(after);
  if (!from || !to) return null;
  const shift = { x: from.left - to.left, y: from.top - to.top };
  const placedBoxes = after.map((box) => ({
    ...box,
    x: Math.round(box.x + shift.x),
    y: Math.round(box.y + shift.y),
  }));
  const moves = placedBoxes
    .map(({ id, x, y }) => ({ id, x, y }))
    .filter(({ id, x, y }) => {
      const shape = doc.diagram.shapes[id]!;
      return shape.x !== x || shape.y !== y;
    });
  const routes = Object.fromEntries(
    Object.entries(
      routesFromElk(doc, paths, new Map(placedBoxes.map((box) => [box.id, box])), shift),
    ).filter(
      ([id, waypoints]) => JSON.stringify(waypoints ?? []) !== JSON.stringify(waypointsOf(doc, id)),
    ),
  );
  if (moves.length === 0 && Object.keys(routes).length === 0) return null;
  return { type: 'nodes.move', moves, ...(Object.keys(routes).length > 0 ? { routes } : {}) };
}
