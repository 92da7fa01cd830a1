import { useCallback } from 'react';
import type { Element } from '../../src-shared/model/document';
import { compact } from './compact';
import { useRunCommand } from './useRunCommand';

/**
 * Changes some properties of an element with one `elements.update` (a property set to
 * `undefined` is removed). Returns why it was refused, or `null`.
 */
export function useUpdateElement<E extends Element>(
  element: E,
): (patch: Partial<E>) => string | null {
  const run = useRunCommand();
  return useCallback(
    (patch: Partial<E>) =>
      run({ type: 'elements.update', element: compact({ ...element, ...patch }) }),
    [element, run],
  );
}
