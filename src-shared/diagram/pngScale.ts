/** Past these, a picture cannot be drawn (Chromium's canvas: 16,384 px a side) or held well. */
const MAX_SIDE = 16_384;
const MAX_PIXELS = 100_000_000;

/**
 * The pixel scale a PNG of a `width` × `height` diagram is drawn at: `scale`, lowered for a
 * diagram so large that the image would pass what a canvas (or memory) can hold.
 */
export function pngScale(width: number, height: number, scale: number): number {
  return Math.min(
    scale,
    MAX_SIDE / width,
    MAX_SIDE / height,
    Math.sqrt(MAX_PIXELS / (width * height)),
  );
}
