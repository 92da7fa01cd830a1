import type { Shape } from '../model/document';
import { elementTypeInfo, type ElementType } from '../model/elementTypes';

/** A width and a height in diagram units. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * The size each element type is drawn at when its shape does not say otherwise (docs/format.md,
 * "Diagram"). The one table the canvas, the SVG export and the CLI read; it mirrors
 * `elementTypeInfo`, where the palette and the editing commands find it.
 */
export const DEFAULT_ELEMENT_SIZES: Readonly<Record<ElementType, Size>> = Object.fromEntries(
  Object.values(elementTypeInfo).map((info) => [info.type, info.size]),
) as Record<ElementType, Size>;

/**
 * The size an element is drawn at: the shape's own width and height where it has them, the type's
 * default otherwise (each dimension on its own, as the format allows either to be left out).
 */
export function elementSize(type: ElementType, shape?: Pick<Shape, 'width' | 'height'>): Size {
  const fallback = DEFAULT_ELEMENT_SIZES[type];
  return {
    width: shape?.width ?? fallback.width,
    height: shape?.height ?? fallback.height,
  };
}

/**
 * Types drawn smaller than their name (events and gateways): the name is a caption under the
 * shape instead of text inside it.
 */
export function hasCaption(type: ElementType): boolean {
  return DEFAULT_ELEMENT_SIZES[type].width < 100;
}
