import { useEffect, useState } from 'react';
import type { WorkflowSummary } from '../../src-shared/contract/contract';
import { usePlatform } from '../platform/PlatformContext';

/**
 * Every flow and map of the workspace, whatever the sidebar's search shows: the dashboard names
 * runs' documents and tells which were deleted from it. Read again when the workspace changes.
 */
export function useAllWorkflows(): readonly WorkflowSummary[] | null {
  const { client, subscribe } = usePlatform();
  const [workflows, setWorkflows] = useState<readonly WorkflowSummary[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    const read = () =>
      client['workflows.list']({}).then(
        (list) => !cancelled && setWorkflows(list),
        () => undefined, // The last list read stays; the sidebar reports a workspace that fails.
      );
    void read();
    const unsubscribe = subscribe('workflows.changed', () => void read());
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [client, subscribe]);
  return workflows;
}
