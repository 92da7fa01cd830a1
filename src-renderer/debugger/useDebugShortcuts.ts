import { useLayoutEffect } from 'react';
import { useDocumentActive } from '../editor/EditorContext';
import type { DebugActions } from './useDebugActions';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The debugger's keys, as in code debuggers: F9 breakpoint on the selection (also while editing),
 * F5 continue, F6 pause, F10 step, F11 step to the next element, Ctrl+F10 run to the selected
 * element, Shift+F5 stop. Only the document in front takes them.
 */
export function useDebugShortcuts(actions: DebugActions, attached: boolean) {
  const active = useDocumentActive();
  useLayoutEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey || event.metaKey) return;
      const handled = (() => {
        if (event.key === 'F9' && !event.ctrlKey && !event.shiftKey) {
          actions.toggleBreakpointOnSelection();
          return true;
        }
        if (!attached) return false;
        switch (event.key) {
          case 'F5':
            if (event.shiftKey) actions.stop();
            else if (actions.canContinue) actions.resume();
            return true;
          case 'F6':
            if (actions.canPause) actions.pause();
            return true;
          case 'F10':
            if (!actions.canStep) return true;
            if (event.ctrlKey) actions.runToSelected();
            else actions.step('event');
            return true;
          case 'F11':
            if (actions.canStep) actions.step('element');
            return true;
          default:
            return false;
        }
      })();
      if (!handled) return;
      event.preventDefault();
      // While a run is shown its keys are the debugger's: F5 continues rather than starting a run.
      event.stopPropagation();
    };
    // Taken on the way down, before the document's own keys (which listen on the way up).
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [active, actions, attached]);
}
