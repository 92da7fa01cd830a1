import { Activity } from 'lucide-react';
import { useState } from 'react';
import type { WorkflowSummary } from '../../src-shared/contract/contract';
import { useWorkspace } from '../app/WorkspaceContext';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ImportButton } from './ImportButton';
import { CatalogDialog } from '../catalog/CatalogDialog';
import { WorkflowListItem } from './WorkflowListItem';
import { NewWorkflowButtons } from '../ui/NewWorkflowButtons';
import { ThemeSwitch } from '../theme/ThemeSwitch';
import { PanelToggle } from '../app/PanelToggle';
import { usePanelLayout } from '../app/panelLayout';

/** The workspace's flows and maps: search, create, open, rename, duplicate, delete. */
export function Sidebar() {
  const shown = usePanelLayout().sidebar;
  if (!shown) {
    return (
      <nav className="sidebar sidebar-rail" aria-label="Workspace">
        <PanelToggle panel="sidebar" />
      </nav>
    );
  }
  return <WorkspaceList />;
}

function WorkspaceList() {
  const workflows = useWorkspace((state) => state.workflows);
  const query = useWorkspace((state) => state.query);
  const loaded = useWorkspace((state) => state.loaded);
  const setQuery = useWorkspace((state) => state.setQuery);
  const remove = useWorkspace((state) => state.remove);
  const [deleting, setDeleting] = useState<WorkflowSummary | null>(null);
  const [editingCatalog, setEditingCatalog] = useState(false);
  const showRuns = useWorkspace((state) => state.showRuns);
  const setShowRuns = useWorkspace((state) => state.setShowRuns);

  return (
    <nav className="sidebar" aria-label="Workspace">
      {editingCatalog && <CatalogDialog onClose={() => setEditingCatalog(false)} />}
      <div className="sidebar-header">
        <div className="sidebar-title">
          <span className="brand">Baton</span>
          <button
            type="button"
            onClick={() => setEditingCatalog(true)}
            title="Services and event types"
          >
            Catalog…
          </button>
          <ImportButton />
        </div>
        <NewWorkflowButtons className="sidebar-actions" />
        <input
          type="search"
          className="sidebar-search"
          placeholder="Search flows and maps"
          aria-label="Search flows and maps"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button
          type="button"
          className="sidebar-runs"
          aria-pressed={showRuns}
          onClick={() => setShowRuns(!showRuns)}
          title="Every run of the workspace (Ctrl+Shift+R)"
        >
          <Activity size={15} aria-hidden="true" />
          Runs
        </button>
      </div>
      <ul className="workflow-list" aria-label="Flows and maps">
        {workflows.map((workflow) => (
          <WorkflowListItem key={workflow.id} workflow={workflow} onDelete={setDeleting} />
        ))}
      </ul>
      {loaded && workflows.length === 0 && (
        <p className="sidebar-empty">
          {query ? `Nothing is named like “${query}”.` : 'No flows or maps yet.'}
        </p>
      )}
      <footer className="sidebar-footer">
        <ThemeSwitch />
        <PanelToggle panel="sidebar" />
      </footer>
      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          confirmLabel="Delete"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.id;
            setDeleting(null);
            void remove(id);
          }}
        >
          This removes the {deleting.kind} with its draft
          {deleting.versionCount > 0
            ? ` and ${deleting.versionCount} saved version${deleting.versionCount === 1 ? '' : 's'}`
            : ''}
          . It cannot be undone.
        </ConfirmDialog>
      )}
    </nav>
  );
}
