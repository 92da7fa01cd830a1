import { useLayoutEffect } from 'react';
import { usePlatform } from '../platform/PlatformContext';
import { useWorkspace } from '../app/WorkspaceContext';
import { copy, duplicate, paste } from './clipboard';
import { useDocumentActive, useEditorStore } from './EditorContext';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The open document's keyboard shortcuts (undo, redo, save version, select all, copy, paste,
 * duplicate, Escape to drop the selection), the first three also reachable from the native menu in
 * the desktop app.
 */
export function useDocumentShortcuts({ saveVersion }: { saveVersion: () => void }) {
  const store = useEditorStore();
  const platform = usePlatform();
  const active = useDocumentActive();
  const reportError = useWorkspace((state) => state.reportError);

  useLayoutEffect(() => {
    // Only the document in front takes the keyboard and the menu.
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (event.key === 'Escape' && !mod && !isTyping(event.target) && !event.defaultPrevented) {
        // Escape first drops an armed palette element, then the selection.
        const { placing, setPlacing, selection, select } = store.getState();
        if (placing) setPlacing(null);
        else if (selection.length > 0) select([]);
        return;
      }
      if (!mod) return;
      const key = event.key.toLowerCase();
      // In the desktop app the menu's accelerators take undo, redo and save.
      if (platform.kind === 'desktop' && ['s', 'z', 'y'].includes(key)) return;
      if (key === 's') {
        event.preventDefault();
        saveVersion();
      } else if (isTyping(event.target)) {
        return;
      } else if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        store.getState().undo();
      } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
        event.preventDefault();
        store.getState().redo();
      } else if (key === 'a' && !event.shiftKey && !event.altKey) {
        event.preventDefault();
        const { model } = store.getState().editor.doc;
        store.getState().select([...model.elements, ...model.connections].map((item) => item.id));
      } else if (key === 'c') {
        if (copy(store) > 0) event.preventDefault();
      } else if (key === 'v') {
        event.preventDefault();
        paste(store, reportError);
      } else if (key === 'd') {
        event.preventDefault();
        duplicate(store, reportError);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = platform.subscribe('menu.invoked', ({ command }) => {
      if (command === 'undo') store.getState().undo();
      if (command === 'redo') store.getState().redo();
      if (command === 'saveVersion') saveVersion();
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, [active, platform, store, saveVersion, reportError]);
}
