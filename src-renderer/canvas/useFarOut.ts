import { useStore, type ReactFlowState } from '@xyflow/react';

/** Below this zoom a name is a few pixels high and an icon less: neither can be made out. */
export const FAR_ZOOM = 0.3;

const isFarOut = (state: ReactFlowState) => state.transform[2] < FAR_ZOOM;

/**
 * Whether the canvas is zoomed out so far that elements are drawn as bare shapes: a view of
 * thousands of elements then costs a few DOM nodes each. Changes only when the zoom crosses
 * `FAR_ZOOM`, so an element re-renders for it only then.
 */
export function useFarOut(): boolean {
  return useStore(isFarOut);
}
