import { useEffect, useMemo } from 'react';
import { useEditorStore } from '../editor/EditorContext';
import { usePlatform } from '../platform/PlatformContext';
import { createDiagnosticsStore, type DiagnosticsStore } from './diagnosticsStore';

/**
 * Checks the open document (the nearest `EditorContext`) while the calling component is mounted:
 * a moment after each change that can alter the result, against the workspace's catalog and
 * flows. Returns the document's own diagnostics store; `DiagnosticsProvider` shares it.
 */
export function useDiagnostics(delayMs?: number): DiagnosticsStore {
  const { client, subscribe } = usePlatform();
  const editor = useEditorStore();
  const store = useMemo(
    () => createDiagnosticsStore({ editor, client, subscribe, delayMs }),
    [editor, client, subscribe, delayMs],
  );
  useEffect(() => store.getState().connect(), [store]);
  return store;
}
