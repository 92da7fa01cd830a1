import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { placeElementCommand } from '../../src-shared/editing/placeElement';
import type { ElementType } from '../../src-shared/model/elementTypes';
import { useEditor, useEditorStore } from '../editor/EditorContext';

/** The canvas of the document in front (other tabs' canvases stay mounted, hidden). */
export const CANVAS_SELECTOR = '.tab-panel:not([hidden]) .canvas';

/** Adding elements from the palette: by drop point, by click-to-place, or at the view's centre. */
export function usePlacement() {
  const store = useEditorStore();
  const armed = useEditor((state) => state.placing);
  const { screenToFlowPosition } = useReactFlow();

  const addAt = useCallback(
    (type: ElementType, screen: { x: number; y: number }) => {
      const { editor, run, setPlacing } = store.getState();
      run(placeElementCommand(editor.doc, type, screenToFlowPosition(screen)));
      setPlacing(null);
    },
    [store, screenToFlowPosition],
  );

  const addAtCentre = useCallback(
    (type: ElementType) => {
      const rect = document.querySelector(CANVAS_SELECTOR)?.getBoundingClientRect();
      if (rect) addAt(type, { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    },
    [addAt],
  );

  const arm = useCallback((type: ElementType | null) => store.getState().setPlacing(type), [store]);
  return { armed, arm, addAt, addAtCentre };
}
