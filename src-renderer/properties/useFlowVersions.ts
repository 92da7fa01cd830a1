import { useEffect, useState } from 'react';
import { usePlatform } from '../platform/PlatformContext';
import { usePanelData } from './PanelDataContext';

/** The saved version numbers of a flow of the workspace (none for a flow it does not have). */
export function useFlowVersions(flowId: string): readonly number[] {
  const { client } = usePlatform();
  const { flows } = usePanelData();
  const summary = flows.find((flow) => flow.id === flowId);
  const versionCount = summary?.versionCount ?? 0;
  const [loaded, setLoaded] = useState<{ flowId: string; numbers: readonly number[] } | null>(null);

  useEffect(() => {
    if (versionCount === 0) return;
    let current = true;
    client['versions.list']({ id: flowId }).then(
      (versions) =>
        current &&
        setLoaded({
          flowId,
          numbers: versions.map((version) => version.number).sort((a, b) => a - b),
        }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client, flowId, versionCount]);

  return loaded?.flowId === flowId && versionCount > 0 ? loaded.numbers : [];
}
