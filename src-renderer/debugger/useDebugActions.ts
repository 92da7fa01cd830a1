import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { StepUntil } from '../../src-shared/runtime/debug';
import type { Decision } from '../../src-shared/runtime/scenario';
import { useWorkspace } from '../app/WorkspaceContext';
import { useEditorStore } from '../editor/EditorContext';
import { useDebugContext } from './DebugContext';
import { isLive } from './describeRun';
import type { RunSessionStore } from './runSession';

/** What the debugger can do now, and doing it: the toolbar and the keyboard share these. */
export interface DebugActions {
  readonly canPause: boolean;
  readonly canContinue: boolean;
  readonly canStep: boolean;
  readonly canStop: boolean;
  readonly pause: () => void;
  readonly resume: () => void;
  readonly step: (until: StepUntil) => void;
  /** Runs to the selected element (nothing when none is selected). */
  readonly runToSelected: () => void;
  readonly stop: () => void;
  readonly decide: (elementId: string, decision: Decision) => void;
  /** Sets or removes the breakpoint on the selected element or connection. */
  readonly toggleBreakpointOnSelection: () => void;
  readonly backToEditing: () => void;
}

const idle = {
  getState: () => null,
  subscribe: () => () => undefined,
} as unknown as RunSessionStore;

export function useDebugActions(workflowId: string): DebugActions {
  const { session, breakpoints } = useDebugContext();
  const editor = useEditorStore();
  const detachRun = useWorkspace((state) => state.detachRun);
  const status = useStore(session ?? idle, (state) => state?.summary?.status ?? null);
  const live = useStore(session ?? idle, (state) => isLive(state?.summary ?? null));

  return useMemo(() => {
    // A control acts on the run as it is now, so the canvas goes back to following it.
    const act = (action: (store: RunSessionStore) => Promise<unknown>) => {
      if (!session) return;
      session.getState().followLive();
      void action(session);
    };
    const selectedElement = () => {
      const { selection, editor: current } = editor.getState();
      return selection.find((id) => current.doc.model.elements.some((item) => item.id === id));
    };
    return {
      canPause: status === 'running' || status === 'waiting',
      canContinue: status === 'paused',
      canStep: status === 'paused',
      canStop: live,
      pause: () => act((store) => store.getState().pause()),
      resume: () => act((store) => store.getState().resume()),
      step: (until) => act((store) => store.getState().step(until)),
      runToSelected: () => {
        const target = selectedElement();
        if (target) act((store) => store.getState().step({ toElement: target }));
      },
      stop: () => act((store) => store.getState().cancel()),
      decide: (elementId, decision) => act((store) => store.getState().decide(elementId, decision)),
      toggleBreakpointOnSelection: () => {
        const { selection, editor: current } = editor.getState();
        const id = selection[0];
        if (!id || !breakpoints) return;
        const { model } = current.doc;
        if (model.elements.some((item) => item.id === id))
          breakpoints.getState().toggle('element', id);
        else if (model.connections.some((item) => item.id === id))
          breakpoints.getState().toggle('edge', id);
      },
      backToEditing: () => detachRun(workflowId),
    };
  }, [session, breakpoints, editor, detachRun, workflowId, status, live]);
}
