import { ReactFlow, useReactFlow, useStore, type Edge } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { elementTypeInfo } from '../../src-shared/model/elementTypes';
import { ConnectionEdge } from '../canvas/ConnectionEdge';
import { ElementNode, type ShownElementNode } from '../canvas/ElementNode';
import { hideEdges } from '../canvas/containerFlow';
import { READ_ONLY_FLOW_PROPS } from '../canvas/readOnlyFlow';
import { toEdges, toNodes } from '../canvas/toFlow';
import { useTheme } from '../theme/useTheme';

const nodeTypes = { element: ElementNode };
/** Connections as the canvas draws them, through their bend points. */
const edgeTypes = { smoothstep: ConnectionEdge };
/** How close the camera comes to the step shown: names read well from the back of a room. */
const STEP_ZOOM = 1.35;

/** The diagram as the presentation draws it: no notes (the caption shows them), no editing. */
function presentationNodes(doc: WorkflowDocument, currentId: string | undefined) {
  return toNodes(doc, [])
    .filter((node) => node.data.element.type !== 'annotation')
    .map((node): ShownElementNode => ({
      ...node,
      data: { ...node.data, presentation: true },
      className: node.id === currentId ? 'is-current' : undefined,
      draggable: false,
      connectable: false,
      selectable: false,
      deletable: false,
    }));
}

function presentationEdges(doc: WorkflowDocument, currentId: string | undefined): Edge[] {
  return hideEdges(doc, toEdges(doc, [])).map((edge) => ({
    ...edge,
    // The paths out of the step shown move, to show where the story goes next.
    animated: edge.source === currentId,
    className: edge.source === currentId ? 'is-leaving' : undefined,
    selectable: false,
    deletable: false,
  }));
}

/**
 * A read-only React Flow that centres and highlights the step being presented, on a plain
 * background: the dotted grid is for drawing, not for showing.
 */
export function PresentationCanvas({
  doc,
  currentId,
}: {
  doc: WorkflowDocument;
  currentId: string | undefined;
}) {
  const { theme } = useTheme();
  const { setCenter } = useReactFlow();
  // Centring needs the stage's size; it is centred again when the window is resized.
  const stageWidth = useStore((state) => state.width);
  const stageHeight = useStore((state) => state.height);
  const nodes = useMemo(() => presentationNodes(doc, currentId), [doc, currentId]);
  const edges = useMemo(() => presentationEdges(doc, currentId), [doc, currentId]);
  const shownBefore = useRef(false);

  useEffect(() => {
    const element = doc.model.elements.find((candidate) => candidate.id === currentId);
    const shape = currentId ? doc.diagram.shapes[currentId] : undefined;
    if (!element || !shape || stageWidth === 0 || stageHeight === 0) return;
    const size = elementTypeInfo[element.type].size;
    const width = shape.width ?? size.width;
    const height = shape.height ?? size.height;
    // The first step is shown at once; each next one is travelled to.
    void setCenter(shape.x + width / 2, shape.y + height / 2, {
      zoom: STEP_ZOOM,
      duration: shownBefore.current ? 450 : 0,
    });
    shownBefore.current = true;
  }, [doc, currentId, setCenter, stageWidth, stageHeight]);

  return (
    <ReactFlow
      id="presentation"
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      colorMode={theme}
      {...READ_ONLY_FLOW_PROPS}
      nodesFocusable={false}
      minZoom={0.1}
      maxZoom={3}
      aria-label="Presented diagram"
    />
  );
}
