import { getSmoothStepPath, Position, type Edge, type InternalNode } from '@xyflow/react';
import type { ElementType } from '../../src-shared/model/elementTypes';
import type { PaintRegion } from './farPaintRegion';
import { changedAreas, type Area, type SceneSource } from './farSceneChanges';
import type { ProblemMark, RunMark } from './farMarks';
import type { ElementFlowNode } from './toFlow';

/** How an element is drawn far out: its outline, and the colours styles.css gives it (CSS names). */
interface Look {
  readonly outline: 'circle' | 'diamond' | 'box' | 'note';
  readonly fill: string | null;
  readonly stroke: string;
  readonly radius: number;
  readonly lineWidth: number;
}

const box = (fill: string | null, stroke: string, radius: number, lineWidth = 1.5): Look => ({
  outline: 'box',
  fill,
  stroke,
  radius,
  lineWidth,
});
const circle = (stroke: string, lineWidth = 2, fill = '--shape-fill'): Look => ({
  outline: 'circle',
  fill,
  stroke,
  radius: 0,
  lineWidth,
});
const gateway: Look = {
  outline: 'diamond',
  fill: '--gateway-fill',
  stroke: '--gateway-stroke',
  radius: 0,
  lineWidth: 2,
};

/** The shapes of `.element-<type>` and `.glyph-<type>` in styles.css, without names or icons. */
const looks: Record<ElementType, Look> = {
  startEvent: circle('--start-stroke'),
  endEvent: circle('--end-stroke', 4),
  serviceTask: box('--task', '--node-stroke', 10),
  userTask: box('--task', '--node-stroke', 10),
  exclusiveGateway: gateway,
  parallelGateway: gateway,
  timerEvent: circle('--event-ring'),
  messageCatch: circle('--event-ring'),
  messageThrow: circle('--node-stroke', 2, '--node-stroke'),
  boundaryEvent: circle('--gateway-stroke', 3),
  subProcess: box('--container-fill', '--node-stroke', 12),
  callActivity: box('--task', '--node-stroke', 10, 3),
  annotation: { outline: 'note', fill: null, stroke: '--event-ring', radius: 0, lineWidth: 2 },
  group: box(null, '--group-stroke', 10),
  lane: box('--lane-fill', '--lane-stroke', 0, 1),
  service: box('--service', '--service-stroke', 4),
  eventType: box('--event', '--event-stroke', 24),
};

/** Whether an element of this type is drawn round (its run mark is a ring, not a box). */
export const isRound = (type: ElementType): boolean => looks[type].outline === 'circle';

/** Containers are drawn first, behind what they contain (as `toNodes` gives them `zIndex: -1`). */
const behind = new Set<ElementType>(['lane', 'group', 'subProcess']);

/** One batch of outlines drawn with the same colours: a fill and a stroke for all of them. */
interface Batch {
  readonly look: Look;
  readonly path: Path2D;
}

/** What the far layer paints, in flow coordinates: built when the diagram changes, not per frame. */
export interface FarScene {
  readonly batches: readonly Batch[];
  readonly connections: Path2D;
  readonly arrows: Path2D;
  readonly elementCount: number;
  readonly connectionCount: number;
  /** What differs from the scene built before this one, where only a few areas changed. */
  readonly changes?: { readonly since: FarScene; readonly areas: readonly Area[] };
}

type Lookup = ReadonlyMap<string, InternalNode<ElementFlowNode>>;

function addOutline(path: Path2D, look: Look, x: number, y: number, w: number, h: number): void {
  if (look.outline === 'circle') {
    const r = Math.min(w, h) / 2;
    path.moveTo(x + w / 2 + r, y + h / 2);
    path.arc(x + w / 2, y + h / 2, r, 0, Math.PI * 2);
  } else if (look.outline === 'diamond') {
    path.moveTo(x + w / 2, y);
    path.lineTo(x + w, y + h / 2);
    path.lineTo(x + w / 2, y + h);
    path.lineTo(x, y + h / 2);
    // Not `closePath`: Chromium takes time in the length of the whole path for each.
    path.lineTo(x + w / 2, y);
  } else if (look.outline === 'note') {
    path.moveTo(x, y);
    path.lineTo(x, y + h);
  } else {
    path.roundRect(x, y, w, h, Math.min(look.radius, w / 2, h / 2));
  }
}

/** Where a connection leaves its source (right) or reaches its target (left), as React Flow puts it. */
function handlePoint(node: InternalNode<ElementFlowNode>, type: 'source' | 'target') {
  const { x, y } = node.internals.positionAbsolute;
  const handle = node.internals.handleBounds?.[type]?.[0];
  const width = node.measured.width ?? 0;
  const height = node.measured.height ?? 0;
  if (!handle) return { x: type === 'source' ? x + width : x, y: y + height / 2 };
  return {
    x: x + handle.x + (type === 'source' ? handle.width : 0),
    y: y + handle.y + handle.height / 2,
  };
}

/** The length and half width of a connection's arrowhead, in flow pixels. */
const ARROW = { length: 10, halfWidth: 5 };

const routes = new Map<string, string>();

/** A connection's smooth-step route, as `ConnectionEdge` draws it (cached by its ends). */
function route(source: { x: number; y: number }, target: { x: number; y: number }): string {
  const key = `${source.x},${source.y},${target.x},${target.y}`;
  let path = routes.get(key);
  if (path === undefined) {
    [path] = getSmoothStepPath({
      sourceX: source.x,
      sourceY: source.y,
      sourcePosition: Position.Right,
      targetX: target.x,
      targetY: target.y,
      targetPosition: Position.Left,
    });
    if (routes.size > 50_000) routes.clear();
    routes.set(key, path);
  }
  return path;
}

/** Connections as SVG path data: their routes, and their arrowheads (to fill). */
export interface ConnectionPaths {
  readonly routes: string;
  readonly arrowheads: string;
  readonly connectionCount: number;
}

function connectionPaths(lookup: Lookup, edges: readonly Edge[]): ConnectionPaths {
  const routes: string[] = [];
  const arrowheads: string[] = [];
  for (const edge of edges) {
    const source = lookup.get(edge.source);
    const target = lookup.get(edge.target);
    if (!source || !target) continue;
    const end = handlePoint(target, 'target');
    routes.push(route(handlePoint(source, 'source'), end));
    const back = end.x - ARROW.length;
    arrowheads.push(
      `M${end.x} ${end.y}L${back} ${end.y - ARROW.halfWidth}L${back} ${end.y + ARROW.halfWidth}Z`,
    );
  }
  return {
    routes: routes.join(''),
    arrowheads: arrowheads.join(''),
    connectionCount: routes.length,
  };
}

function shapesScene(lookup: Lookup, hidden: ReadonlySet<string>): FarScene['batches'] {
  const batches = new Map<Look, Path2D>();
  const draw = (node: InternalNode<ElementFlowNode>) => {
    const look = looks[node.data.element.type];
    let path = batches.get(look);
    if (!path) batches.set(look, (path = new Path2D()));
    const { x, y } = node.internals.positionAbsolute;
    addOutline(path, look, x, y, node.measured.width ?? 0, node.measured.height ?? 0);
  };
  const later: InternalNode<ElementFlowNode>[] = [];
  for (const id of hidden) {
    const node = lookup.get(id);
    if (!node) continue;
    if (behind.has(node.data.element.type)) draw(node);
    else later.push(node);
  }
  later.forEach(draw);
  return [...batches].map(([look, path]) => ({ look, path }));
}

/** The connections with one end among `hidden` and the other not: they move with a drag. */
export function reachingConnections(
  lookup: Lookup,
  edges: readonly Edge[],
  hidden: ReadonlySet<string>,
): ConnectionPaths {
  const reaching = edges.filter(
    (edge) => !edge.hidden && hidden.has(edge.source) !== hidden.has(edge.target),
  );
  return connectionPaths(lookup, reaching);
}

/** The connections between two elements of `hidden`: they stand still while one is dragged. */
const betweenHidden = (edges: readonly Edge[], hidden: ReadonlySet<string>) =>
  edges.filter((edge) => !edge.hidden && hidden.has(edge.source) && hidden.has(edge.target));

const sameItems = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * Builds the scene of what stands still: the elements React Flow does not draw (`hidden`) and the
 * connections between two of them, again only when one of them changes. (The connections to an
 * element React Flow draws move with it while it is dragged: `reachingConnections`.) A scene built
 * again says which areas changed since the one before it, so that only they are painted again.
 */
export function createFarSceneBuilder() {
  interface Still extends SceneSource {
    readonly scene: FarScene;
    readonly hidden: ReadonlySet<string>;
    edges: readonly Edge[];
  }
  let still: Still | undefined;
  const isCurrent = (lookup: Lookup, edges: readonly Edge[], hidden: ReadonlySet<string>) => {
    if (!still || still.hidden !== hidden) return false;
    for (const [id, node] of still.nodes) if (lookup.get(id) !== node) return false;
    // Connections derived again (an edit elsewhere, a move of an element React Flow draws) leave
    // those between two painted elements as they were.
    if (still.edges !== edges && !sameItems(still.between, betweenHidden(edges, hidden))) {
      return false;
    }
    still.edges = edges;
    return true;
  };
  const build = (lookup: Lookup, edges: readonly Edge[], hidden: ReadonlySet<string>) => {
    if (still && isCurrent(lookup, edges, hidden)) return still.scene;
    const between = betweenHidden(edges, hidden);
    const connections = connectionPaths(lookup, between);
    const nodes = new Map([...hidden].map((id) => [id, lookup.get(id)]));
    const areas = still ? changedAreas(still, { nodes, between }) : null;
    const scene: FarScene = {
      batches: shapesScene(lookup, hidden),
      connections: new Path2D(connections.routes),
      arrows: new Path2D(connections.arrowheads),
      connectionCount: connections.connectionCount,
      elementCount: hidden.size,
      changes: still && areas ? { since: still.scene, areas } : undefined,
    };
    still = { scene, hidden, edges, nodes, between };
    return scene;
  };
  return { build, isCurrent };
}

/** The colours the scene is painted with: styles.css's custom properties as the canvas resolves them. */
export type Colours = (name: string) => string;

/** What is painted over the elements: problem badges and the run's state outlines. */
export interface FarMarks {
  readonly problems: readonly ProblemMark[];
  readonly runs: readonly RunMark[];
}

/** The radius of a problem badge (16 px across in styles.css), at least 3 screen pixels far out. */
const BADGE_RADIUS = 8;
/** A run mark is 3 px wide 5 px outside the element (`.run-mark`), at least 3 screen pixels far out. */
const RUN_MARK_WIDTH = 3;
const RUN_MARK_GAP = 5;

/**
 * Paints `scene` into the canvas covering `region`, or only `areas` of it (flow coordinates: what
 * changed since the canvas was painted), over what is there. Lines are at least one screen pixel
 * wide so that the diagram stays legible when far out.
 */
export function paintFarScene(
  context: CanvasRenderingContext2D,
  scene: FarScene,
  region: PaintRegion,
  colours: Colours,
  marks: FarMarks,
  areas?: readonly Area[],
): void {
  const { width, height } = context.canvas;
  context.save();
  context.setTransform(1, 0, 0, 1, 0, 0);
  if (!areas) context.clearRect(0, 0, width, height);
  const scale = width / region.width;
  context.setTransform(scale, 0, 0, scale, -region.x * scale, -region.y * scale);
  const pixel = 1 / region.zoom;
  const radius = Math.max(BADGE_RADIUS, 3 * pixel);
  if (areas) {
    // Wide enough for the thickest line, a badge on a corner and the edge of anti-aliasing.
    const margin = radius + Math.max(4, pixel) * 2;
    const clip = new Path2D();
    for (const { x, y, width: w, height: h } of areas) {
      clip.rect(x - margin, y - margin, w + margin * 2, h + margin * 2);
    }
    context.clip(clip);
    for (const { x, y, width: w, height: h } of areas) {
      context.clearRect(x - margin, y - margin, w + margin * 2, h + margin * 2);
    }
  }
  context.lineJoin = 'round';
  context.lineWidth = pixel;
  context.strokeStyle = colours('--xy-edge-stroke');
  context.stroke(scene.connections);
  context.fillStyle = context.strokeStyle;
  context.fill(scene.arrows);
  for (const { look, path } of scene.batches) {
    if (look.fill) {
      context.fillStyle = colours(look.fill);
      context.fill(path);
    }
    context.strokeStyle = colours(look.stroke);
    context.lineWidth = Math.max(look.lineWidth, pixel);
    context.stroke(path);
  }
  paintRunMarks(context, marks.runs, colours, pixel);
  for (const { x, y, colour } of marks.problems) {
    context.fillStyle = colours(colour);
    context.beginPath();
    context.arc(x, y, radius, 0, Math.PI * 2);
    context.fill();
  }
  context.restore();
}

function paintRunMarks(
  context: CanvasRenderingContext2D,
  marks: readonly RunMark[],
  colours: Colours,
  pixel: number,
): void {
  const lineWidth = Math.max(RUN_MARK_WIDTH, 3 * pixel);
  const gap = RUN_MARK_GAP + lineWidth / 2 - RUN_MARK_WIDTH / 2;
  context.lineWidth = lineWidth;
  for (const { x, y, width, height, round, colour } of marks) {
    context.strokeStyle = colours(colour);
    context.beginPath();
    if (round) {
      const r = Math.min(width, height) / 2 + gap;
      context.arc(x + width / 2, y + height / 2, r, 0, Math.PI * 2);
    } else {
      context.roundRect(x - gap, y - gap, width + gap * 2, height + gap * 2, 10 + gap);
    }
    context.stroke();
  }
}
