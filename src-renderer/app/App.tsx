import { lazy, Suspense, useEffect, useMemo } from 'react';
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

// The canvas (React Flow and the editor) loads on first use, so the window is interactive sooner.
const DocumentView = lazy(() =>
  import('../editor/DocumentView').then((module) => ({ default: module.DocumentView })),
);

/** The whole window: the workspace's list on the left, the open document on the right. */
export function App({ platform }: { platform: Platform }) {
  const store = useMemo(() => createWorkspaceStore(platform.client), [platform]);
  const loaded = useStore(store, (state) => state.loaded);
  const { sidebar } = usePanelLayout();
  usePanelShortcuts(platform);

  useEffect(() => {
    // Start-up is measured to here: the workspace listed and the app ready for input.
    if (loaded) performance.mark('baton:interactive');
  }, [loaded]);

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
          <main className="app-main">
            <ErrorBanner />
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
  if (!openId) return <EmptyState loaded={loaded} hasWorkflows={count > 0} />;
  return (
    <Suspense
      fallback={
        <div className="empty-state" aria-busy="true">
          Opening…
        </div>
      }
    >
      {tabs.map((id) => (
        <div key={id} className="tab-panel" hidden={id !== openId} role="tabpanel">
          <DocumentActiveContext.Provider value={id === openId}>
            <DocumentView workflowId={id} />
          </DocumentActiveContext.Provider>
        </div>
      ))}
    </Suspense>
  );
}
