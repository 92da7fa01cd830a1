import type { ReactFlowProps } from '@xyflow/react';

/**
 * What makes a React Flow show a diagram without editing it (the presentation, the pattern lab's
 * counterpart): nothing moves, connects, is selected or deleted, and no key edits it.
 */
export const READ_ONLY_FLOW_PROPS = {
  defaultMarkerColor: null,
  nodesDraggable: false,
  nodesConnectable: false,
  elementsSelectable: false,
  edgesFocusable: false,
  deleteKeyCode: null,
  selectionKeyCode: null,
  multiSelectionKeyCode: null,
  zoomOnDoubleClick: false,
  proOptions: { hideAttribution: true },
} as const satisfies Partial<ReactFlowProps>;
