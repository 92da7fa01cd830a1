import { num } from './svgText';

/**
 * The small pictures of the export, drawn in a 16 × 16 box with 1.5-unit strokes like the canvas'
 * icons: the type of a task or node, the symbol in an event, and the saga markers.
 */
export type GlyphName =
  | 'gear'
  | 'user'
  | 'server'
  | 'mail'
  | 'clock'
  | 'zap'
  | 'layers'
  | 'subProcessMarker'
  | 'compensation'
  | 'pivot'
  | 'retry'
  | 'timeout';

const gearTeeth = Array.from({ length: 8 }, (_, index) => {
  const angle = (index * Math.PI) / 4;
  const point = (radius: number) =>
    `${num(8 + radius * Math.cos(angle))} ${num(8 + radius * Math.sin(angle))}`;
  return `M${point(4.6)} L${point(7)}`;
}).join(' ');

/** Each glyph's body: `c` is its colour. */
const bodies: Readonly<Record<GlyphName, (c: string) => string>> = {
  gear: (c) =>
    `<circle cx="8" cy="8" r="4.5" fill="none" stroke="${c}"/>` +
    `<circle cx="8" cy="8" r="1.8" fill="none" stroke="${c}"/>` +
    `<path d="${gearTeeth}" stroke="${c}" stroke-width="2.2"/>`,
  user: (c) =>
    `<circle cx="8" cy="5" r="3" fill="none" stroke="${c}"/>` +
    `<path d="M2.5 14.5c0-3 2.5-5 5.5-5s5.5 2 5.5 5" fill="none" stroke="${c}"/>`,
  server: (c) =>
    `<rect x="2" y="2" width="12" height="5" rx="1" fill="none" stroke="${c}"/>` +
    `<rect x="2" y="9" width="12" height="5" rx="1" fill="none" stroke="${c}"/>` +
    `<circle cx="4.8" cy="4.5" r="0.8" fill="${c}"/><circle cx="4.8" cy="11.5" r="0.8" fill="${c}"/>`,
  mail: (c) =>
    `<rect x="1.5" y="3.5" width="13" height="9" rx="1" fill="none" stroke="${c}"/>` +
    `<path d="M1.5 4.5L8 9l6.5-4.5" fill="none" stroke="${c}"/>`,
  clock: (c) =>
    `<circle cx="8" cy="8" r="6" fill="none" stroke="${c}"/>` +
    `<path d="M8 4.5V8l2.5 1.5" fill="none" stroke="${c}"/>`,
  zap: (c) => `<path d="M9 1.5L3.5 9H8l-1 5.5L12.5 7H8z" fill="none" stroke="${c}"/>`,
  layers: (c) =>
    `<path d="M8 2l6 3.5L8 9 2 5.5z" fill="none" stroke="${c}"/>` +
    `<path d="M2 9l6 3.5L14 9" fill="none" stroke="${c}"/>`,
  subProcessMarker: (c) =>
    `<rect x="2" y="2" width="12" height="12" fill="none" stroke="${c}"/>` +
    `<path d="M8 5v6M5 8h6" stroke="${c}"/>`,
  compensation: (c) => `<path d="M7.5 4L2 8l5.5 4zM14 4L8.5 8l5.5 4z" fill="${c}" stroke="${c}"/>`,
  pivot: (c) =>
    `<rect x="3.5" y="7" width="9" height="7" rx="1" fill="${c}" stroke="${c}"/>` +
    `<path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="${c}"/>`,
  retry: (c) =>
    `<path d="M13 8a5 5 0 1 1-1.46-3.54" fill="none" stroke="${c}"/>` +
    `<path d="M9 4.5h2.5V2" fill="none" stroke="${c}"/>`,
  timeout: (c) =>
    `<circle cx="8" cy="9.5" r="5" fill="none" stroke="${c}"/>` +
    `<path d="M6.5 2h3M8 2v2.5M8 9.5l2-2" fill="none" stroke="${c}"/>`,
};

/** `name` drawn at (x, y) as a `size`-unit square in `colour`. */
export function glyph(name: GlyphName, x: number, y: number, size: number, colour: string) {
  return (
    `<g class="glyph glyph-${name}" transform="translate(${num(x)} ${num(y)}) scale(${num(size / 16)})"` +
    ` stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">${bodies[name](colour)}</g>`
  );
}
