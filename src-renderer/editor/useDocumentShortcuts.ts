import { useEffect } from 'react';
import { usePlatform } from '../platform/PlatformContext';
import { useEditorStore } from './EditorContext';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The open document's keyboard shortcuts (undo, redo, save version), also reachable from the
 * native menu in the desktop app.
 */
export function useDocumentShortcuts({ saveVersion }: { saveVersion: () => void }) {
  const store = useEditorStore();
  const platform = usePlatform();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod) return;
      const key = event.key.toLowerCase();
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
      }
    };
    // In the desktop app the menu's accelerators take these keys and arrive as menu commands.
    if (platform.kind !== 'desktop') window.addEventListener('keydown', onKeyDown);
    const unsubscribe = platform.subscribe('menu.invoked', ({ command }) => {
      if (command === 'undo') store.getState().undo();
      if (command === 'redo') store.getState().redo();
      if (command === 'saveVersion') saveVersion();
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, [platform, store, saveVersion]);
}
