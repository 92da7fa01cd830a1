import { useEditor } from './EditorContext';

const labels = {
  saved: 'All changes saved',
  pending: 'Saving soon…',
  saving: 'Saving…',
  error: 'Not saved',
} as const;

/** Whether the latest edit is stored yet; on failure, why not. */
export function SaveStatusBadge() {
  const status = useEditor((state) => state.saveStatus);
  const error = useEditor((state) => state.saveError);
  return (
    <span
      className={`save-status save-${status}`}
      role="status"
      aria-live="polite"
      title={error ?? undefined}
    >
      {labels[status]}
      {status === 'error' && error ? `: ${error}` : ''}
    </span>
  );
}
