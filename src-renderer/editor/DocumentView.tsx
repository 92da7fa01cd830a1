import { useEffect, useMemo, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { OpenedWorkflow } from '../../src-shared/contract/contract';
import { useWorkspace } from '../app/WorkspaceContext';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { Palette } from '../canvas/Palette';
import { PropertiesPanel } from '../properties/PropertiesPanel';
import { DiagnosticsProvider } from '../problems/DiagnosticsProvider';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { LayoutToolbar } from '../layout/LayoutToolbar';
import { useDocumentActive } from './EditorContext';
import './documentView.css';
import { usePlatform } from '../platform/PlatformContext';
import { createEditorStore, type EditorStore } from './editorStore';
import { EditorContext } from './EditorContext';
import { DocumentHeader } from './DocumentHeader';
import { DebugProvider } from '../debugger/DebugProvider';
import { DebugBar, DebugLegend, DebugPanel, DebugShortcuts } from '../debugger/DebugBar';
import { LinkedViewContext, type LinkedView } from '../patterns/LinkedViewContext';
import { SideBySidePane } from '../patterns/SideBySidePane';
import { useCounterpart } from '../patterns/useCounterpart';

/** Loads one workflow and shows it: header, palette and canvas. */
export function DocumentView({ workflowId }: { workflowId: string }) {
  const { client } = usePlatform();
  const reportError = useWorkspace((state) => state.reportError);
  const [store, setStore] = useState<EditorStore | null>(null);
  const [opened, setOpened] = useState<OpenedWorkflow | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const active = useDocumentActive();
  // While a run is attached, the document is the debugger on that run.
  const debugging = useWorkspace((state) => state.attachedRuns[workflowId] !== undefined);
  // The pattern lab counterpart, shown beside the canvas on request (it goes if the link goes).
  const counterpart = useCounterpart(workflowId);
  const [sideBySide, setSideBySide] = useState(false);
  const linkedView = useMemo<LinkedView>(
    () => ({
      counterpart,
      shown: sideBySide && counterpart !== null,
      show: () => setSideBySide(true),
      close: () => setSideBySide(false),
    }),
    [counterpart, sideBySide],
  );

  useEffect(() => {
    let cancelled = false;
    let created: EditorStore | undefined;
    client['workflows.open']({ id: workflowId }).then(
      (result) => {
        if (cancelled) return;
        created = createEditorStore(client, result, reportError);
        setOpened(result);
        setStore(created);
      },
      (error: unknown) =>
        !cancelled && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      cancelled = true;
      created?.getState().dispose();
    };
  }, [client, workflowId, reportError]);

  useEffect(() => {
    if (!store) return;
    const flush = () => void store.getState().flush();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [store]);

  if (failure) {
    return (
      <div className="empty-state" role="alert">
        <h1>This workflow could not be opened</h1>
        <p>{failure}</p>
      </div>
    );
  }
  if (!store || !opened)
    return (
      <div className="empty-state" aria-busy="true">
        Opening…
      </div>
    );

  return (
    <EditorContext.Provider value={store}>
      <LinkedViewContext.Provider value={linkedView}>
        <DiagnosticsProvider>
          <DebugProvider workflowId={workflowId}>
            <ReactFlowProvider>
              <section
                className="document"
                aria-label={`${opened.workflow.kind === 'flow' ? 'Flow' : 'Map'} editor`}
              >
                <DocumentHeader workflowId={workflowId} />
                <div className="document-body">
                  {!debugging && <Palette kind={opened.document.kind} />}
                  <div className="canvas-column">
                    {debugging ? (
                      <DebugBar workflowId={workflowId} />
                    ) : (
                      <LayoutToolbar active={active} />
                    )}
                    <FlowCanvas />
                    <DebugLegend kind={opened.document.kind} />
                  </div>
                  {linkedView.shown && counterpart && (
                    <SideBySidePane counterpart={counterpart} onClose={linkedView.close} />
                  )}
                  <PropertiesPanel />
                </div>
                {debugging ? <DebugPanel workflowId={workflowId} /> : <ProblemsPanel />}
                <DebugShortcuts workflowId={workflowId} />
              </section>
            </ReactFlowProvider>
          </DebugProvider>
        </DiagnosticsProvider>
      </LinkedViewContext.Provider>
    </EditorContext.Provider>
  );
}
