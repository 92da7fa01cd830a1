import { useLayoutEffect, useRef } from 'react';

/** A key that runs a layout verb: `mod` is Ctrl (⌘ on a Mac), `alt` is Alt (⌥). */
export interface LayoutShortcut {
  /** `KeyboardEvent.code`, which does not change with Alt on a Mac (`KeyL`, not `¬`). */
  readonly code: string;
  readonly mod: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly enabled: boolean;
  readonly run: () => void;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** How a shortcut is written in a tooltip. */
export function describeShortcut({
  code,
  mod,
  alt,
  shift,
}: Omit<LayoutShortcut, 'run' | 'enabled'>) {
  const key = code.replace(/^Key/, '');
  return [mod && 'Ctrl', alt && 'Alt', shift && 'Shift', key].filter(Boolean).join('+');
}

/** Listens for the layout verbs' keys while `active` (the document in front). */
export function useLayoutShortcuts(shortcuts: readonly LayoutShortcut[], active: boolean) {
  // The latest shortcuts, without listening again on every render.
  const current = useRef(shortcuts);
  useLayoutEffect(() => {
    current.current = shortcuts;
  });
  useLayoutEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const shortcut = current.current.find(
        (candidate) =>
          candidate.code === event.code &&
          candidate.mod === mod &&
          candidate.alt === event.altKey &&
          candidate.shift === event.shiftKey,
      );
      if (!shortcut) return;
      event.preventDefault();
      if (shortcut.enabled) shortcut.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active]);
}
