import { Position, type NodeHandle } from '@xyflow/react';
import type { Element } from '../../src-shared/model/document';
import { elementTypeInfo } from '../../src-shared/model/elementTypes';

/** The side of a handle's square (`.handle` in styles.css: 10 px, border included). */
const HANDLE_SIDE = 10;

/**
 * The width of an element's own border, as styles.css draws it (`.element-<type>`): a handle is
 * centred on the inner edge of its side's border, where its containing block starts.
 */
const borderWidth: Partial<Record<Element['type'], number>> = {
  serviceTask: 1.5,
  userTask: 1.5,
  callActivity: 3,
  subProcess: 1.5,
  service: 1.5,
  eventType: 1.5,
};

/**
 * A border's width as Chromium lays it out: rounded down to whole CSS pixels, and at least one (a
 * 1.5 px border is 1 px, on any screen).
 */
function laidOut(width: number): number {
  return width > 0 ? Math.max(1, Math.floor(width)) : 0;
}

/**
 * The size and handles an element is drawn with, known before it is drawn, where React Flow would
 * measure them: it needs them to leave out what lies outside the view (`onlyRenderVisibleElements`)
 * from the first frame, to fit the view and to route connections to elements it has not drawn.
 */
export function nodeGeometry(
  element: Element,
  size: { width: number; height: number } | undefined,
): { measured: { width: number; height: number }; handles: NodeHandle[] } {
  const info = elementTypeInfo[element.type];
  const { width, height } = size ?? info.size;
  const border = laidOut(borderWidth[element.type] ?? 0);
  const handle = { width: HANDLE_SIDE, height: HANDLE_SIDE, y: height / 2 - HANDLE_SIDE / 2 };
  const handles: NodeHandle[] = [];
  if (info.accepts.incoming) {
    handles.push({
      ...handle,
      id: null,
      type: 'target',
      position: Position.Left,
      x: border - HANDLE_SIDE / 2,
    });
  }
  if (info.accepts.outgoing) {
    handles.push({
      ...handle,
      id: null,
      type: 'source',
      position: Position.Right,
      x: width - border - HANDLE_SIDE / 2,
    });
  }
  return { measured: { width, height }, handles };
}
