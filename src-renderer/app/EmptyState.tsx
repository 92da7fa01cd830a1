import { NewWorkflowButtons } from '../ui/NewWorkflowButtons';

/** What the main area shows when no document is open. */
export function EmptyState({ loaded, hasWorkflows }: { loaded: boolean; hasWorkflows: boolean }) {
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
      <NewWorkflowButtons className="empty-state-actions" />
    </div>
  );
}
