import { useLayoutEffect } from 'react';
import { useDocumentActive, useEditorStore } from '../editor/EditorContext';
import { isCollapseShortcut, toggleCollapseCommand } from './collapseCommand';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Alt+C collapses or expands the selected sub-processes of the document in front. */
export function useCollapseShortcut() {
  const store = useEditorStore();
  const active = useDocumentActive();
  useLayoutEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isCollapseShortcut(event) || isTyping(event.target)) return;
      const { editor, selection, comparison, run } = store.getState();
      if (comparison) return;
      const subProcesses = editor.doc.model.elements.filter(
        (element) => element.type === 'subProcess' && selection.includes(element.id),
      );
      if (subProcesses.length === 0) return;
      event.preventDefault();
      for (const { id } of subProcesses)
        run(toggleCollapseCommand(store.getState().editor.doc, id));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active, store]);
}
