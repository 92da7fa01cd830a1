import type { Bounds } from './geometry';

/** Characters XML 1.0 does not allow anywhere in a document (controls, lone surrogates, …). */
const NOT_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * `text` made safe for XML character data and attribute values: markup characters become
 * entities, and characters XML cannot hold at all become U+FFFD.
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_IN_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A coordinate as SVG text: at most two decimals, no `-0`, the same on every platform. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

// Advance widths of printable ASCII (from U+0020) in thousandths of an em, as in a common
// sans-serif; the canvas' system font runs a little wider, hence the factor below.
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
  611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
  667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
  222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const WIDER_THAN_REFERENCE = 1.1;

function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x20 && code < 0x7f) return (ASCII_WIDTHS[code - 0x20] ?? 556) / 1000;
  // CJK, Hangul, full-width forms and emoji take about a full em.
  if (code >= 0x2e80) return 1;
  return 0.6;
}

/**
 * An estimate of how wide `text` is drawn at `fontSize`. The export has no font engine, so it
 * errs on the wide side: a name wraps a little early rather than running out of its shape.
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += charWidth(char);
  return ems * fontSize * WIDER_THAN_REFERENCE;
}

const ELLIPSIS = '…';

/** Cuts `text` to fit `maxWidth` with a trailing ellipsis. */
function truncate(text: string, maxWidth: number, fontSize: number): string {
  const chars = Array.from(text);
  while (chars.length > 0 && textWidth(chars.join('') + ELLIPSIS, fontSize) > maxWidth) {
    chars.pop();
  }
  return chars.join('').trimEnd() + ELLIPSIS;
}

/** Splits a word wider than a line into pieces that fit (a long id, a URL). */
function breakWord(word: string, maxWidth: number, fontSize: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && textWidth(piece + char, fontSize) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** Greedy line filling of one paragraph. */
function wrapParagraph(paragraph: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter((part) => part !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, fontSize) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    const pieces = breakWord(word, maxWidth, fontSize);
    line = pieces.pop() ?? '';
    lines.push(...pieces);
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * `text` broken into lines no wider than `maxWidth` (line breaks in the text are kept). Beyond
 * `maxLines` the text is cut, and the last line kept ends with an ellipsis.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  maxLines = Number.POSITIVE_INFINITY,
): string[] {
  const lines = text
    .split(/\r\n|\r|\n/)
    .flatMap((paragraph) => wrapParagraph(paragraph, maxWidth, fontSize));
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = kept.length - 1;
  kept[last] = truncate(kept[last] ?? '', maxWidth, fontSize);
  return kept;
}

/** How a block of lines is placed: `y` is its middle, or its first baseline when `top`. */
export interface TextBlockStyle {
  readonly x: number;
  readonly y: number;
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly fill: string;
  readonly anchor?: 'start' | 'middle';
  readonly weight?: number;
  readonly top?: boolean;
}

/** The baseline of the first line of a block of `count` lines. */
export function firstBaseline(count: number, style: TextBlockStyle): number {
  if (style.top) return style.y;
  // A line's visual middle sits about a third of the font size above its baseline.
  return style.y - ((count - 1) * style.lineHeight) / 2 + style.fontSize * 0.35;
}

/** Lines of text as one `<text>` with a `<tspan>` per line, every line escaped. */
export function textBlock(lines: readonly string[], style: TextBlockStyle): string {
  if (lines.length === 0) return '';
  const baseline = firstBaseline(lines.length, style);
  const spans = lines
    .map(
      (line, index) =>
        `<tspan x="${num(style.x)}" y="${num(baseline + index * style.lineHeight)}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  const weight = style.weight ? ` font-weight="${style.weight}"` : '';
  return (
    `<text font-size="${num(style.fontSize)}" fill="${style.fill}"` +
    ` text-anchor="${style.anchor ?? 'middle'}"${weight}>${spans}</text>`
  );
}

/** Where a block of lines lies, for the viewBox. */
export function textBounds(lines: readonly string[], style: TextBlockStyle): Bounds {
  const width = Math.max(0, ...lines.map((line) => textWidth(line, style.fontSize)));
  const baseline = firstBaseline(lines.length, style);
  const left = style.anchor === 'start' ? style.x : style.x - width / 2;
  return {
    minX: left,
    minY: baseline - style.fontSize,
    maxX: left + width,
    maxY: baseline + (lines.length - 1) * style.lineHeight + style.fontSize * 0.3,
  };
}
