import { Position, type NodeHandle } from '@xyflow/react';
import type { Element } from '../../src-shared/model/document';
import { elementTypeInfo } from '../../src-shared/model/elementTypes';

/** The side of a handle's square on screen (`.handle`: 10 px and a 2 px border). */
const HANDLE_SIDE = 14;

/**
 * The size and handles an element is drawn with, known before it is drawn. React Flow needs them
 * to leave out what lies outside the view (`onlyRenderVisibleElements`) from the first frame, to
 * fit the view and to route connections to elements it has not drawn; once it draws an element it
 * measures it and uses the measurement (the handles here ignore the shape's border).
 */
export function nodeGeometry(
  element: Element,
  size: { width: number; height: number } | undefined,
): { measured: { width: number; height: number }; handles: NodeHandle[] } {
  const info = elementTypeInfo[element.type];
  const { width, height } = size ?? info.size;
  const y = height / 2 - HANDLE_SIDE / 2;
  const handles: NodeHandle[] = [];
  const handle = { width: HANDLE_SIDE, height: HANDLE_SIDE, y, id: null };
  if (info.accepts.incoming) {
    handles.push({ ...handle, type: 'target', position: Position.Left, x: -HANDLE_SIDE / 2 });
  }
  if (info.accepts.outgoing) {
    handles.push({
      ...handle,
      type: 'source',
      position: Position.Right,
      x: width - HANDLE_SIDE / 2,
    });
  }
  return { measured: { width, height }, handles };
}
