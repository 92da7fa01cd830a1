import { useReactFlow, useStore, useStoreApi, type Edge, type ReactFlowState } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type PointerEvent } from 'react';
import { flushSync } from 'react-dom';
import { edgesForReactFlow, nodesForReactFlow, sameIds } from './levelOfDetail';
import type { ElementFlowNode } from './toFlow';
import { FAR_ZOOM } from './useFarOut';

const NONE: ReadonlySet<string> = new Set();

/** Zoomed out too far to read, or about to fit the view of a diagram that was just opened. */
const isFarOrFitting = (state: ReactFlowState) =>
  state.transform[2] < FAR_ZOOM || state.fitViewQueued;

const isUntouched = ({ transform: [x, y, zoom] }: ReactFlowState) =>
  x === 0 && y === 0 && zoom === 1;

const containers = new Set(['lane', 'group', 'subProcess']);

/**
 * The element under a point of the canvas (in flow coordinates): the topmost one, a container
 * only where nothing it contains is.
 */
function elementAt(
  lookup: ReactFlowState<ElementFlowNode>['nodeLookup'],
  point: { x: number; y: number },
): string | null {
  let found: string | null = null;
  let foundContainer: string | null = null;
  for (const node of lookup.values()) {
    const { x, y } = node.internals.positionAbsolute;
    const width = node.measured.width ?? 0;
    const height = node.measured.height ?? 0;
    if (point.x < x || point.y < y || point.x > x + width || point.y > y + height) continue;
    if (containers.has(node.data.element.type)) foundContainer = node.id;
    else found = node.id;
  }
  return found ?? foundContainer;
}

type FlowStore = ReturnType<typeof useStoreApi<ElementFlowNode>>;

/**
 * Adds the hidden elements inside a selection box (drawn with Shift) to the selection, which
 * React Flow makes of the elements it draws only: wholly inside, as its own box selects.
 */
function useBoxSelectionOfHidden(store: FlowStore, active: boolean) {
  useEffect(() => {
    if (!active) return;
    let box: NonNullable<ReactFlowState['userSelectionRect']> | null = null;
    return store.subscribe((state, previous) => {
      if (state.userSelectionRect) box = state.userSelectionRect;
      if (!previous.userSelectionActive || state.userSelectionActive || !box) return;
      const [tx, ty, zoom] = state.transform;
      const left = (box.x - tx) / zoom;
      const top = (box.y - ty) / zoom;
      const right = left + box.width / zoom;
      const bottom = top + box.height / zoom;
      box = null;
      const changes = [];
      for (const node of state.nodeLookup.values()) {
        if (!node.hidden) continue;
        const { x, y } = node.internals.positionAbsolute;
        const inside =
          x >= left &&
          y >= top &&
          x + (node.measured.width ?? 0) <= right &&
          y + (node.measured.height ?? 0) <= bottom;
        if (inside) changes.push({ id: node.id, type: 'select' as const, selected: true });
      }
      if (changes.length > 0) state.triggerNodeChanges(changes);
    });
  }, [store, active]);
}

export interface LevelOfDetail {
  /** Whether the far layer draws the elements React Flow does not. */
  readonly active: boolean;
  readonly nodes: ElementFlowNode[];
  readonly edges: Edge[];
  /** The elements React Flow is not drawing (the far layer does). */
  readonly hidden: ReadonlySet<string>;
  readonly onPointerMove: (event: PointerEvent) => void;
  readonly onPointerLeave: () => void;
}

/**
 * Level of detail for a large diagram (`enabled`) zoomed out too far to read: React Flow mounts
 * only the elements someone works with (selected, dragged, under the pointer) and the far layer
 * draws all the others in one picture. The element under the pointer is mounted as it is reached,
 * so that a press on it selects, drags, renames or connects it as at any other zoom. Until a view
 * that is to be fitted on opening (`fitOnOpen`) is fitted, it is taken as far: nothing is drawn
 * at the zoom it starts at only to be drawn again a moment later.
 */
export function useLevelOfDetail(
  nodes: ElementFlowNode[],
  edges: Edge[],
  enabled: boolean,
  fitOnOpen: boolean,
): LevelOfDetail {
  const store = useStoreApi<ElementFlowNode>();
  // The view has not moved from where it starts (0, 0, 100%): it is about to be fitted.
  const [awaitingFit, setAwaitingFit] = useState(fitOnOpen);
  const untouched = useStore(isUntouched);
  if (awaitingFit && !untouched) setAwaitingFit(false);
  const active = (useStore(isFarOrFitting) || awaitingFit) && enabled;
  // React Flow carries out a fit asked for before it could (its pane unmeasured) when it measures
  // a node; with every element painted by the far layer it measures none: carry it out here.
  useEffect(() => {
    if (!awaitingFit || !enabled) return;
    const fitWhenReady = (state: ReactFlowState<ElementFlowNode>) => {
      if (state.fitViewQueued && state.panZoom && state.width > 0 && state.height > 0) {
        state.setNodes(state.nodes);
      }
    };
    fitWhenReady(store.getState());
    return store.subscribe(fitWhenReady);
  }, [awaitingFit, enabled, store]);
  const { screenToFlowPosition } = useReactFlow();
  const [underPointer, setUnderPointer] = useState<string | null>(null);

  const shown = useMemo(() => {
    if (!active) return { nodes, hidden: NONE };
    const result = nodesForReactFlow(
      nodes,
      (node) => node.selected === true || node.dragging === true || node.id === underPointer,
    );
    return result;
  }, [active, nodes, underPointer]);
  // The same set while the same elements are hidden, so the connections are not filtered again.
  const [hidden, setHidden] = useState(NONE);
  if (!sameIds(hidden, shown.hidden)) setHidden(shown.hidden);
  useBoxSelectionOfHidden(store, active);
  const shownEdges = useMemo(
    () => (hidden.size === 0 ? edges : edgesForReactFlow(edges, hidden)),
    [edges, hidden],
  );

  const onPointerMove = useCallback(
    (event: PointerEvent) => {
      if (!active || event.buttons !== 0) return;
      const point = screenToFlowPosition(
        { x: event.clientX, y: event.clientY },
        { snapToGrid: false },
      );
      const id = elementAt(store.getState().nodeLookup, point);
      // Mounted before the next event is handled, so that a press lands on the element itself.
      if (id !== underPointer) flushSync(() => setUnderPointer(id));
    },
    [active, screenToFlowPosition, store, underPointer],
  );
  const onPointerLeave = useCallback(() => setUnderPointer(null), []);

  return {
    active,
    nodes: shown.nodes,
    edges: shownEdges,
    hidden,
    onPointerMove,
    onPointerLeave,
  };
}
