import { Panel, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef, type PointerEvent, type WheelEvent } from 'react';
import type { ElementFlowNode } from './toFlow';

const WIDTH = 200;
const HEIGHT = 150;

interface OverviewMapProps {
  readonly nodeColor: (node: ElementFlowNode) => string;
  readonly ariaLabel: string;
  /** The colour theme, so that the map paints again with its colours when it changes. */
  readonly theme: string;
}

interface Placement {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

type FlowState = ReturnType<ReturnType<typeof useStoreApi<ElementFlowNode>>['getState']>;

/** Where the map shows the diagram and the view: flow point = map point × scale + (x, y). */
function placement({ nodeLookup, transform: [tx, ty, zoom], width, height }: FlowState): Placement {
  const view = { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
  let left = view.x;
  let top = view.y;
  let right = view.x + view.width;
  let bottom = view.y + view.height;
  for (const node of nodeLookup.values()) {
    const { x, y } = node.internals.positionAbsolute;
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + (node.measured.width ?? 0));
    bottom = Math.max(bottom, y + (node.measured.height ?? 0));
  }
  const scale = Math.max((right - left) / WIDTH, (bottom - top) / HEIGHT) || 1;
  return {
    scale,
    x: left - (WIDTH * scale - (right - left)) / 2,
    y: top - (HEIGHT * scale - (bottom - top)) / 2,
  };
}

/**
 * The overview of a large diagram: React Flow's minimap painted on one `<canvas>` (every element a
 * rectangle in its colour, the view outlined) instead of an SVG element per element that follows
 * the store. Dragging on it pans the canvas, a click centres the canvas there, the wheel zooms.
 */
export function OverviewMap({ nodeColor, ariaLabel, theme }: OverviewMapProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi<ElementFlowNode>();
  const { setViewport } = useReactFlow();
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const style = getComputedStyle(canvas);
    const variable = (name: string) =>
      style.getPropertyValue(name).trim() || style.getPropertyValue(`${name}-default`).trim();
    const mask = variable('--xy-minimap-mask-background-color');
    let frame = 0;
    let shapes: { nodes: unknown; drawn: unknown[]; byColour: Map<string, Path2D> } | undefined;
    /** What a node's rectangle is made of: it is drawn again only when one of these changed. */
    const drawnOf = (state: FlowState) => {
      const drawn: unknown[] = [];
      for (const node of state.nodeLookup.values()) {
        const { x, y } = node.internals.positionAbsolute;
        drawn.push(node.id, x, y, node.measured.width, node.measured.height, node.data);
      }
      return drawn;
    };
    /**
     * Every element a rectangle, by colour: made again only when an element moved, changed or
     * came or went, not when one is selected, hovered or mounted (a new `nodes` all the same).
     */
    const shapesByColour = (state: FlowState) => {
      if (shapes?.nodes === state.nodes) return shapes.byColour;
      const drawn = drawnOf(state);
      if (shapes?.drawn.length === drawn.length && shapes.drawn.every((v, i) => v === drawn[i])) {
        shapes.nodes = state.nodes;
        return shapes.byColour;
      }
      const byColour = new Map<string, Path2D>();
      for (const node of state.nodeLookup.values()) {
        const colour = nodeColor(node.internals.userNode);
        let path = byColour.get(colour);
        if (!path) byColour.set(colour, (path = new Path2D()));
        const { x: left, y: top } = node.internals.positionAbsolute;
        path.rect(left, top, node.measured.width ?? 0, node.measured.height ?? 0);
      }
      shapes = { nodes: state.nodes, drawn, byColour };
      return byColour;
    };
    const paint = () => {
      frame = 0;
      const state = store.getState();
      const ratio = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(WIDTH * ratio)) canvas.width = Math.round(WIDTH * ratio);
      if (canvas.height !== Math.round(HEIGHT * ratio)) canvas.height = Math.round(HEIGHT * ratio);
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, canvas.width, canvas.height);
      const { scale, x, y } = placement(state);
      context.setTransform(
        ratio / scale,
        0,
        0,
        ratio / scale,
        (-x * ratio) / scale,
        (-y * ratio) / scale,
      );
      for (const [colour, path] of shapesByColour(state)) {
        context.fillStyle = colour;
        context.fill(path);
      }
      const [tx, ty, zoom] = state.transform;
      const outside = new Path2D();
      outside.rect(x, y, WIDTH * scale, HEIGHT * scale);
      outside.rect(-tx / zoom, -ty / zoom, state.width / zoom, state.height / zoom);
      context.fillStyle = mask;
      context.fill(outside, 'evenodd');
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(paint);
    };
    schedule();
    const unsubscribe = store.subscribe((state, previous) => {
      if (
        state.transform !== previous.transform ||
        state.nodes !== previous.nodes ||
        state.width !== previous.width ||
        state.height !== previous.height
      ) {
        schedule();
      }
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store, nodeColor, theme]);

  /** Moves the view so that its centre is at flow point (x, y), keeping the zoom. */
  const centreOn = (x: number, y: number) => {
    const { width, height, transform } = store.getState();
    const zoom = transform[2];
    void setViewport({ x: width / 2 - x * zoom, y: height / 2 - y * zoom, zoom });
  };
  const flowPoint = (event: { clientX: number; clientY: number }) => {
    const box = canvasRef.current!.getBoundingClientRect();
    const { scale, x, y } = placement(store.getState());
    return { x: (event.clientX - box.left) * scale + x, y: (event.clientY - box.top) * scale + y };
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY, moved: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const from = drag.current;
    if (!from) return;
    const { scale } = placement(store.getState());
    const [tx, ty, zoom] = store.getState().transform;
    const dx = (event.clientX - from.x) * scale * zoom;
    const dy = (event.clientY - from.y) * scale * zoom;
    drag.current = { x: event.clientX, y: event.clientY, moved: true };
    void setViewport({ x: tx - dx, y: ty - dy, zoom });
  };
  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    const from = drag.current;
    drag.current = null;
    if (from && !from.moved) {
      const point = flowPoint(event);
      centreOn(point.x, point.y);
    }
  };
  const onWheel = (event: WheelEvent<HTMLCanvasElement>) => {
    const { width, height, transform, minZoom, maxZoom } = store.getState();
    const [tx, ty, zoom] = transform;
    const next = Math.min(maxZoom, Math.max(minZoom, zoom * 2 ** (-event.deltaY * 0.002)));
    // Zoom around the middle of the view.
    const centre = { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom };
    void setViewport({
      x: width / 2 - centre.x * next,
      y: height / 2 - centre.y * next,
      zoom: next,
    });
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap overview-map">
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={ariaLabel}
        style={{ width: WIDTH, height: HEIGHT, display: 'block', touchAction: 'none' }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (drag.current = null)}
        onWheel={onWheel}
      />
    </Panel>
  );
}
