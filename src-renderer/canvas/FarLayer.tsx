import { useStoreApi, type Edge } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { buildFarScene, paintFarScene, type FarScene } from './farScene';
import type { ElementFlowNode } from './toFlow';

interface FarLayerProps {
  /** Every connection of the diagram; the layer draws those with an end it draws. */
  readonly edges: readonly Edge[];
  /** The elements React Flow does not draw: the layer draws them. */
  readonly hidden: ReadonlySet<string>;
  /** The colour theme, so that the layer paints again with its colours when it changes. */
  readonly theme: string;
}

/**
 * The elements and connections of a large diagram zoomed out too far to read, painted on one
 * `<canvas>` behind React Flow's own nodes: a few path fills and strokes per frame instead of
 * thousands of DOM nodes. Its scene is built again when the diagram changes; panning and zooming
 * only paint it again at the new transform. It takes no pointer events: the canvas mounts the
 * element under the pointer as a node (`useLevelOfDetail`).
 */
export function FarLayer({ edges, hidden, theme }: FarLayerProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi<ElementFlowNode>();

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const style = getComputedStyle(canvas);
    const resolved = new Map<string, string>();
    const colours = (name: string) => {
      let colour = resolved.get(name);
      if (colour === undefined) {
        colour =
          style.getPropertyValue(name).trim() ||
          style.getPropertyValue(`${name}-default`).trim() ||
          '#888';
        resolved.set(name, colour);
      }
      return colour;
    };
    let scene: FarScene | undefined;
    let sceneNodes: unknown;
    let frame = 0;
    const paint = () => {
      frame = 0;
      const { nodes, nodeLookup, transform, width, height } = store.getState();
      const ratio = window.devicePixelRatio || 1;
      const pixelWidth = Math.round(width * ratio);
      const pixelHeight = Math.round(height * ratio);
      if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
      if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
      if (!scene || sceneNodes !== nodes) {
        scene = buildFarScene(nodeLookup, edges, hidden);
        sceneNodes = nodes;
      }
      paintFarScene(context, scene, transform, colours, ratio);
      canvas.dataset.elements = String(scene.elementCount);
      canvas.dataset.connections = String(scene.connectionCount);
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
  }, [store, edges, hidden, theme]);

  return <canvas ref={canvasRef} className="far-layer" aria-hidden="true" />;
}
