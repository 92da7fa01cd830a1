import { useLayoutEffect } from 'react';
import type { MenuCommand } from '../../src-shared/contract/contract';
import type { Platform } from '../platform/Platform';
import { panelForShortcut, togglePanel, type PanelId } from './panelLayout';

const panelOfCommand: Partial<Record<MenuCommand, PanelId>> = {
  toggleSidebar: 'sidebar',
  togglePalette: 'palette',
  toggleProperties: 'properties',
  toggleProblems: 'problems',
};

/**
 * Folds and shows the panels around the canvas from the keyboard (Ctrl+B, Ctrl+Alt+P,
 * Ctrl+Alt+B, Ctrl+J) and, in the desktop app, from the View menu, whose accelerators take the
 * same keys there.
 */
export function usePanelShortcuts(platform: Platform) {
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (platform.kind === 'desktop') return;
      const panel = panelForShortcut(event);
      if (!panel) return;
      event.preventDefault();
      togglePanel(panel);
    };
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = platform.subscribe('menu.invoked', ({ command }) => {
      const panel = panelOfCommand[command];
      if (panel) togglePanel(panel);
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, [platform]);
}
