import { useState } from 'react';

/**
 * A field's draft and its message, both started again from the stored value whenever that value
 * changes (an undo, another edit): what is typed is not applied until it is committed.
 */
export function useFieldState<S, D>(stored: S, toDraft: (stored: S, previous: D | null) => D) {
  const [draft, setDraft] = useState<D>(() => toDraft(stored, null));
  const [error, setError] = useState<string | null>(null);
  const [seen, setSeen] = useState(stored);
  if (!Object.is(seen, stored)) {
    setSeen(stored);
    setDraft(toDraft(stored, draft));
    setError(null);
  }
  return { draft, setDraft, error, setError };
}
