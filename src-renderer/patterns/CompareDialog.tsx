import { useEffect, useRef, useState } from 'react';
import type { ComparisonReport } from '../../src-shared/patterns/compareTypes';
import { useWorkspace } from '../app/WorkspaceContext';
import { useEditorStore } from '../editor/EditorContext';
import { usePlatform } from '../platform/PlatformContext';
import { ModalDialog } from '../ui/ModalDialog';
import { CompareView } from './CompareView';

const DEFAULT_RUNS = 20;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface Progress {
  readonly done: number;
  readonly total: number;
  readonly scenario: string;
}

type CompareState =
  | { readonly step: 'pick'; readonly note?: string }
  | { readonly step: 'running'; readonly ticket: string; readonly progress?: Progress }
  | { readonly step: 'done'; readonly report: ComparisonReport }
  | { readonly step: 'failed'; readonly message: string };

/** "Compare with…": picks the other workflow and the runs, runs the sweep, shows the comparison. */
export function CompareDialog({
  workflowId,
  onClose,
}: {
  workflowId: string;
  onClose: () => void;
}) {
  const { client, subscribe } = usePlatform();
  const store = useEditorStore();
  const workflows = useWorkspace((state) => state.workflows);
  const others = workflows.filter((w) => w.id !== workflowId);
  const [other, setOther] = useState(others[0]?.id ?? '');
  const [runs, setRuns] = useState(DEFAULT_RUNS);
  const [state, setState] = useState<CompareState>({ step: 'pick' });
  const ticket = state.step === 'running' ? state.ticket : undefined;
  // Asked to stop: the comparison's failure is then the answer, not an error.
  const cancelling = useRef(false);

  useEffect(() => {
    if (!ticket) return undefined;
    return subscribe('patterns.progress', (progress) => {
      if (progress.ticket !== ticket) return;
      setState((current) =>
        current.step === 'running' && current.ticket === ticket
          ? { ...current, progress }
          : current,
      );
    });
  }, [subscribe, ticket]);

  const compare = async () => {
    const id = crypto.randomUUID();
    cancelling.current = false;
    setState({ step: 'running', ticket: id });
    try {
      await store.getState().flush();
      const report = await client['patterns.compare']({
        a: workflowId,
        b: other,
        runs,
        ticket: id,
      });
      setState({ step: 'done', report });
    } catch (error) {
      setState(
        cancelling.current
          ? { step: 'pick', note: 'Cancelled: nothing was kept of the runs done so far.' }
          : { step: 'failed', message: `The comparison failed: ${describe(error)}` },
      );
    }
  };

  const cancel = () => {
    if (!ticket) return;
    cancelling.current = true;
    void client['patterns.cancelCompare']({ ticket }).catch(() => undefined);
  };

  /** Closing while it runs stops the comparison: its result would have nowhere to go. */
  const close = () => {
    cancel();
    onClose();
  };

  return (
    <ModalDialog className="dialog compare-dialog" aria-labelledby="compare-title" onClose={close}>
      <h2 id="compare-title">
        Compare {workflows.find((w) => w.id === workflowId)?.name ?? ''} with…
      </h2>
      <form
        className="dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          void compare();
        }}
      >
        <label>
          Other flow or map{' '}
          <select value={other} onChange={(event) => setOther(event.target.value)}>
            {others.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name} ({w.kind === 'map' ? 'map' : 'flow'})
              </option>
            ))}
          </select>
        </label>
        <label>
          Runs per scenario{' '}
          <input
            type="number"
            min={1}
            max={100}
            value={runs}
            onChange={(event) => setRuns(Number(event.target.value))}
          />
        </label>
        <button
          type="submit"
          className="primary"
          disabled={!other || state.step === 'running' || !(runs >= 1 && runs <= 100)}
        >
          Compare
        </button>
      </form>
      <div role="status" className="compare-status">
        {state.step === 'running' ? (
          <RunningNote progress={state.progress} onCancel={cancel} />
        ) : state.step === 'pick' && state.note ? (
          state.note
        ) : others.length === 0 ? (
          'There is no other flow or map to compare with.'
        ) : (
          ''
        )}
      </div>
      {state.step === 'failed' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      {state.step === 'done' && <CompareView report={state.report} />}
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}

/** How far the sweep is, with a way to stop it. */
function RunningNote({
  progress,
  onCancel,
}: {
  progress: Progress | undefined;
  onCancel: () => void;
}) {
  return (
    <div className="compare-running">
      <progress
        aria-label="Comparison progress"
        max={progress?.total ?? 1}
        value={progress?.done ?? 0}
      />
      <span>
        {progress
          ? `Running the ${progress.scenario} scenario: ${progress.done} of ${progress.total} runs`
          : 'Starting…'}
      </span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
