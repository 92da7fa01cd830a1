import { EdgeLabelRenderer, useReactFlow } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import {
  dragSegment,
  impliedWaypoints,
  moveBend,
  removeBend,
  segmentMidpoints,
  simplifyWaypoints,
} from '../../src-shared/diagram/connectionPath';
import type { Point } from '../../src-shared/diagram/geometry';
import { useEditor, useEditorStore } from '../editor/EditorContext';
import './route.css';

/** How far (in screen pixels) a handle moves before a press becomes a drag. */
const DRAG_THRESHOLD = 3;

type Grip = { readonly kind: 'bend' | 'segment'; readonly index: number };

interface RouteHandlesProps {
  readonly connectionId: string;
  /** Where the connection leaves its source and enters its target, in diagram units. */
  readonly start: Point;
  readonly end: Point;
  /** The saved bend points (none: the connection is drawn the default way). */
  readonly waypoints: readonly Point[];
  /** Shows bends while a handle is dragged (`null`: the saved ones again). */
  readonly onPreview: (waypoints: readonly Point[] | null) => void;
}

const place = ({ x, y }: Point) => ({
  transform: `translate(-50%, -50%) translate(${x}px, ${y}px)`,
});

/**
 * The handles of a selected connection: a square on each bend (drag to move it, double-click to
 * remove it) and a small circle in the middle of each segment (drag to add a bend, or to move a
 * square segment between two bends). A drag is drawn as a preview and becomes one
 * `connections.route` when it ends. Not shown while a version is compared (read-only).
 */
export function RouteHandles({
  connectionId,
  start,
  end,
  waypoints,
  onPreview,
}: RouteHandlesProps) {
  const store = useEditorStore();
  const readOnly = useEditor((state) => state.comparison !== null);
  const { screenToFlowPosition } = useReactFlow();
  const [dragging, setDragging] = useState(false);
  // Ends a drag still under way when the handles go (the connection deselected or deleted).
  const stopDrag = useRef<(() => void) | null>(null);
  useEffect(() => () => stopDrag.current?.(), []);
  if (readOnly) return null;

  const base = waypoints.length > 0 ? waypoints : impliedWaypoints(start, end);
  const commit = (next: readonly Point[]) => {
    const simplified = simplifyWaypoints(start, next, end);
    if (JSON.stringify(simplified) === JSON.stringify(waypoints)) return;
    store.getState().run({
      type: 'connections.route',
      routes: { [connectionId]: simplified.length > 0 ? simplified : null },
    });
  };

  const beginDrag = (grip: Grip) => (event: React.PointerEvent) => {
    if (event.button !== 0) return;
    event.stopPropagation();
    const origin = { x: event.clientX, y: event.clientY };
    let latest: readonly Point[] | null = null;
    const onMove = (move: PointerEvent) => {
      const distance = Math.hypot(move.clientX - origin.x, move.clientY - origin.y);
      if (!latest && distance < DRAG_THRESHOLD) return;
      const point = screenToFlowPosition(
        { x: move.clientX, y: move.clientY },
        { snapToGrid: false },
      );
      latest =
        grip.kind === 'bend'
          ? moveBend(start, base, end, grip.index, point)
          : dragSegment(start, base, end, grip.index, point);
      setDragging(true);
      onPreview(latest);
    };
    const stop = () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', stop);
      stopDrag.current = null;
      setDragging(false);
      onPreview(null);
    };
    const onUp = () => {
      const result = latest;
      stop();
      if (result) commit(result);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', stop);
    stopDrag.current = stop;
  };

  // While dragging, the preview path shows where the route goes; the handles would be in the way.
  if (dragging) return null;
  return (
    <EdgeLabelRenderer>
      <div className="route-end" style={place(start)} />
      <div className="route-end" style={place(end)} />
      {segmentMidpoints([start, ...base, end]).map((point, index) => (
        <div
          key={`segment-${index}`}
          className="route-handle route-segment nodrag nopan"
          data-connection-id={connectionId}
          data-segment={index}
          style={place(point)}
          title="Drag to bend the connection"
          onPointerDown={beginDrag({ kind: 'segment', index })}
        />
      ))}
      {waypoints.map((point, index) => (
        <div
          key={`bend-${index}`}
          className="route-handle route-bend nodrag nopan"
          data-connection-id={connectionId}
          data-bend={index}
          style={place(point)}
          title="Drag to move the bend; double-click to remove it"
          onPointerDown={beginDrag({ kind: 'bend', index })}
          onDoubleClick={(event) => {
            event.stopPropagation();
            commit(removeBend(waypoints, index));
          }}
        />
      ))}
    </EdgeLabelRenderer>
  );
}
