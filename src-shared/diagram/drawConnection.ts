import type { Connection } from '../model/document';
import type { DiagramTheme } from './diagramTheme';
import type { Bounds, Box, Point } from './geometry';
import { escapeXml, num, textBlock, textWidth, wrapText } from './svgText';

/** The id of the arrowhead `<marker>` every connection path ends with. */
export const ARROW_MARKER_ID = 'baton-arrow';

/** How far a path going round runs straight out of its source, and into its target. */
const STUB = 20;
const CORNER_RADIUS = 6;
const LABEL_FONT = 11;
const LABEL_LINE = 13;

/**
 * The points a connection is drawn through: out of the source's right side and into the target's
 * left side, as the canvas' handles sit. Through its saved bend points when it has any (straight
 * segments); otherwise orthogonal, going round when the target lies behind the source.
 */
export function routeConnection(source: Box, target: Box, waypoints?: readonly Point[]): Point[] {
  const start = { x: source.x + source.width, y: source.y + source.height / 2 };
  const end = { x: target.x, y: target.y + target.height / 2 };
  if (waypoints && waypoints.length > 0) return withoutRepeats([start, ...waypoints, end]);
  if (end.x > start.x) {
    if (Math.abs(start.y - end.y) < 0.5) return [start, end];
    const midX = (start.x + end.x) / 2;
    return [start, { x: midX, y: start.y }, { x: midX, y: end.y }, end];
  }
  // The target is behind (or level with) the source: out, round between or below both, in.
  const sourceBottom = source.y + source.height;
  const targetBottom = target.y + target.height;
  const detourY =
    sourceBottom + STUB <= target.y
      ? (sourceBottom + target.y) / 2
      : targetBottom + STUB <= source.y
        ? (targetBottom + source.y) / 2
        : Math.max(sourceBottom, targetBottom) + STUB;
  const out = start.x + STUB;
  const into = end.x - STUB;
  return withoutRepeats([
    start,
    { x: out, y: start.y },
    { x: out, y: detourY },
    { x: into, y: detourY },
    { x: into, y: end.y },
    end,
  ]);
}

function withoutRepeats(points: readonly Point[]): Point[] {
  return points.filter(
    (point, index) =>
      index === 0 || point.x !== points[index - 1]?.x || point.y !== points[index - 1]?.y,
  );
}

const distance = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);

/** Moves from `from` towards `to` by `length`. */
function towards(from: Point, to: Point, length: number): Point {
  const total = distance(from, to);
  if (total === 0) return from;
  return {
    x: from.x + ((to.x - from.x) * length) / total,
    y: from.y + ((to.y - from.y) * length) / total,
  };
}

/** SVG path data through the points, with small rounded corners like the canvas' edges. */
export function pathData(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M${num(first.x)} ${num(first.y)}`;
  rest.forEach((point, index) => {
    const previous = points[index] ?? first;
    const next = rest[index + 1];
    if (!next) {
      d += `L${num(point.x)} ${num(point.y)}`;
      return;
    }
    const radius = Math.min(
      CORNER_RADIUS,
      distance(previous, point) / 2,
      distance(point, next) / 2,
    );
    const before = towards(point, previous, radius);
    const after = towards(point, next, radius);
    d += `L${num(before.x)} ${num(before.y)}Q${num(point.x)} ${num(point.y)} ${num(after.x)} ${num(after.y)}`;
  });
  return d;
}

/** The point halfway along the path, where its label goes (here and on the canvas). */
export function pathMidpoint(points: readonly Point[]): Point {
  const lengths = points.slice(1).map((point, index) => distance(points[index] ?? point, point));
  let remaining = lengths.reduce((sum, length) => sum + length, 0) / 2;
  for (const [index, length] of lengths.entries()) {
    const from = points[index];
    const to = points[index + 1];
    if (from && to && remaining <= length) return towards(from, to, remaining);
    remaining -= length;
  }
  return points[0] ?? { x: 0, y: 0 };
}

/** What an edge says: its name, else its condition, else the decision that takes it. */
function labelOf(connection: Connection): string | undefined {
  return connection.name?.trim() || connection.condition?.trim() || connection.outcome;
}

/** BPMN's slash across the start of a gateway's default path. */
function defaultMark(points: readonly Point[], theme: DiagramTheme): string {
  const [start, next] = points;
  if (!start || !next) return '';
  const centre = towards(start, next, 10);
  const along = towards({ x: 0, y: 0 }, { x: next.x - start.x, y: next.y - start.y }, 5);
  // The slash leans 60° off the path.
  const cos = 0.5;
  const sin = 0.866;
  const arm = { x: along.x * cos - along.y * sin, y: along.x * sin + along.y * cos };
  return (
    `<path class="default-mark" d="M${num(centre.x - arm.x)} ${num(centre.y - arm.y)}` +
    `L${num(centre.x + arm.x)} ${num(centre.y + arm.y)}" stroke="${theme.edge}" stroke-width="1.6"/>`
  );
}

export interface DrawnConnection {
  readonly markup: string;
  readonly bounds: Bounds;
}

/** One connection: its path with an arrowhead, and its label on a patch of background. */
export function drawConnection(
  connection: Connection,
  points: readonly Point[],
  isDefault: boolean,
  theme: DiagramTheme,
): DrawnConnection {
  const bounds: Bounds = {
    minX: Math.min(...points.map((point) => point.x)),
    minY: Math.min(...points.map((point) => point.y)),
    maxX: Math.max(...points.map((point) => point.x)),
    maxY: Math.max(...points.map((point) => point.y)),
  };
  let markup =
    `<g class="connection" data-connection-id="${escapeXml(connection.id)}">` +
    `<path class="connection-path" d="${pathData(points)}" fill="none" stroke="${theme.edge}"` +
    ` stroke-width="1.6" marker-end="url(#${ARROW_MARKER_ID})"/>`;
  if (isDefault) markup += defaultMark(points, theme);
  const label = labelOf(connection);
  if (label) {
    const lines = wrapText(label, 160, LABEL_FONT, 2);
    const at = pathMidpoint(points);
    const width = Math.max(...lines.map((line) => textWidth(line, LABEL_FONT))) + 8;
    const height = lines.length * LABEL_LINE + 4;
    const left = at.x - width / 2;
    const top = at.y - height / 2;
    markup +=
      `<g class="connection-label"><rect x="${num(left)}" y="${num(top)}" width="${num(width)}"` +
      ` height="${num(height)}" rx="3" fill="${theme.labelBackground}" fill-opacity="0.9"/>` +
      textBlock(lines, {
        x: at.x,
        y: at.y,
        fontSize: LABEL_FONT,
        lineHeight: LABEL_LINE,
        fill: theme.muted,
      }) +
      '</g>';
    bounds.minX = Math.min(bounds.minX, left);
    bounds.minY = Math.min(bounds.minY, top);
    bounds.maxX = Math.max(bounds.maxX, left + width);
    bounds.maxY = Math.max(bounds.maxY, top + height);
  }
  return { markup: `${markup}</g>`, bounds };
}

/** The dotted line from an annotation to what it comments on, to the nearest point of it. */
export function drawAssociation(note: Box, annotated: Box, theme: DiagramTheme): string {
  const from = { x: note.x, y: note.y + note.height / 2 };
  const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
  const to = {
    x: clamp(from.x, annotated.x, annotated.x + annotated.width),
    y: clamp(from.y, annotated.y, annotated.y + annotated.height),
  };
  return (
    `<path class="association" d="M${num(from.x)} ${num(from.y)}L${num(to.x)} ${num(to.y)}"` +
    ` fill="none" stroke="${theme.annotation}" stroke-width="1.2" stroke-dasharray="2 3"/>`
  );
}
