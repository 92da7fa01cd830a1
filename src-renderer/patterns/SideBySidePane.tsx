import {
  getViewportForBounds,
  ReactFlowProvider,
  useReactFlow,
  useStoreApi,
  type ReactFlowInstance,
} from '@xyflow/react';
import { X } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PatternCounterpart } from '../../src-shared/contract/contract';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { invertMapping, linkedElementIds } from '../../src-shared/patterns/linkedElements';
import { useEditor, useEditorStore } from '../editor/EditorContext';
import { usePlatform } from '../platform/PlatformContext';
import { LinkedCanvas } from './LinkedCanvas';
import { nodesToShow } from './nodesToShow';
import './linkedView.css';
import { IconButton } from '../ui/IconButton';

const idsOf = (doc: WorkflowDocument): ReadonlySet<string> =>
  new Set([...doc.model.elements, ...doc.model.connections].map((item) => item.id));

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** An element clicked in the pane, and the editor selection that click asked for. */
interface Picked {
  readonly id: string;
  readonly selected: readonly string[];
}

/**
 * The pattern lab counterpart of the open document (what it was derived from, or what was derived
 * from it), read-only beside the canvas. What stands for the editor's selection is outlined here
 * and brought into view; a click here outlines that element and selects what stands for it on the
 * canvas. Elements edited away on either side since the derive are ignored.
 */
export function SideBySidePane({
  counterpart,
  onClose,
}: {
  counterpart: PatternCounterpart;
  onClose: () => void;
}) {
  const { client } = usePlatform();
  const store = useEditorStore();
  const { id, name, kind, updatedAt } = counterpart.workflow;
  const [doc, setDoc] = useState<WorkflowDocument | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const selection = useEditor((state) => state.selection);
  const ownDoc = useEditor((state) => state.editor.doc);
  const [picked, setPicked] = useState<Picked | null>(null);
  const pane = useRef<HTMLElement>(null);
  // The editor's canvas: the React Flow of the provider around this pane, not the pane's own.
  const editorFlow = useReactFlow();
  const editorStore = useStoreApi();
  const showOnEditor = useCallback(
    (ids?: readonly string[]) => {
      const { width, height } = editorStore.getState();
      showReadable(editorFlow, width, height, ids);
    },
    [editorFlow, editorStore],
  );

  // The counterpart's current draft, read again when it is saved (its summary's time moves on).
  useEffect(() => {
    let cancelled = false;
    client['workflows.open']({ id }).then(
      (opened) => {
        if (cancelled) return;
        setDoc(opened.document);
        setFailure(null);
      },
      (error: unknown) =>
        !cancelled && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [client, id, updatedAt]);

  useEffect(() => pane.current?.focus(), []);
  useFitEditorAround(showOnEditor);

  const ownIds = useMemo(() => idsOf(ownDoc), [ownDoc]);
  const otherIds = useMemo(() => (doc ? idsOf(doc) : new Set<string>()), [doc]);
  const backwards = useMemo(() => invertMapping(counterpart.mapping), [counterpart.mapping]);
  // A click here stays the highlight for as long as the canvas keeps the selection it asked for.
  const fromPane = picked !== null && sameIds(picked.selected, selection);
  const fromCanvas = useMemo(
    () => linkedElementIds(counterpart.mapping, selection, ownIds, otherIds),
    [counterpart.mapping, selection, ownIds, otherIds],
  );
  const highlighted = fromPane ? [picked.id] : fromCanvas;
  // Each new canvas selection with a counterpart brings it into view (an edit that keeps the
  // same highlight, such as moving the selection, leaves the view where it is).
  const [reveal, setReveal] = useState({ serial: 0, for: fromCanvas });
  if (!fromPane && !sameIds(reveal.for, fromCanvas)) {
    setReveal({
      serial: fromCanvas.length > 0 ? reveal.serial + 1 : reveal.serial,
      for: fromCanvas,
    });
  }

  const pick = (picking: string | null) => {
    pane.current?.focus();
    if (picking === null) {
      setPicked(null);
      return;
    }
    const selected = linkedElementIds(backwards, [picking], otherIds, ownIds);
    setPicked({ id: picking, selected });
    store.getState().select(selected);
    const shown = nodesToShow(ownDoc, selected);
    if (shown.length > 0) showOnEditor(shown.map((node) => node.id));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  const status = describeHighlight(
    fromPane ? picked.selected.length : fromCanvas.length,
    fromPane ? 'pane' : selection.length === 0 ? 'nothing' : 'canvas',
    selection.length,
  );

  return (
    <aside
      ref={pane}
      className="linked-view"
      aria-label={`${name} side by side`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header className="linked-view-header">
        <div className="linked-view-title">
          <h2>{name}</h2>
          <span className="linked-view-kind">
            {counterpart.role === 'source' ? 'Derived from' : 'Derived'} ·{' '}
            {kind === 'map' ? 'choreography map' : 'orchestration flow'} · read-only
          </span>
        </div>
        <IconButton
          icon={X}
          label="Close side by side"
          onClick={onClose}
          title="Close side by side (Escape)"
        />
      </header>
      <p className="linked-view-note">
        Outlined: what stands for the canvas selection in the other style. Click an element here to
        select its counterpart on the canvas.
      </p>
      <p className={`linked-view-status${status.none ? ' is-none' : ''}`} role="status">
        {status.text}
      </p>
      <div className="linked-view-canvas">
        {failure ? (
          <p role="alert">{failure}</p>
        ) : doc ? (
          <ReactFlowProvider>
            <LinkedCanvas
              flowId={`linked-view-${id}`}
              doc={doc}
              highlighted={highlighted}
              reveal={reveal.serial}
              onPick={pick}
            />
          </ReactFlowProvider>
        ) : (
          <p aria-busy="true">Opening…</p>
        )}
      </div>
    </aside>
  );
}

/**
 * Fits the editor's canvas to its diagram, no smaller than legible, once it has taken its new
 * width, when the pane opens and again when it closes: otherwise part of the diagram would sit
 * hidden beyond the narrower canvas, or the wider one be left half empty.
 */
function useFitEditorAround(fit: () => void): void {
  useEffect(() => {
    // Two frames: one for the layout to change, one for React Flow to measure it.
    const afterLayout = () => requestAnimationFrame(() => requestAnimationFrame(() => fit()));
    const opening = afterLayout();
    return () => {
      cancelAnimationFrame(opening);
      afterLayout();
    };
    // Once per opening: the pane's own renders do not move the editor's view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

/**
 * Shows these nodes (all of them by default) on a canvas as large as fits, but never so small
 * that names cannot be read: a diagram wider than the canvas is centred, to be panned.
 */
function showReadable(
  flow: ReactFlowInstance,
  width: number,
  height: number,
  ids?: readonly string[],
): void {
  const nodes = ids ? [...ids] : flow.getNodes();
  if (nodes.length === 0 || width === 0 || height === 0) return;
  const viewport = getViewportForBounds(flow.getNodesBounds(nodes), width, height, 0.6, 1, 0.15);
  void flow.setViewport(viewport, { duration: 200 });
}

/** The line under the note: what the highlight shows now. */
function describeHighlight(
  count: number,
  from: 'pane' | 'canvas' | 'nothing',
  selected: number,
): { text: string; none: boolean } {
  const elements = (n: number) => `${n} element${n === 1 ? '' : 's'}`;
  if (from === 'nothing')
    return { text: 'Select an element on the canvas, or click one here.', none: false };
  if (count === 0) {
    const which = from === 'canvas' && selected > 1 ? 'these elements' : 'this element';
    return { text: `No counterpart for ${which}`, none: true };
  }
  return from === 'pane'
    ? { text: `Its counterpart is selected on the canvas: ${elements(count)}`, none: false }
    : { text: `${elements(count)} highlighted for the canvas selection`, none: false };
}
