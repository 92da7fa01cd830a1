import { act, render } from '@testing-library/react';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { serializeDocument } from '../../src-shared/format/serializeDocument';
import { createEditorStore } from '../../src-renderer/editor/editorStore';
import { EditorContext } from '../../src-renderer/editor/EditorContext';
import { PlatformContext } from '../../src-renderer/platform/PlatformContext';
import { PropertiesPanel } from '../../src-renderer/properties/PropertiesPanel';
import { createInProcessPlatform } from './inProcessPlatform';

/**
 * The properties panel over a real editor store and the real services on in-memory SQLite:
 * `document` is imported as a file would be (its catalog joins the workspace's), opened, and the
 * panel rendered with `selection` selected.
 */
export async function renderProperties(
  document: WorkflowDocument,
  { selection = [] }: { selection?: readonly string[] } = {},
) {
  const platform = createInProcessPlatform();
  const { client } = platform;
  const summary = await client['workflows.import']({ text: serializeDocument(document) });
  const opened = await client['workflows.open']({ id: summary.id });
  const errors: unknown[] = [];
  const editor = createEditorStore(client, opened, (error) => errors.push(error));
  editor.getState().setSelection(selection);
  render(
    <PlatformContext.Provider value={platform}>
      <EditorContext.Provider value={editor}>
        <PropertiesPanel />
      </EditorContext.Provider>
    </PlatformContext.Provider>,
  );
  return {
    platform,
    workflowId: summary.id,
    editor,
    /** Errors the editor store reported (a failed autosave, a command refused after all). */
    errors,
    /** The open document as the editor holds it now. */
    doc: () => editor.getState().editor.doc,
    /** How many undoable steps the editor has recorded. */
    steps: () => editor.getState().editor.past.length,
    select: (ids: readonly string[]) => act(() => editor.getState().setSelection(ids)),
    /** Lets the last autosave land, then closes the workspace. */
    close: async () => {
      await editor.getState().flush();
      platform.core.close();
    },
  };
}
