import type { Element } from '../model/document';
import type { ElementOf } from '../model/elements';
import { glyph, type GlyphName } from './diagramGlyphs';
import type { DiagramTheme } from './diagramTheme';
import { drawEvent, drawGateway } from './drawEventShapes';
import type { Size } from './elementSize';
import type { Bounds, Box, ShapeDrawing } from './geometry';
import { escapeXml, num, textBlock, textBounds, wrapText, type TextBlockStyle } from './svgText';

/** How the diagram around an element changes its drawing. */
export interface DrawElementOptions {
  /** A sub-process drawn collapsed (at a task's size, with BPMN's "+" marker). */
  readonly collapsed?: boolean;
  /** A boundary event on the top of its activity: its caption goes above it. */
  readonly captionAbove?: boolean;
}

/** One element's markup and the area it covers, its caption or overflowing text included. */
export interface DrawnElement {
  readonly markup: string;
  readonly bounds: Bounds;
}

const NAME_FONT = 13;
const NAME_LINE = 16;
const ICON = 14;

/** The name inside a box, wrapped to its width and centred. */
function centredName(
  name: string,
  area: { cx: number; cy: number; width: number; maxLines: number },
  fill: string,
  weight?: number,
): string {
  // Bold text runs wider: measure it a size up.
  const measureAt = weight ? NAME_FONT * 1.06 : NAME_FONT;
  const lines = wrapText(name, Math.max(area.width, 20), measureAt, area.maxLines);
  return textBlock(lines, {
    x: area.cx,
    y: area.cy,
    fontSize: NAME_FONT,
    lineHeight: NAME_LINE,
    fill,
    ...(weight ? { weight } : {}),
  });
}

/** The saga markers of a service task, right-aligned along its bottom edge. */
function sagaMarkers(task: ElementOf<'serviceTask'>, size: Size, theme: DiagramTheme): string {
  const markers: [keyof DiagramTheme['marker'], string][] = [];
  if (task.compensation) {
    markers.push(['compensation', `Undone by ${task.compensation.operation}`]);
  }
  if (task.pivot) markers.push(['pivot', 'Pivot: cannot be undone']);
  if (task.retry && task.retry.maxAttempts > 1) {
    markers.push(['retry', `Up to ${task.retry.maxAttempts} attempts`]);
  }
  if (task.timeoutMs !== undefined) {
    markers.push(['timeout', `Times out after ${task.timeoutMs} ms`]);
  }
  const markerSize = 12;
  const gap = 3;
  const left = size.width - 8 - markers.length * markerSize - (markers.length - 1) * gap;
  return markers
    .map(
      ([name, label], index) =>
        `<g class="marker marker-${name}"><title>${escapeXml(label)}</title>` +
        glyph(
          name,
          left + index * (markerSize + gap),
          size.height - 4 - markerSize,
          markerSize,
          theme.marker[name],
        ) +
        '</g>',
    )
    .join('');
}

function hasMarkers(element: Element): boolean {
  if (element.type !== 'serviceTask') return false;
  return Boolean(
    element.compensation ||
    element.pivot ||
    (element.retry && element.retry.maxAttempts > 1) ||
    element.timeoutMs !== undefined,
  );
}

/** Tasks and call activities: a rounded rectangle, a type icon, the name, the markers. */
function activity(element: Element, size: Size, theme: DiagramTheme): ShapeDrawing {
  const { width, height } = size;
  const call = element.type === 'callActivity';
  const icon: GlyphName | undefined =
    element.type === 'serviceTask' ? 'gear' : element.type === 'userTask' ? 'user' : undefined;
  let body =
    `<rect width="${num(width)}" height="${num(height)}" rx="10" fill="${theme.task.fill}"` +
    ` stroke="${theme.task.stroke}" stroke-width="${call ? 3 : 1.5}"/>`;
  if (icon) body += glyph(icon, 7, 7, ICON, theme.text);
  // A call activity carries BPMN's collapsed marker, bottom centre.
  if (call) body += glyph('subProcessMarker', width / 2 - 6, height - 16, 12, theme.text);
  const roomy = !call && !hasMarkers(element);
  body += centredName(
    element.name,
    { cx: width / 2, cy: height / 2, width: width - 40, maxLines: roomy ? 3 : 2 },
    theme.text,
  );
  if (element.type === 'serviceTask') body += sagaMarkers(element, size, theme);
  return { body };
}

/** Sub-processes, groups and lanes: a frame with its name in the top-left corner. */
function container(element: Element, size: Size, theme: DiagramTheme): ShapeDrawing {
  const { width, height } = size;
  const rect = (attributes: string) =>
    `<rect width="${num(width)}" height="${num(height)}" ${attributes}/>`;
  const label = (x: number, fill: string, weight?: number) => {
    const lines = wrapText(element.name, Math.max(width - x - 10, 20), NAME_FONT, 1);
    return textBlock(lines, {
      x,
      y: 6 + NAME_FONT,
      fontSize: NAME_FONT,
      lineHeight: NAME_LINE,
      fill,
      anchor: 'start',
      top: true,
      ...(weight ? { weight } : {}),
    });
  };
  if (element.type === 'lane') {
    return {
      body:
        rect(`fill="${theme.lane.fill}" stroke="${theme.lane.stroke}" stroke-width="1"`) +
        label(10, theme.muted, 600),
    };
  }
  if (element.type === 'group') {
    return {
      body:
        rect(
          `rx="10" fill="none" stroke="${theme.group}" stroke-width="1.5" stroke-dasharray="6 4"`,
        ) + label(10, theme.muted),
    };
  }
  return {
    body:
      rect(
        `rx="12" fill="${theme.subProcessFill}" fill-opacity="0.6" stroke="${theme.task.stroke}"` +
          ' stroke-width="1.5"',
      ) +
      glyph('layers', 9, 7, ICON, theme.text) +
      label(30, theme.text),
  };
}

/** A collapsed sub-process: a task-sized box with BPMN's "+" marker at the bottom centre. */
function collapsedSubProcess(element: Element, size: Size, theme: DiagramTheme): ShapeDrawing {
  const { width, height } = size;
  return {
    body:
      `<rect width="${num(width)}" height="${num(height)}" rx="10" fill="${theme.task.fill}"` +
      ` stroke="${theme.task.stroke}" stroke-width="1.5"/>` +
      glyph('layers', 7, 7, ICON, theme.text) +
      glyph('subProcessMarker', width / 2 - 6, height - 16, 12, theme.text) +
      centredName(
        element.name,
        { cx: width / 2, cy: height / 2 - 4, width: width - 40, maxLines: 2 },
        theme.text,
      ),
  };
}

/** An annotation: BPMN's open bracket and its text, which may run past the shape. */
function annotation(
  element: ElementOf<'annotation'>,
  size: Size,
  theme: DiagramTheme,
): ShapeDrawing {
  const { width, height } = size;
  const lines = wrapText(element.text || element.name, Math.max(width - 16, 40), 12, 40);
  const style: TextBlockStyle = {
    x: 10,
    y: height / 2,
    fontSize: 12,
    lineHeight: 15.6,
    fill: theme.muted,
    anchor: 'start',
  };
  const text = lines.length > 0 ? textBounds(lines, style) : undefined;
  // The bracket reaches past the shape when the text does.
  const top = Math.min(0, (text?.minY ?? 0) - 4);
  const bottom = Math.max(height, (text?.maxY ?? 0) + 4);
  return {
    body:
      `<path d="M12 ${num(top)}H1V${num(bottom)}H12" fill="none" stroke="${theme.annotation}"` +
      ' stroke-width="2"/>' +
      textBlock(lines, style),
    ...(text ? { overflow: { ...text, minY: top, maxY: bottom } } : {}),
  };
}

/** Map nodes: a service is a box, an event type a rounded tag. */
function mapNode(element: Element, size: Size, theme: DiagramTheme): ShapeDrawing {
  const { width, height } = size;
  if (element.type === 'service') {
    return {
      body:
        `<rect width="${num(width)}" height="${num(height)}" rx="4" fill="${theme.service.fill}"` +
        ` stroke="${theme.service.stroke}" stroke-width="1.5"/>` +
        glyph('server', 7, 7, ICON, theme.service.stroke) +
        centredName(
          element.name,
          { cx: width / 2, cy: height / 2, width: width - 40, maxLines: 3 },
          theme.text,
          600,
        ),
    };
  }
  const terminal = element.type === 'eventType' && element.terminal !== undefined;
  return {
    body:
      `<rect width="${num(width)}" height="${num(height)}" rx="${num(Math.min(24, height / 2))}"` +
      ` fill="${theme.eventType.fill}" stroke="${theme.eventType.stroke}"` +
      ` stroke-width="${terminal ? 3 : 1.5}"/>` +
      glyph('mail', 12, height / 2 - ICON / 2, ICON, theme.eventType.stroke) +
      centredName(
        element.name,
        { cx: (width + 16) / 2, cy: height / 2, width: width - 48, maxLines: 2 },
        theme.text,
      ),
  };
}

function drawing(
  element: Element,
  size: Size,
  theme: DiagramTheme,
  { collapsed = false, captionAbove = false }: DrawElementOptions,
): ShapeDrawing {
  if (collapsed && element.type === 'subProcess') return collapsedSubProcess(element, size, theme);
  switch (element.type) {
    case 'serviceTask':
    case 'userTask':
    case 'callActivity':
      return activity(element, size, theme);
    case 'exclusiveGateway':
    case 'parallelGateway':
      return drawGateway(element, size, theme);
    case 'subProcess':
    case 'group':
    case 'lane':
      return container(element, size, theme);
    case 'annotation':
      return annotation(element, size, theme);
    case 'service':
    case 'eventType':
      return mapNode(element, size, theme);
    default:
      return drawEvent(element, size, theme, captionAbove);
  }
}

/**
 * One element as a group placed at its shape's corner, holding its shape, its name (the full
 * name is also its `<title>`, shown as a tooltip and read by screen readers) and its markers.
 */
export function drawElement(
  element: Element,
  box: Box,
  theme: DiagramTheme,
  options: DrawElementOptions = {},
): DrawnElement {
  const { body, overflow } = drawing(element, box, theme, options);
  const markup =
    `<g class="element element-${element.type}" data-element-id="${escapeXml(element.id)}"` +
    ` transform="translate(${num(box.x)} ${num(box.y)})"><title>${escapeXml(element.name)}</title>` +
    `${body}</g>`;
  const bounds: Bounds = {
    minX: box.x + Math.min(0, overflow?.minX ?? 0),
    minY: box.y + Math.min(0, overflow?.minY ?? 0),
    maxX: box.x + Math.max(box.width, overflow?.maxX ?? 0),
    maxY: box.y + Math.max(box.height, overflow?.maxY ?? 0),
  };
  return { markup, bounds };
}
