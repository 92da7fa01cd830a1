import type { Size } from './elementSize';

/** A point in diagram units. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A rectangle in diagram units. */
export interface Box extends Size {
  readonly x: number;
  readonly y: number;
}

/** What a drawing covers, for the viewBox. */
export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The part of an element's drawing inside its group, in the group's own coordinates. */
export interface ShapeDrawing {
  body: string;
  /** Text that reaches outside the shape (a caption, a long note), in local coordinates. */
  overflow?: Bounds;
}
