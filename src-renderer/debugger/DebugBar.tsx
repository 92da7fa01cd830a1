import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { DebugToolbar } from './DebugToolbar';
import { useRunSessionStore } from './DebugContext';
import { RunLegend } from './RunLegend';
import './debugger.css';
import { RunPanel } from './RunPanel';
import { RunScrubber } from './RunScrubber';
import { useDebugActions } from './useDebugActions';
import { useDebugShortcuts } from './useDebugShortcuts';

/** The debugger's toolbar and the replay scrubber, above the canvas of a document showing a run. */
export function DebugBar({ workflowId }: { workflowId: string }) {
  const session = useRunSessionStore();
  const actions = useDebugActions(workflowId);
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (!session) return;
    // The toolbars and the run panel take room from the canvas: fit the diagram to what is left,
    // once they are laid out.
    const handle = window.requestAnimationFrame(() =>
      window.requestAnimationFrame(
        () =>
          void fitView({ padding: 0.15, maxZoom: 1.2, duration: 150, includeHiddenNodes: true }),
      ),
    );
    return () => window.cancelAnimationFrame(handle);
  }, [session, fitView]);
  if (!session) return null;
  return (
    <>
      <DebugToolbar session={session} actions={actions} />
      <RunScrubber session={session} />
    </>
  );
}

/** The debugger's keys; F9 sets breakpoints while editing too. Renders nothing. */
export function DebugShortcuts({ workflowId }: { workflowId: string }) {
  const session = useRunSessionStore();
  useDebugShortcuts(useDebugActions(workflowId), session !== null);
  return null;
}

/** The legend in a corner of the canvas, while a run is shown. */
export function DebugLegend({ kind }: { kind: 'flow' | 'map' }) {
  return useRunSessionStore() ? <RunLegend kind={kind} /> : null;
}

/** The bottom run panel, while a run is shown. */
export function DebugPanel({ workflowId }: { workflowId: string }) {
  const session = useRunSessionStore();
  return session ? <RunPanel session={session} workflowId={workflowId} /> : null;
}
