import { useStoreApi, ViewportPortal, type Edge } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import type { ElementRunState } from '../../src-shared/runtime/runView';
import type { Diagnostic } from '../../src-shared/validation/Diagnostic';
import { useRunOverlay } from '../debugger/DebugContext';
import { useProblems } from '../problems/DiagnosticsContext';
import { problemMarks, runMarks } from './farMarks';
import {
  createFarSceneBuilder,
  paintFarScene,
  reachingConnections,
  type Colours,
} from './farScene';
import { farPaintRegion, type PaintRegion } from './farPaintRegion';
import type { ElementFlowNode } from './toFlow';

interface FarLayerProps {
  /** Every connection of the diagram; the layer draws those with an end it draws. */
  readonly edges: readonly Edge[];
  /** The elements React Flow does not draw: the layer draws them. */
  readonly hidden: ReadonlySet<string>;
  /** The colour theme, so that the layer paints again with its colours when it changes. */
  readonly theme: string;
}

/** How long after the zoom last changed the layer is painted again, sharp at the new zoom. */
const SETTLE_MS = 150;

interface Marked {
  readonly problems: ReadonlyMap<string, readonly Diagnostic[]>;
  readonly states: Readonly<Record<string, ElementRunState>> | undefined;
}

const sameItems = (a: readonly Edge[], b: readonly Edge[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

function resolvedColours(element: Element): Colours {
  const style = getComputedStyle(element);
  const resolved = new Map<string, string>();
  return (name) => {
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
}

/**
 * The elements and connections of a large diagram zoomed out too far to read, painted on one
 * `<canvas>` inside React Flow's viewport, behind its own nodes: a few path fills and strokes
 * instead of thousands of DOM nodes. The canvas covers the view and half of it again on each side,
 * and moves with the viewport, so that panning paints nothing until the view leaves it, and a zoom
 * paints it again only once it settles. The connections to an element React Flow draws (one being
 * dragged) are painted on their own `<svg>` path, so that the canvas stays as it is while they
 * move. It takes no pointer events: the element under the pointer is mounted as a node
 * (`useLevelOfDetail`).
 */
export function FarLayer({ edges: given, hidden, theme }: FarLayerProps) {
  // The same connections as a new list (any edit derives the list again) paint nothing anew.
  const [edges, setEdges] = useState(given);
  if (given !== edges && !sameItems(given, edges)) setEdges(given);
  // State, not a ref: the viewport's portal mounts the canvas only once React Flow has its DOM.
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  const movingRef = useRef<SVGPathElement>(null);
  const arrowsRef = useRef<SVGPathElement>(null);
  const store = useStoreApi<ElementFlowNode>();
  const problems = useProblems((state) => state.byElement);
  // The elements' states in the run shown (undefined while the document is edited).
  const states = useRunOverlay((source) => source.view?.elements);

  // What the layer paints, read when it paints (not a reason to start over).
  const inputs = useRef({ edges, hidden, problems, states });
  const repaint = useRef<(() => void) | null>(null);
  useEffect(() => {
    inputs.current = { edges, hidden, problems, states };
    repaint.current?.();
  }, [edges, hidden, problems, states]);

  useEffect(() => {
    const context = canvas?.getContext('2d');
    const moving = movingRef.current;
    const arrows = arrowsRef.current;
    if (!canvas || !context || !moving || !arrows) return;
    const colours = resolvedColours(canvas);
    const scenes = createFarSceneBuilder();
    let painted: { region: PaintRegion; still: unknown; marked: Marked } | undefined;
    // The badges and run outlines are painted again when either changed.
    const markedNow = (): Marked => ({
      problems: inputs.current.problems,
      states: inputs.current.states,
    });
    const sameMarks = (a: Marked | undefined, b: Marked) =>
      a?.problems === b.problems && a.states === b.states;
    let frame = 0;
    let later: ReturnType<typeof setTimeout> | undefined;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const paintStill = (sharpen: boolean) => {
      later = undefined;
      const { edges: shown, hidden: unshown } = inputs.current;
      const marked = markedNow();
      const { nodeLookup, transform, width, height } = store.getState();
      const ratio = window.devicePixelRatio || 1;
      const region = farPaintRegion(painted?.region, transform, width, height, ratio, sharpen);
      const still = scenes.build(nodeLookup, shown, unshown);
      canvas.dataset.elements = String(still.elementCount);
      if (
        painted?.region === region &&
        painted.still === still &&
        sameMarks(painted.marked, marked)
      ) {
        // Only the zoom changed, within what is painted: sharpen it once the zoom settles.
        if (region.zoom !== transform[2]) {
          clearTimeout(settle);
          settle = setTimeout(() => paintStill(true), SETTLE_MS);
        }
        return;
      }
      // A few elements changed (one mounted under the pointer, dropped, renamed) on a canvas
      // painted for the same view: only their areas are painted again, not the whole canvas.
      const { changes } = still;
      const sameView = painted?.region === region && sameMarks(painted.marked, marked);
      const areas = sameView && changes?.since === painted?.still ? changes?.areas : undefined;
      painted = { region, still, marked };
      if (!areas) {
        canvas.width = region.pixelWidth;
        canvas.height = region.pixelHeight;
        Object.assign(canvas.style, {
          left: `${region.x}px`,
          top: `${region.y}px`,
          width: `${region.width}px`,
          height: `${region.height}px`,
        });
      }
      const marks = {
        problems: problemMarks(marked.problems, nodeLookup, unshown),
        runs: runMarks(marked.states, nodeLookup, unshown),
      };
      canvas.dataset.runMarks = String(marks.runs.length);
      paintFarScene(context, still, region, colours, marks, areas);
    };
    /**
     * Each frame: the connections that move, on their path. The canvas, when what it shows
     * changed, in a task of its own, so that mounting the element under the pointer and painting
     * the rest without it are not one long task (the element covers its picture meanwhile).
     */
    const paint = () => {
      frame = 0;
      const { edges: shown, hidden: unshown } = inputs.current;
      const { nodeLookup, transform, width, height } = store.getState();
      const reaching = reachingConnections(nodeLookup, shown, unshown);
      moving.setAttribute('d', reaching.routes);
      arrows.setAttribute('d', reaching.arrowheads);
      const still = scenes.isCurrent(nodeLookup, shown, unshown) ? painted?.still : undefined;
      canvas.dataset.connections = String(
        (still ? scenes.build(nodeLookup, shown, unshown).connectionCount : 0) +
          reaching.connectionCount,
      );
      const ratio = window.devicePixelRatio || 1;
      const region = painted
        ? farPaintRegion(painted.region, transform, width, height, ratio, false)
        : undefined;
      if (!painted) paintStill(false);
      else if (!still || region !== painted.region || !sameMarks(painted.marked, markedNow()))
        later ??= setTimeout(() => paintStill(false), 0);
      else paintStill(false);
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(paint);
    };
    repaint.current = schedule;
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
      repaint.current = null;
      unsubscribe();
      cancelAnimationFrame(frame);
      clearTimeout(later);
      clearTimeout(settle);
    };
  }, [canvas, store, theme]);

  return (
    <ViewportPortal>
      <canvas ref={setCanvas} className="far-layer" aria-hidden="true" />
      <svg className="far-layer-moving" aria-hidden="true">
        <path ref={movingRef} className="far-layer-routes" />
        <path ref={arrowsRef} className="far-layer-arrows" />
      </svg>
    </ViewportPortal>
  );
}
