import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ConnectionLineType,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnNodeDrag,
} from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { connectCommand } from '../../src-shared/editing/factories';
import { ElementType } from '../../src-shared/model/elementTypes';
import { canConnect } from '../../src-shared/rules/canConnect';
import { canReconnect } from '../../src-shared/rules/canReconnect';
import { useDocumentActive, useEditor, useEditorStore } from '../editor/EditorContext';
import { usePlatform } from '../platform/PlatformContext';
import { ComparisonPanel } from '../versions/ComparisonPanel';
import { comparedEdges, comparedNodes } from '../versions/comparisonFlow';
import { useTheme } from '../theme/useTheme';
import { ConnectionEdge } from './ConnectionEdge';
import { hideEdges } from './containerFlow';
import { dragEndCommand, previewDrag } from './dragPreview';
import { ElementNode } from './ElementNode';
import { FarLayer } from './FarLayer';
import { LARGE_DIAGRAM_ELEMENTS } from './levelOfDetail';
import { OverviewMap } from './OverviewMap';
import { PALETTE_MIME } from './Palette';
import { toEdges, toNodes, type ElementFlowNode } from './toFlow';
import { useCollapseShortcut } from './useCollapseShortcut';
import { usePlacement } from './usePlacement';
import { useConnectFeedback } from './useConnectFeedback';
import { createKeyboardMovePicker } from './keyboardMoves';
import { planMove } from '../../src-shared/editing/planMove';
import { useLevelOfDetail } from './useLevelOfDetail';
import { useRunSessionStore } from '../debugger/DebugContext';
import './canvas.css';

const nodeTypes = { element: ElementNode };
const edgeTypes = { smoothstep: ConnectionEdge };

const minimapColors: Partial<Record<ElementType, string>> = {
  startEvent: '#2f9e59',
  endEvent: '#c62f3b',
  exclusiveGateway: '#b7791f',
  service: '#3567c7',
  eventType: '#c9861a',
};
const minimapColor = (node: ElementFlowNode) => minimapColors[node.data.element.type] ?? '#5c6475';

/** The connections, with those selected but leading out of the `selected` elements deselected. */
function deselectLeaving(edges: Edge[], selected: ReadonlySet<string>): Edge[] {
  return edges.map((edge) =>
    edge.selected && !(selected.has(edge.source) && selected.has(edge.target))
      ? { ...edge, selected: false }
      : edge,
  );
}

/** The items with their selection set to `wanted`; an item whose selection stays is kept. */
function reselect<T extends { id: string; selected?: boolean }>(items: T[], wanted: Set<string>) {
  return items.map((item) =>
    (item.selected ?? false) === wanted.has(item.id)
      ? item
      : { ...item, selected: wanted.has(item.id) },
  );
}

/**
 * The diagram. The document is the truth; React Flow's nodes are derived from it and only hold
 * ephemeral state (selection, a drag in progress). A drag becomes one `nodes.move` when it ends.
 */
export function FlowCanvas() {
  const store = useEditorStore();
  const doc = useEditor((state) => state.editor.doc);
  const armed = useEditor((state) => state.placing);
  const { addAt } = usePlacement();
  const { fitView, setCenter, getNodes } = useReactFlow();
  const focusRequest = useEditor((state) => state.focusRequest);
  const platform = usePlatform();
  // While a saved version is compared, the canvas shows the differences and is read-only.
  const comparison = useEditor((state) => state.comparison);
  // While the debugger shows a run, the canvas is read-only too (the run is pinned to its start).
  const debugging = useRunSessionStore() !== null;
  const readOnly = comparison !== null || debugging;
  const { theme } = useTheme();
  const [nodes, setNodes] = useState<ElementFlowNode[]>(() => toNodes(doc, []));
  const [edges, setEdges] = useState<Edge[]>(() => hideEdges(doc, toEdges(doc, [])));
  // A large diagram far out is painted in one picture but for what is worked with (read-only while
  // comparing, where every element shows how it changed).
  const large = doc.model.elements.length >= LARGE_DIAGRAM_ELEMENTS;

  // Fit a drawn diagram once when it opens; an empty one keeps the default view so that the first
  // element lands exactly where it was dropped.
  const [fitOnOpen] = useState(() => doc.model.elements.length > 0);
  const detail = useLevelOfDetail(nodes, edges, large && !comparison, fitOnOpen);
  const [derivedFrom, setDerivedFrom] = useState({ doc, comparison });
  if (derivedFrom.doc !== doc || derivedFrom.comparison !== comparison) {
    // The document changed (an edit, undo, redo): derive the canvas again, keeping its selection.
    setDerivedFrom({ doc, comparison });
    setNodes((previous) => comparedNodes(doc, previous, comparison));
    setEdges((previous) => hideEdges(doc, comparedEdges(doc, previous, comparison)));
  }

  const active = useDocumentActive();
  useCollapseShortcut();
  useEffect(
    () =>
      active
        ? platform.subscribe('menu.invoked', ({ command }) => {
            if (command === 'fitView') void fitView({ duration: 200, includeHiddenNodes: true });
          })
        : undefined,
    [active, platform, fitView],
  );

  // Select and centre what was asked for (a problem clicked in the problems panel).
  const [handledFocus, setHandledFocus] = useState(focusRequest);
  if (focusRequest && focusRequest !== handledFocus) {
    setHandledFocus(focusRequest);
    setNodes((current) =>
      current.map((node) => ({ ...node, selected: node.id === focusRequest.id })),
    );
    setEdges((current) =>
      current.map((edge) => ({ ...edge, selected: edge.id === focusRequest.id })),
    );
  }
  // Select exactly what was asked for (Ctrl+A, Escape).
  const selectRequest = useEditor((state) => state.selectRequest);
  const [handledSelect, setHandledSelect] = useState(selectRequest);
  if (selectRequest && selectRequest !== handledSelect) {
    setHandledSelect(selectRequest);
    const wanted = new Set(selectRequest.ids);
    setNodes((current) => reselect(current, wanted));
    setEdges((current) => reselect(current, wanted));
    store.getState().setSelection(selectRequest.ids);
  }

  useEffect(() => {
    if (!focusRequest) return;
    store.getState().setSelection([focusRequest.id]);
    const shape = store.getState().editor.doc.diagram.shapes[focusRequest.id];
    if (shape) void setCenter(shape.x + 60, shape.y + 30, { zoom: 1.2, duration: 250 });
  }, [focusRequest, setCenter, store]);

  // A box selects what lies inside it: a connection only when both its ends are selected too
  // (React Flow's box also takes the connections leading out of it).
  const onSelectionEnd = useCallback(() => {
    const selected = new Set(getNodes().flatMap((node) => (node.selected ? [node.id] : [])));
    setEdges((current) => deselectLeaving(current, selected));
  }, [getNodes]);

  const onSelectionChange = useCallback(
    ({ nodes: picked, edges: pickedEdges }: { nodes: ElementFlowNode[]; edges: Edge[] }) =>
      store.getState().setSelection([...picked, ...pickedEdges].map((item) => item.id)),
    [store],
  );

  const [pickKeyboardMoves] = useState(createKeyboardMovePicker);
  const onNodesChange = useCallback(
    (changes: NodeChange<ElementFlowNode>[]) => {
      // Removal goes through the command below so it can be undone.
      const kept = changes.filter((change) => change.type !== 'remove');
      // A drag carries what depends on the dragged elements along, live.
      const { doc: current } = store.getState().editor;
      setNodes((nodes) => previewDrag(current, applyNodeChanges(kept, nodes), kept));
      // A nudge with the arrow keys is recorded at once, carrying the same dependents.
      const moves = pickKeyboardMoves(changes);
      if (moves.length > 0) store.getState().run(planMove(current, moves, { memberships: true }));
    },
    [store, pickKeyboardMoves],
  );
  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    setEdges((current) =>
      applyEdgeChanges(
        changes.filter((change) => change.type !== 'remove'),
        current,
      ),
    );
  }, []);

  const onNodeDragStop: OnNodeDrag<ElementFlowNode> = useCallback(
    (_event, _node, dragged) => {
      const { editor, run } = store.getState();
      const command = dragEndCommand(editor.doc, dragged);
      if (command) run(command);
    },
    [store],
  );

  const { onConnectStart, onConnectEnd } = useConnectFeedback(store, setNodes);

  // The connection whose end is being dragged to another element, if any (ephemeral).
  const reconnecting = useRef<string | null>(null);
  const isValidConnection: IsValidConnection = useCallback(
    (connection) => {
      const { doc } = store.getState().editor;
      return reconnecting.current
        ? canReconnect(doc, reconnecting.current, connection.source, connection.target).allowed
        : canConnect(doc, connection.source, connection.target).allowed;
    },
    [store],
  );

  // Dropping a connection's end on another element is one `connections.update`; dropping it on
  // nothing leaves the connection as it was.
  const onReconnect = useCallback(
    (edge: Edge, connection: Connection) => {
      const { editor, run } = store.getState();
      const current = editor.doc.model.connections.find((item) => item.id === edge.id);
      if (!current) return;
      if (current.source === connection.source && current.target === connection.target) return;
      run({
        type: 'connections.update',
        connection: { ...current, source: connection.source, target: connection.target },
      });
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const { editor, run } = store.getState();
      run(connectCommand(editor.doc, connection.source, connection.target));
    },
    [store],
  );

  const onDelete = useCallback(
    ({ nodes: removedNodes, edges: removedEdges }: { nodes: ElementFlowNode[]; edges: Edge[] }) => {
      const ids = [...removedNodes, ...removedEdges].map((item) => item.id);
      if (ids.length > 0) store.getState().run({ type: 'elements.delete', ids });
    },
    [store],
  );

  const onDrop = useCallback(
    (event: React.DragEvent) => {
      const type = ElementType.safeParse(event.dataTransfer.getData(PALETTE_MIME));
      if (!type.success) return;
      event.preventDefault();
      addAt(type.data, { x: event.clientX, y: event.clientY });
    },
    [addAt],
  );

  return (
    <div
      className={`canvas${armed ? ' is-placing' : ''}${comparison ? ' is-comparing' : ''}${debugging ? ' is-debugging' : ''}`}
      // Comparing and debugging are read-only: a double-click must not start renaming an element.
      onDoubleClickCapture={readOnly ? (event) => event.stopPropagation() : undefined}
      onPointerMove={detail.onPointerMove}
      onPointerLeave={detail.onPointerLeave}
    >
      <ReactFlow
        id={`canvas-${store.getState().workflowId}`}
        nodes={detail.nodes}
        edges={detail.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        // Moving a connection's end has React Flow's own marks on the handles (see `onReconnect`).
        onConnectStart={(event, params) => reconnecting.current ?? onConnectStart(event, params)}
        onConnectEnd={onConnectEnd}
        connectionLineType={ConnectionLineType.SmoothStep}
        onDelete={onDelete}
        onSelectionChange={onSelectionChange}
        onSelectionEnd={onSelectionEnd}
        isValidConnection={isValidConnection}
        edgesReconnectable={!readOnly}
        onReconnect={readOnly ? undefined : onReconnect}
        onReconnectStart={(_event, edge) => (reconnecting.current = edge.id)}
        onReconnectEnd={() => (reconnecting.current = null)}
        onDragOver={(event) => {
          if (event.dataTransfer.types.includes(PALETTE_MIME)) {
            event.preventDefault();
            event.dataTransfer.dropEffect = 'copy';
          }
        }}
        onDrop={debugging ? undefined : onDrop}
        onPaneClick={(event) => armed && addAt(armed, { x: event.clientX, y: event.clientY })}
        // Click-to-place also lands on an element: into a sub-process or lane, onto a task.
        onNodeClick={(event) => armed && addAt(armed, { x: event.clientX, y: event.clientY })}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        zoomOnDoubleClick={false}
        // A selected container stays behind its contents, a selected task under its boundary events.
        elevateNodesOnSelect={false}
        snapToGrid
        snapGrid={[8, 8]}
        fitView={fitOnOpen}
        fitViewOptions={{ maxZoom: 1.2, padding: 0.2, includeHiddenNodes: true }}
        minZoom={0.1}
        maxZoom={3}
        proOptions={{ hideAttribution: true }}
        onlyRenderVisibleElements
        colorMode={theme}
        defaultMarkerColor={null}
        aria-label="Diagram"
      >
        <Background gap={16} size={1} />
        {detail.active && <FarLayer edges={edges} hidden={detail.hidden} theme={theme} />}
        {large ? (
          <OverviewMap ariaLabel="Overview" nodeColor={minimapColor} theme={theme} />
        ) : (
          <MiniMap pannable zoomable ariaLabel="Overview" nodeColor={minimapColor} />
        )}
        <Controls fitViewOptions={{ includeHiddenNodes: true }} />
      </ReactFlow>
      {comparison && <ComparisonPanel comparison={comparison} />}
      {doc.model.elements.length === 0 && (
        <div className="canvas-hint" aria-live="polite">
          Drag an element from the palette onto the canvas, or click one and then click here.
        </div>
      )}
    </div>
  );
}
