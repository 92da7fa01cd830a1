import { Bug } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { RunSummary } from '../../src-shared/runtime/runReport';
import { useWorkspace } from '../app/WorkspaceContext';
import { useEditorStore } from '../editor/EditorContext';
import { usePlatform } from '../platform/PlatformContext';
import { DropdownMenu } from '../ui/DropdownMenu';
import { loadBreakpoints } from './breakpoints';

/** How many of the document's latest runs the menu offers to open. */
const RECENT_RUNS = 8;

/**
 * "Debug ▾" in the document's header: starts a debug run of the draft with the document's
 * breakpoints (paused before its first step), or opens one of the document's latest runs in the
 * debugger (live or finished, to replay it). The run dialog offers scenarios and seeds.
 */
export function DebugMenu({ workflowId }: { workflowId: string }) {
  return (
    <DropdownMenu
      label="Debug"
      icon={Bug}
      title="Debug the draft, or open one of its runs in the debugger"
    >
      {(close) => <DebugMenuItems workflowId={workflowId} close={close} />}
    </DropdownMenu>
  );
}

function DebugMenuItems({ workflowId, close }: { workflowId: string; close: () => void }) {
  const { client } = usePlatform();
  const editor = useEditorStore();
  const attachRun = useWorkspace((state) => state.attachRun);
  const reportError = useWorkspace((state) => state.reportError);
  const [runs, setRuns] = useState<readonly RunSummary[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    client['runs.list']({ workflowId, limit: RECENT_RUNS }).then(
      (found) => !cancelled && setRuns(found),
      (error: unknown) => !cancelled && (setRuns([]), reportError(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [client, workflowId, reportError]);

  const debugDraft = async () => {
    close();
    try {
      await editor.getState().flush();
      const run = await client['runs.start']({
        id: workflowId,
        mode: 'debug',
        breakpoints: loadBreakpoints(workflowId),
      });
      attachRun(workflowId, run.runId);
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <>
      <button type="button" role="menuitem" onClick={() => void debugDraft()}>
        Debug the draft
      </button>
      {runs === null && (
        <span role="menuitem" aria-disabled="true" className="debug-note">
          Loading runs…
        </span>
      )}
      {runs?.map((run) => (
        <button
          key={run.runId}
          type="button"
          role="menuitem"
          onClick={() => {
            close();
            attachRun(workflowId, run.runId);
          }}
        >
          Open {run.runId} · {run.status} · {new Date(run.createdAt).toLocaleTimeString()}
        </button>
      ))}
    </>
  );
}
