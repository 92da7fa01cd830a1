/** The part of the diagram the far layer's canvas covers, in flow coordinates, and how finely. */
export interface PaintRegion {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The zoom it was painted for: one canvas pixel per screen pixel at this zoom. */
  readonly zoom: number;
  readonly pixelWidth: number;
  readonly pixelHeight: number;
}

/** The largest side of the canvas, in pixels (a canvas much larger costs memory for nothing). */
const MAX_SIDE = 4096;

/**
 * Where the far layer paints for the view `transform` ([x, y, zoom]) of a pane `width` × `height`:
 * `previous` while it still covers the view at the same zoom (or at another zoom, unless
 * `sharpen`), else the view and half of it again on each side, at the view's zoom.
 */
export function farPaintRegion(
  previous: PaintRegion | undefined,
  [tx, ty, zoom]: readonly [number, number, number],
  width: number,
  height: number,
  pixelRatio: number,
  sharpen: boolean,
): PaintRegion {
  const view = { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
  if (
    previous &&
    (previous.zoom === zoom || !sharpen) &&
    view.x >= previous.x &&
    view.y >= previous.y &&
    view.x + view.width <= previous.x + previous.width &&
    view.y + view.height <= previous.y + previous.height
  ) {
    return previous;
  }
  const region = {
    x: view.x - view.width / 2,
    y: view.y - view.height / 2,
    width: view.width * 2,
    height: view.height * 2,
  };
  const scale = Math.min(zoom * pixelRatio, MAX_SIDE / region.width, MAX_SIDE / region.height);
  return {
    ...region,
    zoom,
    pixelWidth: Math.max(1, Math.round(region.width * scale)),
    pixelHeight: Math.max(1, Math.round(region.height * scale)),
  };
}
