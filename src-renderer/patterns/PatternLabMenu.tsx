import { useCallback, useEffect, useRef, useState } from 'react';
import type { ComparisonReport } from '../../src-shared/patterns/compareTypes';
import { useWorkspace } from '../app/WorkspaceContext';
import { useEditorStore } from '../editor/EditorContext';
import { usePlatform } from '../platform/PlatformContext';
import { DropdownMenu } from '../ui/DropdownMenu';
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
function CompareDialog({ workflowId, onClose }: { workflowId: string; onClose: () => void }) {
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

/**
 * "Pattern lab ▾": derives the other style of the open document (a choreography map from a flow,
 * an orchestration flow from a map), opens it in a tab and shows what was approximated or left
 * out; "Compare with…" measures it against another flow or map.
 */
export function PatternLabMenu({ workflowId }: { workflowId: string }) {
  const { client } = usePlatform();
  const store = useEditorStore();
  const kind = useWorkspace((state) => state.workflows.find((w) => w.id === workflowId)?.kind);
  const refresh = useWorkspace((state) => state.refresh);
  const open = useWorkspace((state) => state.open);
  const showReport = useWorkspace((state) => state.showReport);
  const reportError = useWorkspace((state) => state.reportError);
  const [comparing, setComparing] = useState(false);

  const derive = useCallback(async () => {
    try {
      await store.getState().flush();
      const { workflow, report } = await client['patterns.derive']({ id: workflowId });
      await refresh();
      open(workflow.id);
      showReport({
        fileName: workflow.name,
        title: `Derived “${workflow.name}”`,
        sourceColumn: kind === 'map' ? 'Map element' : 'Flow element',
        entries: report,
      });
    } catch (error) {
      reportError(error);
    }
  }, [client, store, workflowId, kind, refresh, open, showReport, reportError]);

  return (
    <>
      <DropdownMenu
        label="Pattern lab"
        title="Derive the other style of this document, or compare it with another"
      >
        {(close) => [
          <button
            key="derive"
            type="button"
            role="menuitem"
            onClick={() => {
              close();
              void derive();
            }}
          >
            {kind === 'map' ? 'Derive orchestration flow' : 'Derive choreography map'}
          </button>,
          <button
            key="compare"
            type="button"
            role="menuitem"
            onClick={() => {
              close();
              setComparing(true);
            }}
          >
            Compare with…
          </button>,
        ]}
      </DropdownMenu>
      {comparing && <CompareDialog workflowId={workflowId} onClose={() => setComparing(false)} />}
    </>
  );
}
