import { Controls, ReactFlow, useReactFlow, type Edge } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { ConnectionEdge } from '../canvas/ConnectionEdge';
import { ElementNode, type ShownElementNode } from '../canvas/ElementNode';
import { hideEdges } from '../canvas/containerFlow';
import { toEdges, toNodes } from '../canvas/toFlow';
import { useTheme } from '../theme/useTheme';
import { nodesToShow } from './nodesToShow';
import { READ_ONLY_FLOW_PROPS } from '../canvas/readOnlyFlow';

const nodeTypes = { element: ElementNode };
/** Connections as the canvas draws them, through their bend points. */
const edgeTypes = { smoothstep: ConnectionEdge };

function linkedNodes(doc: WorkflowDocument, highlighted: ReadonlySet<string>): ShownElementNode[] {
  return toNodes(doc, []).map((node) => ({
    ...node,
    data: { ...node.data, readOnly: true },
    className: highlighted.has(node.id) ? 'is-linked' : undefined,
    draggable: false,
    connectable: false,
    selectable: false,
    deletable: false,
  }));
}

function linkedEdges(doc: WorkflowDocument, highlighted: ReadonlySet<string>): Edge[] {
  return hideEdges(doc, toEdges(doc, [])).map((edge) => ({
    ...edge,
    className: highlighted.has(edge.id) ? 'is-linked' : undefined,
    selectable: false,
    deletable: false,
  }));
}

/**
 * The counterpart document, read-only, with the elements standing for the editor's selection
 * outlined. A click on an element is reported (`onPick`), a click on the background too (null).
 * `reveal` brings the highlighted elements into view each time its serial changes.
 */
export function LinkedCanvas({
  flowId,
  doc,
  highlighted,
  reveal,
  onPick,
}: {
  flowId: string;
  doc: WorkflowDocument;
  highlighted: readonly string[];
  reveal: number;
  onPick: (id: string | null) => void;
}) {
  const { theme } = useTheme();
  const { fitView } = useReactFlow();
  const lit = useMemo(() => new Set(highlighted), [highlighted]);
  const nodes = useMemo(() => linkedNodes(doc, lit), [doc, lit]);
  const edges = useMemo(() => linkedEdges(doc, lit), [doc, lit]);

  useEffect(() => {
    if (reveal === 0) return;
    const shown = nodesToShow(doc, highlighted);
    if (shown.length === 0) return;
    void fitView({ nodes: shown, duration: 300, padding: 0.3, minZoom: 0.6, maxZoom: 1.1 });
    // Only a new request moves the view; a highlight from a click here stays where it is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal, fitView]);

  return (
    <ReactFlow
      id={flowId}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      colorMode={theme}
      {...READ_ONLY_FLOW_PROPS}
      onNodeClick={(_event, node) => onPick(node.id)}
      onEdgeClick={(_event, edge) => onPick(edge.id)}
      onPaneClick={() => onPick(null)}
      fitView
      minZoom={0.1}
      maxZoom={2}
      aria-label="Counterpart diagram"
    >
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
