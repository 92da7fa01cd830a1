import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Platform } from '../platform/Platform';
import { PlatformContext } from '../platform/PlatformContext';
import { Sidebar } from '../sidebar/Sidebar';
import { ErrorBanner } from '../ui/ErrorBanner';
import { useWorkspace, WorkspaceContext } from './WorkspaceContext';
import { createWorkspaceStore } from './workspaceStore';
import { EmptyState } from './EmptyState';
import { TabBar } from './TabBar';
import { DocumentActiveContext } from '../editor/EditorContext';
import { usePanelLayout } from './panelLayout';
import { usePanelShortcuts } from './usePanelShortcuts';
import './panels.css';
import { preloadDocumentView, useDocumentViewModule } from './useDocumentViewModule';
import { RunsDashboard } from '../runs/RunsDashboard';
import { useRunsShortcuts } from '../runs/useRunsShortcuts';

/** Runs `task` when the window has nothing else to do (soon, where it cannot tell). */
function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(task, { timeout: 2_000 });
    return () => window.cancelIdleCallback(id);
  }
  const timer = setTimeout(task, 0);
  return () => clearTimeout(timer);
}

/** The whole window: the workspace's list on the left, the open document on the right. */
export function App({ platform }: { platform: Platform }) {
  const store = useMemo(() => createWorkspaceStore(platform.client), [platform]);
  const loaded = useStore(store, (state) => state.loaded);
  const showRuns = useStore(store, (state) => state.showRuns);
  const { sidebar } = usePanelLayout();
  usePanelShortcuts(platform);
  useRunsShortcuts(platform, store);

  useEffect(() => {
    // Start-up is measured to here: the workspace listed and the app ready for input.
    if (loaded) performance.mark('baton:interactive');
  }, [loaded]);

  // The canvas (React Flow and the editor) is loaded after start-up, so the window is interactive
  // sooner and the first document opens without waiting for it.
  useEffect(() => (loaded ? whenIdle(() => void preloadDocumentView()) : undefined), [loaded]);

  useEffect(() => {
    void store.getState().refresh();
    return platform.subscribe('workflows.changed', () => void store.getState().refresh());
  }, [platform, store]);

  useEffect(
    () =>
      platform.subscribe('menu.invoked', ({ command }) => {
        if (command === 'newFlow') void store.getState().create('flow');
        if (command === 'newMap') void store.getState().create('map');
      }),
    [platform, store],
  );

  return (
    <PlatformContext.Provider value={platform}>
      <WorkspaceContext.Provider value={store}>
        <div
          className={`app${sidebar ? '' : ' is-sidebar-folded'}`}
          data-ready={loaded || undefined}
        >
          <Sidebar />
          {/* The runs dashboard covers the documents, which stay mounted (undo, view) behind it. */}
          <main className={`app-main${showRuns ? ' is-showing-runs' : ''}`}>
            <ErrorBanner />
            {showRuns && <RunsDashboard />}
            <TabBar />
            <OpenDocuments />
          </main>
        </div>
      </WorkspaceContext.Provider>
    </PlatformContext.Provider>
  );
}

/**
 * Every open tab's document stays mounted (its undo history and view live on); only the active
 * one is shown and takes the keyboard.
 */
function OpenDocuments() {
  const openId = useWorkspace((state) => state.openId);
  const tabs = useWorkspace((state) => state.tabs);
  const loaded = useWorkspace((state) => state.loaded);
  const count = useWorkspace((state) => state.workflows.length);
  const showRuns = useWorkspace((state) => state.showRuns);
  const { module, failure } = useDocumentViewModule(openId !== null);
  if (!openId) return <EmptyState loaded={loaded} hasWorkflows={count > 0} />;
  if (failure) {
    return (
      <div className="empty-state" role="alert">
        <h1>The editor could not be loaded</h1>
        <p>{failure}</p>
      </div>
    );
  }
  if (!module) {
    return (
      <div className="empty-state" aria-busy="true">
        Opening…
      </div>
    );
  }
  const { DocumentView } = module;
  return tabs.map((id) => (
    <div key={id} className="tab-panel" hidden={id !== openId} role="tabpanel">
      <DocumentActiveContext.Provider value={id === openId && !showRuns}>
        <DocumentView workflowId={id} />
      </DocumentActiveContext.Provider>
    </div>
  ));
}
