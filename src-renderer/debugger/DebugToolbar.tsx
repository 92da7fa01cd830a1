import { Crosshair, Pause, Play, SkipForward, Square, StepForward } from 'lucide-react';
import { useStore } from 'zustand';
import type { RunSessionStore } from './runSession';
import { useEditor } from '../editor/EditorContext';
import { IconButton } from '../ui/IconButton';
import { BreakpointsMenu } from './BreakpointsMenu';
import { describeRun } from './describeRun';
import { NextOutcomeControl } from './NextOutcomeControl';
import { PublishEventButton } from './PublishEventButton';
import type { DebugActions } from './useDebugActions';

/**
 * The debugger's controls above the canvas: where the run is and why it stopped, pause, continue,
 * step, step to the next element, run to the selected element, stop, approve or reject the user
 * task it waits on, the next outcome of a selected service task, breakpoints, publishing an event
 * by hand, and back to editing. Each button's title names its key.
 */
export function DebugToolbar({
  session,
  actions,
}: {
  session: RunSessionStore;
  actions: DebugActions;
}) {
  const summary = useStore(session, (state) => state.summary);
  const error = useStore(session, (state) => state.error);
  const loading = useStore(session, (state) => state.loading);
  const elements = useEditor((state) => state.editor.doc.model.elements);
  const selection = useEditor((state) => state.selection);
  const nameOf = (id: string) => elements.find((item) => item.id === id)?.name || id;
  const selected = elements.find((item) => selection.includes(item.id));
  const awaited = (summary?.active ?? []).filter(
    (id) => elements.find((item) => item.id === id)?.type === 'userTask',
  );
  const text = summary ? describeRun(summary, nameOf) : loading ? 'Loading the run…' : '';

  return (
    <div className="debug-toolbar" role="toolbar" aria-label="Debugger">
      <span
        className={`debug-status status-${summary?.status ?? 'loading'}`}
        role="status"
        aria-label="Run status"
      >
        <strong>{summary ? `${summary.name} · ${summary.runId}` : ''}</strong> {text}
      </span>
      <span className="spacer" />
      <IconButton
        icon={Play}
        label="Continue"
        title="Continue (F5)"
        onClick={actions.resume}
        disabled={!actions.canContinue}
      />
      <IconButton
        icon={Pause}
        label="Pause"
        title="Pause (F6)"
        onClick={actions.pause}
        disabled={!actions.canPause}
      />
      <IconButton
        icon={StepForward}
        label="Step"
        title="Step: one event (F10)"
        onClick={() => actions.step('event')}
        disabled={!actions.canStep}
      />
      <IconButton
        icon={SkipForward}
        label="Step to next element"
        title="Step to the next element (F11)"
        onClick={() => actions.step('element')}
        disabled={!actions.canStep}
      />
      <IconButton
        icon={Crosshair}
        label="Run to here"
        title={
          selected
            ? `Run to ${selected.name || selected.id} (Ctrl+F10)`
            : 'Run to the selected element (Ctrl+F10): select one first'
        }
        onClick={actions.runToSelected}
        disabled={!actions.canStep || !selected}
      />
      <IconButton
        icon={Square}
        label="Stop"
        title="Stop (Shift+F5)"
        onClick={actions.stop}
        disabled={!actions.canStop}
      />
      {awaited.map((id) => (
        <span key={id} className="debug-decide" role="group" aria-label={`Decide ${nameOf(id)}`}>
          <button
            type="button"
            className="primary"
            onClick={() => actions.decide(id, 'approve')}
            title={`Approve ${nameOf(id)}`}
          >
            Approve
          </button>
          <button
            type="button"
            onClick={() => actions.decide(id, 'reject')}
            title={`Reject ${nameOf(id)}`}
          >
            Reject
          </button>
        </span>
      ))}
      <NextOutcomeControl session={session} selected={selected} />
      <BreakpointsMenu />
      <PublishEventButton session={session} />
      <button
        type="button"
        onClick={actions.backToEditing}
        title="Leave the run and edit the document"
      >
        Back to editing
      </button>
      {error && (
        <span className="debug-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
