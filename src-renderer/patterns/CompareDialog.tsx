import { useEffect, useRef, useState } from 'react';
import type { ComparisonReport } from '../../src-shared/patterns/compareTypes';
import { useWorkspace } from '../app/WorkspaceContext';
import { useEditorStore } from '../editor/EditorContext';
import { usePlatform } from '../platform/PlatformContext';
import { showModal } from '../ui/showModal';
import { CompareView } from './CompareView';

/** How many scenarios the sweep runs (base, slow, down, fail, duplicates). */
const SCENARIOS = 5;
const DEFAULT_RUNS = 20;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

type CompareState =
  | { readonly step: 'pick' }
  | { readonly step: 'running'; readonly runs: number }
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
  const { client } = usePlatform();
  const store = useEditorStore();
  const workflows = useWorkspace((state) => state.workflows);
  const others = workflows.filter((w) => w.id !== workflowId);
  const [other, setOther] = useState(others[0]?.id ?? '');
  const [runs, setRuns] = useState(DEFAULT_RUNS);
  const [state, setState] = useState<CompareState>({ step: 'pick' });
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => showModal(ref.current), []);

  const compare = async () => {
    setState({ step: 'running', runs });
    try {
      await store.getState().flush();
      const report = await client['patterns.compare']({ a: workflowId, b: other, runs });
      setState({ step: 'done', report });
    } catch (error) {
      setState({ step: 'failed', message: `The comparison failed: ${describe(error)}` });
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog compare-dialog"
      aria-labelledby="compare-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
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
      <p role="status" className="compare-status">
        {state.step === 'running'
          ? `Running ${SCENARIOS} scenarios × ${state.runs} runs…`
          : others.length === 0
            ? 'There is no other flow or map to compare with.'
            : ''}
      </p>
      {state.step === 'failed' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      {state.step === 'done' && <CompareView report={state.report} />}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
