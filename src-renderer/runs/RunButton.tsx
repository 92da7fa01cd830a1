import { Play } from 'lucide-react';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { RunMode } from '../../src-shared/runtime/debug';
import { useDocumentActive, useEditor, useEditorStore } from '../editor/EditorContext';
import { RunDialog } from './RunDialog';

/** Whether a key press asks for the run dialog: F5 to run, Ctrl+F5 (⌘F5) to debug. */
export function runShortcut(event: KeyboardEvent): RunMode | null {
  if (event.key !== 'F5' || event.altKey || event.shiftKey) return null;
  return event.ctrlKey || event.metaKey ? 'debug' : 'run';
}

/**
 * "Run…" in the document header: opens the run dialog for the open document. F5 opens it to run,
 * Ctrl+F5 to debug (the document in front only, and not over another dialog).
 */
export function RunButton({ workflowId }: { workflowId: string }) {
  const store = useEditorStore();
  const doc = useEditor((state) => state.editor.doc);
  const active = useDocumentActive();
  const [opened, setOpened] = useState<RunMode | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  // A layout effect: F5 works from the moment the button is on screen, not a frame later (a test
  // that pressed F5 as soon as it saw the button lost the key when React ran effects after it).
  useLayoutEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const mode = runShortcut(event);
      // While a run is attached the debugger takes F5 (continue) before it gets here.
      if (!mode || event.defaultPrevented) return;
      // F5 would reload the page in the browser: it opens the dialog instead.
      event.preventDefault();
      if (document.querySelector('dialog[open]')) return;
      setOpened(mode);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active]);

  const close = useCallback(() => {
    setOpened(null);
    button.current?.focus();
  }, []);
  const flush = useCallback(() => store.getState().flush(), [store]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="run-button"
        aria-label="Run…"
        onClick={() => setOpened('run')}
        title="Run against mock services (F5), or debug step by step (Ctrl+F5)"
      >
        <Play size={15} aria-hidden="true" />
        <span className="button-label is-kept">Run…</span>
      </button>
      {opened && (
        <RunDialog
          workflowId={workflowId}
          doc={doc}
          initialMode={opened}
          flush={flush}
          onClose={close}
        />
      )}
    </>
  );
}
