import { useCallback, useMemo, useState } from 'react';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { useEditor, useEditorStore } from '../editor/EditorContext';
import {
  alignCommand,
  arrangeableBoxes,
  distributeCommand,
  MIN_TO_ALIGN,
  MIN_TO_DISTRIBUTE,
  type AlignEdge,
  type DistributeAxis,
} from './alignDistribute';
import { autoLayout } from './autoLayout';
import { workerElk } from './workerElk';

/** Lays out in the worker when one runs, else (or when it fails to start) on this thread. */
async function layOut(doc: WorkflowDocument, ids: readonly string[] | undefined) {
  const elk = workerElk();
  if (elk) {
    try {
      return await autoLayout(doc, { ids, elk });
    } catch {
      // The worker could not run ELK: do it here, where a real layout error shows itself.
    }
  }
  return autoLayout(doc, { ids });
}

/**
 * The layout verbs for the open document, each one undoable step through the editor store:
 * auto-layout (the selection when it holds two elements or more, else the whole diagram), align
 * and distribute, with whether each applies to the current selection.
 */
export function useLayoutActions() {
  const store = useEditorStore();
  const doc = useEditor((state) => state.editor.doc);
  const selection = useEditor((state) => state.selection);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const arrangeable = useMemo(() => arrangeableBoxes(doc, selection).length, [doc, selection]);

  const runAutoLayout = useCallback(async () => {
    const { editor, selection: selected } = store.getState();
    const before = editor.doc;
    const picked = new Set(selected);
    const selectedElements = before.model.elements.filter((element) => picked.has(element.id));
    const ids = selectedElements.length >= 2 ? selected : undefined;
    setBusy(true);
    setFailure(null);
    try {
      const command = await layOut(before, ids);
      // An edit made while ELK worked wins: its layout was for a document that is gone.
      if (command && store.getState().editor.doc === before) store.getState().run(command);
    } catch (error) {
      setFailure(`Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }, [store]);

  const align = useCallback(
    (edge: AlignEdge) => {
      const { editor, selection: selected, run } = store.getState();
      const command = alignCommand(editor.doc, selected, edge);
      if (command) run(command);
    },
    [store],
  );

  const distribute = useCallback(
    (axis: DistributeAxis) => {
      const { editor, selection: selected, run } = store.getState();
      const command = distributeCommand(editor.doc, selected, axis);
      if (command) run(command);
    },
    [store],
  );

  return {
    autoLayout: runAutoLayout,
    align,
    distribute,
    busy,
    failure,
    canAutoLayout: !busy && doc.model.elements.length > 0,
    canAlign: arrangeable >= MIN_TO_ALIGN,
    canDistribute: arrangeable >= MIN_TO_DISTRIBUTE,
  };
}
