/**
 * Adds `listener` to a preference's own `listeners` (told of changes made in this window) and
 * calls it too when another window of the app changes `key` in localStorage. Returns the
 * unsubscribe function that `useSyncExternalStore` wants.
 */
export function subscribeToStorage(
  key: string,
  listeners: Set<() => void>,
  listener: () => void,
): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === key || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
