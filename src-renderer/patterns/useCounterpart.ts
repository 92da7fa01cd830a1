import { useEffect, useState } from 'react';
import type { PatternCounterpart } from '../../src-shared/contract/contract';
import { useWorkspace } from '../app/WorkspaceContext';
import { usePlatform } from '../platform/PlatformContext';

/**
 * The workflow linked to this one by the pattern lab (derived from it, or what it was derived
 * from), asked again whenever the workspace's list of workflows changes: after a derive, a delete
 * (the link goes with either side) or a save of either draft.
 */
export function useCounterpart(workflowId: string): PatternCounterpart | null {
  const { client } = usePlatform();
  const workflows = useWorkspace((state) => state.workflows);
  const [counterpart, setCounterpart] = useState<PatternCounterpart | null>(null);

  useEffect(() => {
    let cancelled = false;
    client['patterns.counterpart']({ id: workflowId }).then(
      (found) => !cancelled && setCounterpart(found),
      // This workflow was deleted a moment ago: its tab is closing, and nothing is linked to it.
      () => !cancelled && setCounterpart(null),
    );
    return () => {
      cancelled = true;
    };
  }, [client, workflowId, workflows]);

  return counterpart;
}
