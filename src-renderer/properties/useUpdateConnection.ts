import { useCallback } from 'react';
import type { Connection } from '../../src-shared/model/document';
import { compact } from './compact';
import { useRunCommand } from './useRunCommand';

/**
 * Changes some properties of a connection with one `connections.update` (a property set to
 * `undefined` is removed). Returns why it was refused, or `null`.
 */
export function useUpdateConnection(
  connection: Connection,
): (patch: Partial<Connection>) => string | null {
  const run = useRunCommand();
  return useCallback(
    (patch: Partial<Connection>) =>
      run({ type: 'connections.update', connection: compact({ ...connection, ...patch }) }),
    [connection, run],
  );
}
