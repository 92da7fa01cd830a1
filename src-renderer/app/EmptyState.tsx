import { useWorkspace } from './WorkspaceContext';

/** What the main area shows when no document is open. */
export function EmptyState({ loaded, hasWorkflows }: { loaded: boolean; hasWorkflows: boolean }) {
  const create = useWorkspace((state) => state.create);
  if (!loaded)
    return (
      <div className="empty-state" aria-busy="true">
        Opening the workspace…
      </div>
    );
  return (
    <div className="empty-state">
      <h1>{hasWorkflows ? 'Pick a flow or map on the left' : 'Draw your first workflow'}</h1>
      <p>
        An <strong>orchestration flow</strong> has a coordinator that calls each service in turn. A{' '}
        <strong>choreography map</strong> shows services reacting to each other&apos;s events.
      </p>
      <div className="empty-state-actions">
        <button type="button" className="primary" onClick={() => void create('flow')}>
          New flow
        </button>
        <button type="button" onClick={() => void create('map')}>
          New map
        </button>
      </div>
    </div>
  );
}
