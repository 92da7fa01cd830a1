import { FileText, Network, X } from 'lucide-react';
import { useWorkspace } from './WorkspaceContext';

/** The open documents as tabs: click to bring one to the front, × or middle-click to close it. */
export function TabBar() {
  const tabs = useWorkspace((state) => state.tabs);
  const openId = useWorkspace((state) => state.openId);
  const workflows = useWorkspace((state) => state.workflows);
  const open = useWorkspace((state) => state.open);
  const closeTab = useWorkspace((state) => state.closeTab);
  if (tabs.length === 0) return null;
  return (
    <div className="tab-bar" role="tablist" aria-label="Open documents">
      {tabs.map((id) => {
        const workflow = workflows.find((candidate) => candidate.id === id);
        const name = workflow?.name ?? 'Opening…';
        const Icon = workflow?.kind === 'map' ? Network : FileText;
        return (
          <div key={id} className={`tab${id === openId ? ' is-active' : ''}`}>
            <button
              type="button"
              role="tab"
              aria-selected={id === openId}
              className="tab-name"
              onClick={() => open(id)}
              onAuxClick={(event) => event.button === 1 && closeTab(id)}
              title={name}
            >
              <Icon size={14} aria-hidden="true" />
              <span>{name}</span>
            </button>
            <button
              type="button"
              className="tab-close"
              aria-label={`Close ${name}`}
              title={`Close ${name}`}
              onClick={() => closeTab(id)}
            >
              <X size={12} aria-hidden="true" />
            </button>
          </div>
        );
      })}
    </div>
  );
}
