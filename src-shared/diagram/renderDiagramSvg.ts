import type { Element, Shape, WorkflowDocument } from '../model/document';
import { hiddenElements, isCollapsed, shapeOf, shownSize, sitsOnTop } from './containment';
import { darkTheme, lightTheme, type DiagramTheme } from './diagramTheme';
import {
  ARROW_MARKER_ID,
  drawAssociation,
  drawConnection,
  routeConnection,
} from './drawConnection';
import { drawElement } from './drawElement';
import type { Bounds, Box } from './geometry';
import { escapeXml } from './svgText';

export interface RenderDiagramOptions {
  /** `light` (the default) draws on white with the canvas' colours; `dark` on a dark ground. */
  readonly theme?: 'light' | 'dark';
  /** Room around the drawing, in diagram units (default 24). */
  readonly padding?: number;
}

/** An exported drawing and its size in diagram units (one unit is one CSS pixel at 100%). */
export interface RenderedDiagram {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** The font stack of the canvas (src-renderer/styles.css). */
const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
const TITLE_ID = 'baton-diagram-title';

/** Lanes lie under everything, then frames (groups, sub-processes); boundary events on top. */
function layerOf(type: Element['type']): number {
  if (type === 'lane') return 0;
  if (type === 'group' || type === 'subProcess') return 1;
  if (type === 'boundaryEvent') return 3;
  return 2;
}

/**
 * Each drawn element's box, in document order; an element without a shape is not drawn, nor one
 * inside a collapsed sub-process (which is drawn at a task's size).
 */
function boxesOf(doc: WorkflowDocument): Map<string, Box> {
  const boxes = new Map<string, Box>();
  const hidden = hiddenElements(doc);
  for (const element of doc.model.elements) {
    if (hidden.has(element.id)) continue;
    const shape: Shape | undefined = Object.hasOwn(doc.diagram.shapes, element.id)
      ? doc.diagram.shapes[element.id]
      : undefined;
    if (shape) boxes.set(element.id, { x: shape.x, y: shape.y, ...shownSize(element, shape) });
  }
  return boxes;
}

function grow(bounds: Bounds | undefined, more: Bounds): Bounds {
  if (!bounds) return { ...more };
  return {
    minX: Math.min(bounds.minX, more.minX),
    minY: Math.min(bounds.minY, more.minY),
    maxX: Math.max(bounds.maxX, more.maxX),
    maxY: Math.max(bounds.maxY, more.maxY),
  };
}

/** The connections and annotation links, each with the area it covers. */
function drawLinks(
  doc: WorkflowDocument,
  boxes: ReadonlyMap<string, Box>,
  theme: DiagramTheme,
): { markup: string[]; bounds: Bounds | undefined } {
  const defaults = new Set(
    doc.model.elements.flatMap((element) =>
      element.type === 'exclusiveGateway' && element.default ? [element.default] : [],
    ),
  );
  const markup: string[] = [];
  let bounds: Bounds | undefined;
  for (const connection of doc.model.connections) {
    const source = boxes.get(connection.source);
    const target = boxes.get(connection.target);
    if (!source || !target) continue;
    const edges = doc.diagram.edges;
    const route = edges && Object.hasOwn(edges, connection.id) ? edges[connection.id] : undefined;
    const points = routeConnection(source, target, route?.waypoints);
    const drawn = drawConnection(connection, points, defaults.has(connection.id), theme);
    markup.push(drawn.markup);
    bounds = grow(bounds, drawn.bounds);
  }
  for (const element of doc.model.elements) {
    if (element.type !== 'annotation' || !element.annotates) continue;
    const note = boxes.get(element.id);
    const annotated = boxes.get(element.annotates);
    if (note && annotated) markup.push(drawAssociation(note, annotated, theme));
  }
  return { markup, bounds };
}

/**
 * Draws a document as a standalone SVG image that looks like the canvas: BPMN-style shapes per
 * element type with their names and saga markers, connections with arrowheads and labels, on a
 * background that fits the drawing with some padding. Names are escaped, so any text is safe.
 * The output depends only on the document and the options: the same input gives the same bytes.
 */
export function renderDiagram(
  doc: WorkflowDocument,
  options: RenderDiagramOptions = {},
): RenderedDiagram {
  const theme = options.theme === 'dark' ? darkTheme : lightTheme;
  const padding = Math.max(0, options.padding ?? 24);
  const boxes = boxesOf(doc);

  const layers: string[][] = [[], [], [], []];
  let bounds: Bounds | undefined;
  for (const element of doc.model.elements) {
    const box = boxes.get(element.id);
    if (!box) continue;
    const collapsed = isCollapsed(element, shapeOf(doc, element.id));
    const captionAbove = sitsOnTop(doc, element);
    const drawn = drawElement(element, box, theme, { collapsed, captionAbove });
    layers[layerOf(element.type)]?.push(drawn.markup);
    bounds = grow(bounds, drawn.bounds);
  }
  const links = drawLinks(doc, boxes, theme);
  if (links.bounds) bounds = grow(bounds, links.bounds);

  const area = bounds ?? { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  const minX = Math.floor(area.minX - padding);
  const minY = Math.floor(area.minY - padding);
  const width = Math.max(1, Math.ceil(area.maxX + padding) - minX);
  const height = Math.max(1, Math.ceil(area.maxY + padding) - minY);
  const title = doc.name?.trim() || (doc.kind === 'flow' ? 'Untitled flow' : 'Untitled map');
  const what = doc.kind === 'flow' ? 'An orchestration flow' : 'A choreography map';

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" role="img"` +
      ` aria-labelledby="${TITLE_ID}" width="${width}" height="${height}"` +
      ` viewBox="${minX} ${minY} ${width} ${height}" font-family="${FONT_FAMILY}">`,
    `<title id="${TITLE_ID}">${escapeXml(title)}</title>`,
    `<desc>${what} drawn by Baton.</desc>`,
    `<defs><marker id="${ARROW_MARKER_ID}" viewBox="0 0 10 10" refX="10" refY="5"` +
      ` markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto">` +
      `<path d="M0 0L10 5L0 10z" fill="${theme.edge}"/></marker></defs>`,
    `<rect class="background" x="${minX}" y="${minY}" width="${width}" height="${height}"` +
      ` fill="${theme.background}"/>`,
    ...(layers[0] ?? []),
    ...(layers[1] ?? []),
    ...links.markup,
    ...(layers[2] ?? []),
    ...(layers[3] ?? []),
    '</svg>',
    '',
  ].join('\n');
  return { svg, width, height };
}

/** {@link renderDiagram}'s SVG text alone: what `baton export --to svg` and the app write. */
export function renderDiagramSvg(doc: WorkflowDocument, options?: RenderDiagramOptions): string {
  return renderDiagram(doc, options).svg;
}
