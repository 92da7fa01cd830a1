import { Download, Redo2, Undo2 } from 'lucide-react';
import { useCallback, useState } from 'react';
import { useWorkspace } from '../app/WorkspaceContext';
import { EngineExportMenu } from '../export/EngineExportMenu';
import { ExportMenu } from '../export/ExportMenu';
import { usePlatform } from '../platform/PlatformContext';
import { PatternLabMenu } from '../patterns/PatternLabMenu';
import { PresentButton } from '../presentation/PresentButton';
import { RunButton } from '../runs/RunButton';
import { DebugMenu } from '../debugger/DebugMenu';
import { downloadText } from '../ui/downloadText';
import { VersionHistory } from '../versions/VersionHistory';
import { useEditor, useEditorStore } from './EditorContext';
import { SaveStatusBadge } from './SaveStatusBadge';
import { useDocumentShortcuts } from './useDocumentShortcuts';
import { IconButton } from '../ui/IconButton';

/**
 * Name, save status, "Run…", "Present", undo/redo, "Export", the "Image", "Formats" and "Pattern lab" menus and "Save
 * version" for the open document.
 */
export function DocumentHeader({ workflowId }: { workflowId: string }) {
  const { client } = usePlatform();
  const store = useEditorStore();
  const workflow = useWorkspace((state) => state.workflows.find((item) => item.id === workflowId));
  const refresh = useWorkspace((state) => state.refresh);
  const reportError = useWorkspace((state) => state.reportError);
  const canUndo = useEditor((state) => state.editor.past.length > 0);
  const canRedo = useEditor((state) => state.editor.future.length > 0);
  const [versionNote, setVersionNote] = useState<string | null>(null);

  const saveVersion = useCallback(async () => {
    try {
      await store.getState().flush();
      const version = await client['versions.create']({ id: workflowId });
      setVersionNote(`Version ${version.number} saved`);
      await refresh();
    } catch (error) {
      reportError(error);
    }
  }, [client, store, workflowId, refresh, reportError]);
  const saveVersionNow = useCallback(() => void saveVersion(), [saveVersion]);

  const exportDocument = useCallback(async () => {
    try {
      await store.getState().flush();
      const { fileName, text } = await client['workflows.export']({ id: workflowId });
      downloadText(fileName, text);
    } catch (error) {
      reportError(error);
    }
  }, [client, store, workflowId, reportError]);
  useDocumentShortcuts({ saveVersion: saveVersionNow });

  return (
    <header className="document-header">
      {/* The name gives way (ellipsis) before the commands wrap. */}
      <div className="document-heading">
        <h1 className="document-title" title={workflow?.name}>
          {workflow?.name ?? '…'}
        </h1>
        <span className="document-kind">
          {workflow?.kind === 'map' ? 'Choreography map' : 'Orchestration flow'}
        </span>
        <SaveStatusBadge />
      </div>
      <div className="document-actions">
        <RunButton workflowId={workflowId} />
        <DebugMenu workflowId={workflowId} />
        <PresentButton workflowId={workflowId} />
        <IconButton
          icon={Undo2}
          label="Undo"
          title="Undo (Ctrl+Z)"
          onClick={() => store.getState().undo()}
          disabled={!canUndo}
        />
        <IconButton
          icon={Redo2}
          label="Redo"
          title="Redo (Ctrl+Y)"
          onClick={() => store.getState().redo()}
          disabled={!canRedo}
        />
        <button
          type="button"
          onClick={() => void exportDocument()}
          aria-label="Export"
          title="Download as a Baton JSON file"
        >
          <Download size={14} aria-hidden="true" />
          <span className="button-label">Export</span>
        </button>
        <ExportMenu workflowId={workflowId} />
        <EngineExportMenu workflowId={workflowId} />
        <PatternLabMenu workflowId={workflowId} />
        <button
          type="button"
          className="primary"
          onClick={saveVersionNow}
          title="Save version (Ctrl+S)"
        >
          Save version
        </button>
        {/* Only what just happened ("Saved version 2"); the count is in History's title. */}
        <span className="version-note" role="status">
          {versionNote}
        </span>
        <VersionHistory workflowId={workflowId} />
      </div>
    </header>
  );
}
