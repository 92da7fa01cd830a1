import { useCallback } from 'react';
import type { VersionSummary } from '../../src-shared/contract/contract';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { useWorkspace } from '../app/WorkspaceContext';
import { useEditorStore } from '../editor/EditorContext';
import { usePlatform } from '../platform/PlatformContext';

/**
 * What can be done with a saved version of the open document: compare it with the draft on the
 * canvas, or restore it (one undoable `document.replace`). Failures go to the error banner.
 */
export function useVersionActions() {
  const { client } = usePlatform();
  const store = useEditorStore();
  const reportError = useWorkspace((state) => state.reportError);

  const load = useCallback(
    (version: number) => client['versions.get']({ id: store.getState().workflowId, version }),
    [client, store],
  );

  const compare = useCallback(
    async (version: number) => {
      try {
        const loaded = await load(version);
        store.getState().compare(loaded.version, loaded.document);
      } catch (error) {
        reportError(error);
      }
    },
    [load, store, reportError],
  );

  /** Replaces the draft with a version's document already at hand, and ends any comparison. */
  const restoreDocument = useCallback(
    (version: VersionSummary, document: WorkflowDocument) => {
      const { run, closeComparison } = store.getState();
      run({ type: 'document.replace', document, version: version.number });
      closeComparison();
    },
    [store],
  );

  const restore = useCallback(
    async (version: number) => {
      try {
        const loaded = await load(version);
        restoreDocument(loaded.version, loaded.document);
      } catch (error) {
        reportError(error);
      }
    },
    [load, restoreDocument, reportError],
  );

  return { compare, restore, restoreDocument };
}
