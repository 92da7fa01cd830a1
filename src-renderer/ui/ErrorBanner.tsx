import { useWorkspace } from '../app/WorkspaceContext';

/** The last failure, in words, until the user dismisses it. */
export function ErrorBanner() {
  const error = useWorkspace((state) => state.error);
  const dismiss = useWorkspace((state) => state.dismissError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <span>{error}</span>
      <button type="button" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
