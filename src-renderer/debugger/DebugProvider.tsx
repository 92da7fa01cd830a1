import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { FINAL_STATUSES } from '../../src-shared/runtime/runReport';
import { useWorkspace } from '../app/WorkspaceContext';
import { useEditorStore } from '../editor/EditorContext';
import { usePlatform } from '../platform/PlatformContext';
import { createBreakpointStore } from './breakpointStore';
import { DebugContext, type DebugContextValue } from './DebugContext';
import { createRunSession, type RunSessionStore } from './runSession';

/**
 * Gives a document its breakpoints and, while `attachedRuns` names a run for it, the session on
 * that run (made when attached, stopped when detached). Goes inside the editor's provider.
 */
export function DebugProvider({
  workflowId,
  children,
}: {
  workflowId: string;
  children: ReactNode;
}) {
  const platform = usePlatform();
  const editor = useEditorStore();
  const runId = useWorkspace((state) => state.attachedRuns[workflowId] ?? null);
  const reportError = useWorkspace((state) => state.reportError);
  const [breakpoints] = useState(() => createBreakpointStore(workflowId));
  const [held, setHeld] = useState<{ runId: string | null; session: RunSessionStore | null }>({
    runId: null,
    session: null,
  });
  if (held.runId !== runId) {
    // A run attached or detached: a new session, started by the effect below.
    setHeld({
      runId,
      session: runId
        ? createRunSession({
            client: platform.client,
            subscribe: platform.subscribe,
            runId,
            document: editor.getState().editor.doc,
            onError: reportError,
          })
        : null,
    });
  }
  const { session } = held;

  useEffect(() => {
    if (!session) return;
    const stop = session.getState().start();
    // A debugged run takes the document's breakpoints when it is attached.
    let sent = false;
    const unsubscribe = session.subscribe((state) => {
      const { summary } = state;
      if (sent || !summary) return;
      sent = true;
      const list = breakpoints.getState().breakpoints;
      if (summary.mode === 'debug' && !FINAL_STATUSES.has(summary.status) && list.length > 0)
        void state.sendBreakpoints(list);
    });
    // Breakpoints changed on the canvas go to the run at once.
    const unfollow = breakpoints.subscribe((state, before) => {
      if (state.breakpoints !== before.breakpoints)
        void session.getState().sendBreakpoints(state.breakpoints);
    });
    return () => {
      unsubscribe();
      unfollow();
      stop();
    };
  }, [session, breakpoints]);

  const value = useMemo<DebugContextValue>(() => {
    // Read when a run is attached: a run is pinned to the document it started from.
    const { model } = editor.getState().editor.doc;
    const names = new Map(
      model.elements.map((element) => [element.id, element.name || element.id]),
    );
    const nameOf = (id: string) => names.get(id) ?? id;
    return {
      session,
      breakpoints,
      connectionEnds: new Map(
        model.connections.map((item) => [item.id, { source: item.source, target: item.target }]),
      ),
      connectionNames: new Map(
        model.connections.map((item) => [
          item.id,
          item.name || `${nameOf(item.source)} → ${nameOf(item.target)}`,
        ]),
      ),
      eventNodes: new Map(
        model.elements.flatMap((element) =>
          element.type === 'eventType' && element.eventType
            ? [[element.id, element.eventType] as const]
            : [],
        ),
      ),
    };
  }, [session, breakpoints, editor]);
  return <DebugContext.Provider value={value}>{children}</DebugContext.Provider>;
}
