import { useLayoutEffect } from 'react';
import type { Platform } from '../platform/Platform';
import type { WorkspaceStore } from '../app/workspaceStore';

/** Whether a key press toggles the runs dashboard: Ctrl+Shift+R (⌘⇧R). */
export const isRunsShortcut = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) &&
  event.shiftKey &&
  !event.altKey &&
  event.key.toLowerCase() === 'r';

/**
 * Shows and hides the runs dashboard from the keyboard (Ctrl+Shift+R, and Escape to leave it) and,
 * in the desktop app, from the View menu, whose accelerator takes the same keys there.
 */
export function useRunsShortcuts(platform: Platform, store: WorkspaceStore) {
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { showRuns, setShowRuns } = store.getState();
      if (isRunsShortcut(event)) {
        if (platform.kind === 'desktop') return;
        // Ctrl+Shift+R would reload the page in the browser.
        event.preventDefault();
        setShowRuns(!showRuns);
      } else if (
        event.key === 'Escape' &&
        showRuns &&
        !event.defaultPrevented &&
        !document.querySelector('dialog[open]')
      ) {
        setShowRuns(false);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = platform.subscribe('menu.invoked', ({ command }) => {
      if (command === 'toggleRuns') store.getState().setShowRuns(!store.getState().showRuns);
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, [platform, store]);
}
