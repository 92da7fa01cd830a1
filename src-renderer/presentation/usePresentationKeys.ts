import { useLayoutEffect } from 'react';

export interface PresentationKeys {
  readonly next: () => void;
  readonly previous: () => void;
  readonly leave: () => void;
}

/**
 * → and Space go on, ← goes back, Escape leaves. While presenting, the presentation owns the
 * keyboard: keys are caught on their way down, before the editor underneath (its undo, its
 * Delete) can see them. Space and Enter on a focused button still press that button.
 */
export function usePresentationKeys({ next, previous, leave }: PresentationKeys): void {
  useLayoutEffect(() => {
    const actions = new Map<string, () => void>([
      ['ArrowRight', next],
      [' ', next],
      ['ArrowLeft', previous],
      ['Escape', leave],
    ]);
    const onKeyDown = (event: KeyboardEvent) => {
      event.stopPropagation();
      const action = actions.get(event.key);
      if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === ' ' && event.target instanceof HTMLButtonElement) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [next, previous, leave]);
}
