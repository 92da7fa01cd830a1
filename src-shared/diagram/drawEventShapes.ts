import type { Element } from '../model/document';
import { glyph, type GlyphName } from './diagramGlyphs';
import type { DiagramTheme } from './diagramTheme';
import type { Size } from './elementSize';
import type { ShapeDrawing } from './geometry';
import { num, textBlock, textBounds, wrapText, type TextBlockStyle } from './svgText';

const CAPTION_FONT = 12;
const CAPTION_LINE = 15;

/** The name of an event or gateway, under it. */
function caption(name: string, size: Size, theme: DiagramTheme, above = false): ShapeDrawing {
  const lines = wrapText(name, Math.max(size.width * 2, 96), CAPTION_FONT, 3);
  const style: TextBlockStyle = {
    x: size.width / 2,
    // Above the shape, the last line's descenders end 4 units over it.
    y: above
      ? -4 - (lines.length - 1) * CAPTION_LINE - CAPTION_FONT * 0.3
      : size.height + 4 + CAPTION_FONT,
    fontSize: CAPTION_FONT,
    lineHeight: CAPTION_LINE,
    fill: theme.muted,
    top: true,
  };
  return {
    body: textBlock(lines, style),
    ...(lines.length > 0 ? { overflow: textBounds(lines, style) } : {}),
  };
}

/**
 * Events: circles with a symbol, the name underneath (above, for a boundary event on the top of
 * its activity, so that it does not cover the activity's name).
 */
export function drawEvent(
  element: Element,
  size: Size,
  theme: DiagramTheme,
  captionAbove = false,
): ShapeDrawing {
  const cx = size.width / 2;
  const cy = size.height / 2;
  const r = Math.min(size.width, size.height) / 2;
  const circle = (radius: number, fill: string, stroke: string, strokeWidth: number) =>
    `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(radius)}" fill="${fill}" stroke="${stroke}"` +
    ` stroke-width="${strokeWidth}"/>`;
  const symbol = (name: GlyphName, colour: string, scale = 0.42) =>
    glyph(name, cx - r * scale, cy - r * scale, r * scale * 2, colour);
  let body: string;
  switch (element.type) {
    case 'startEvent':
      body = circle(r - 1, theme.event.fill, theme.start, 2);
      if (element.trigger === 'message') body += symbol('mail', theme.text);
      if (element.trigger === 'timer') body += symbol('clock', theme.text);
      break;
    case 'endEvent':
      body = circle(r - 2, theme.event.fill, theme.end, 4);
      if (element.result === 'error') body += symbol('zap', theme.end);
      if (element.result === 'terminate') {
        body += `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r * 0.5)}" fill="${theme.end}"/>`;
      }
      break;
    case 'messageThrow':
      body =
        circle(r - 1, theme.throwEvent.fill, theme.throwEvent.fill, 1.5) +
        circle(r - 4, 'none', theme.throwEvent.symbol, 1) +
        symbol('mail', theme.throwEvent.symbol);
      break;
    case 'boundaryEvent':
      body =
        circle(r - 1, theme.event.fill, theme.boundary, 1.5) +
        circle(r - 4, 'none', theme.boundary, 1.5) +
        symbol(element.trigger === 'timer' ? 'clock' : 'zap', theme.boundary, 0.38);
      break;
    default:
      // Intermediate events (timer, message catch): BPMN's double ring.
      body =
        circle(r - 1, theme.event.fill, theme.event.stroke, 1.5) +
        circle(r - 4, 'none', theme.event.stroke, 1.5) +
        symbol(element.type === 'timerEvent' ? 'clock' : 'mail', theme.text);
  }
  const named = caption(element.name, size, theme, captionAbove);
  return { body: body + named.body, ...(named.overflow ? { overflow: named.overflow } : {}) };
}

/** Gateways: a diamond with × (exclusive) or + (parallel), the name underneath. */
export function drawGateway(element: Element, size: Size, theme: DiagramTheme): ShapeDrawing {
  const { width: w, height: h } = size;
  const cx = w / 2;
  const cy = h / 2;
  let body =
    `<path d="M${num(cx)} 1L${num(w - 1)} ${num(cy)}L${num(cx)} ${num(h - 1)}L1 ${num(cy)}Z"` +
    ` fill="${theme.gateway.fill}" stroke="${theme.gateway.stroke}" stroke-width="2"/>`;
  const arm = Math.min(w, h) * (element.type === 'exclusiveGateway' ? 0.13 : 0.19);
  const d =
    element.type === 'exclusiveGateway'
      ? `M${num(cx - arm)} ${num(cy - arm)}L${num(cx + arm)} ${num(cy + arm)}` +
        `M${num(cx + arm)} ${num(cy - arm)}L${num(cx - arm)} ${num(cy + arm)}`
      : `M${num(cx)} ${num(cy - arm)}V${num(cy + arm)}M${num(cx - arm)} ${num(cy)}H${num(cx + arm)}`;
  body += `<path d="${d}" stroke="${theme.gateway.symbol}" stroke-width="3" stroke-linecap="round"/>`;
  const named = caption(element.name, size, theme);
  return { body: body + named.body, ...(named.overflow ? { overflow: named.overflow } : {}) };
}
