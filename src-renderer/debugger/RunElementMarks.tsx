import { useDebugContext, useBreakpointAt, useRunOverlay } from './DebugContext';
import { RUN_STATE_LABELS } from './runStates';

/**
 * What the debugger draws on one element: its state at the cursor (an outline styled per state),
 * the stop ring when the run is paused on it, its breakpoint (a red dot, or a faint gutter dot to
 * set one while a run is shown), a consumer's queue depth on a map, and Approve / Reject next to
 * a user task the live run waits on. Nothing at all while the document is edited and has no
 * breakpoint here.
 */
export function RunElementMarks({
  elementId,
  name,
  decidable,
}: {
  elementId: string;
  name: string;
  /** A user task: a person approves or rejects it. */
  decidable: boolean;
}) {
  const { session, breakpoints } = useDebugContext();
  const state = useRunOverlay((source) => source.view?.elements[elementId]);
  const stopped = useRunOverlay(
    (source) =>
      source.summary?.status === 'paused' &&
      source.summary.stop?.elementId === elementId &&
      source.cursor === 'live',
  );
  const depth = useRunOverlay(
    (source) => source.view?.queues.find((queue) => queue.service === elementId)?.depth ?? null,
  );
  const down = useRunOverlay(
    (source) => source.view?.queues.find((queue) => queue.service === elementId)?.down ?? false,
  );
  const awaited = useRunOverlay(
    (source) =>
      decidable &&
      source.cursor === 'live' &&
      source.summary?.status !== undefined &&
      !['completed', 'failed', 'compensated', 'cancelled'].includes(source.summary.status) &&
      (source.view?.waitingFor.includes(elementId) ?? false),
  );
  const breakpoint = useBreakpointAt('element', elementId);
  if (!session && !breakpoint) return null;

  const toggle = () => breakpoints?.getState().toggle('element', elementId);
  return (
    <>
      {state && (
        <span
          className={`run-mark run-${state}${stopped ? ' is-stopped' : ''}`}
          data-run-state={state}
          role="img"
          aria-label={`${name}: ${RUN_STATE_LABELS[state].toLowerCase()}${stopped ? ', stopped here' : ''}`}
        />
      )}
      {!state && stopped && <span className="run-mark is-stopped" aria-hidden="true" />}
      {(breakpoint || session) && (
        <button
          type="button"
          className={`breakpoint-dot nodrag${breakpoint ? ' is-set' : ''}${breakpoint?.enabled === false ? ' is-disabled' : ''}${breakpoint?.condition ? ' has-condition' : ''}`}
          aria-label={breakpoint ? `Remove breakpoint on ${name}` : `Set breakpoint on ${name}`}
          aria-pressed={breakpoint !== undefined}
          title={
            breakpoint
              ? `Breakpoint${breakpoint.condition ? ` when ${breakpoint.condition}` : ''} (F9 removes it)`
              : 'Set a breakpoint (F9)'
          }
          onClick={(event) => {
            event.stopPropagation();
            toggle();
          }}
          onDoubleClick={(event) => event.stopPropagation()}
        />
      )}
      {depth !== null && (depth > 0 || down) && (
        <span
          className={`queue-badge${down ? ' is-down' : ''}`}
          role="status"
          aria-label={`${name}: ${depth} queued${down ? ', consumer down' : ''}`}
          title={`${depth} event${depth === 1 ? '' : 's'} waiting${down ? ' (consumer down)' : ''}`}
        >
          {depth}
          {down ? ' · down' : ''}
        </span>
      )}
      {awaited && session && (
        <span className="run-decide nodrag" role="group" aria-label={`Decide ${name}`}>
          <button
            type="button"
            onClick={() => void session.getState().decide(elementId, 'approve')}
            title={`Approve ${name}`}
          >
            Approve
          </button>
          <button
            type="button"
            onClick={() => void session.getState().decide(elementId, 'reject')}
            title={`Reject ${name}`}
          >
            Reject
          </button>
        </span>
      )}
    </>
  );
}
