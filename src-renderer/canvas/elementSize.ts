import { DEFAULT_ELEMENT_SIZES, type Size } from '../../src-shared/diagram/elementSize';
import type { ElementType } from '../../src-shared/model/elementTypes';

export type { Size };

/**
 * The size an element of this type is drawn at on the canvas when its shape sets none, which the
 * layout tools place and line up. It reads the one table of sizes (`src-shared/diagram`); where
 * `styles.css` sizes an element type too, it states the same numbers (a test holds them together).
 */
export function elementSize(type: ElementType): Size {
  return DEFAULT_ELEMENT_SIZES[type];
}
