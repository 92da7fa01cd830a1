import { useCallback } from 'react';
import { applyCommand, type Command } from '../../src-shared/editing/commands';
import { useEditorStore } from '../editor/EditorContext';

/**
 * Runs one command through the editor's history and returns `null`, or, when the command does
 * not fit the document, returns why in words and runs nothing, so the field that asked can show
 * it next to itself instead of in the window's error banner.
 */
export function useRunCommand(): (command: Command) => string | null {
  const store = useEditorStore();
  return useCallback(
    (command: Command) => {
      const { editor, run } = store.getState();
      try {
        applyCommand(editor.doc, command);
      } catch (error) {
        return `Not applied: ${error instanceof Error ? error.message : String(error)}`;
      }
      run(command);
      return null;
    },
    [store],
  );
}
