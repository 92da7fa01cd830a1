import { useEffect, useState } from 'react';
import type { Catalog } from '../../src-shared/model/catalog';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { RunMode } from '../../src-shared/runtime/debug';
import { useWorkspace } from '../app/WorkspaceContext';
import { loadBreakpoints } from '../debugger/breakpoints';
import { usePlatform } from '../platform/PlatformContext';
import { describeFailure } from './describeFailure';
import { SavedScenarios } from './SavedScenarios';
import { ScenarioForm } from './ScenarioForm';
import { ScenarioJsonView } from './ScenarioJsonView';
import { draftFromRaw, draftFromText, scenarioText, type ScenarioDraft } from './scenarioDraft';
import './runs.css';
import { ModalDialog } from '../ui/ModalDialog';

interface Props {
  readonly workflowId: string;
  readonly doc: WorkflowDocument;
  readonly initialMode: RunMode;
  /** Stores the document's pending edits, so the run starts from what is on the canvas. */
  readonly flush: () => Promise<void>;
  readonly onClose: () => void;
}

const lastScenarioKey = (workflowId: string) => `baton.lastScenario.${workflowId}`;

function firstDraft(workflowId: string): ScenarioDraft {
  try {
    const last = sessionStorage.getItem(lastScenarioKey(workflowId));
    if (last) return draftFromText(last);
  } catch {
    // No session storage: start from an empty scenario.
  }
  return draftFromRaw({});
}

/** Fields where Enter means something else than "start" (a new line, a menu, a button). */
const keepsEnter = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (['TEXTAREA', 'BUTTON', 'SELECT', 'A'].includes(target.tagName) ||
    target.closest('.cm-editor') !== null);

/**
 * "Run…": starts a run of the current draft against mock services, in run or debug mode, with a
 * scenario edited as a form and as JSON side by side (the same object: DESIGN.md §5), picked
 * from or saved with the document. A scenario with problems cannot be started; the problems name
 * the field at fault and nothing typed is lost. The run started is shown on the canvas.
 */
export function RunDialog({ workflowId, doc, initialMode, flush, onClose }: Props) {
  const { client } = usePlatform();
  const attachRun = useWorkspace((state) => state.attachRun);
  const name = useWorkspace(
    (state) => state.workflows.find((item) => item.id === workflowId)?.name ?? doc.name,
  );
  const [draft, setDraft] = useState(() => firstDraft(workflowId));
  const [inputProblem, setInputProblem] = useState<string | null>(null);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [mode, setMode] = useState<RunMode>(initialMode);
  const [failure, setFailure] = useState<string[] | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    let cancelled = false;
    client['catalog.get']({}).then(
      (found) => !cancelled && setCatalog(found),
      () => undefined, // The form then shows no catalog defaults; nothing else depends on it.
    );
    return () => {
      cancelled = true;
    };
  }, [client]);

  const problems = [...(inputProblem ? [inputProblem] : []), ...draft.problems];
  const canStart = draft.scenario !== null && inputProblem === null && !starting;

  const start = async () => {
    const scenario = draft.scenario;
    if (!scenario || inputProblem || starting) return;
    setStarting(true);
    setFailure(null);
    try {
      await flush();
      const run = await client['runs.start']({
        id: workflowId,
        scenario,
        ...(scenario.seed === undefined ? {} : { seed: scenario.seed }),
        mode,
        breakpoints: loadBreakpoints(workflowId),
      });
      try {
        sessionStorage.setItem(lastScenarioKey(workflowId), draft.text);
      } catch {
        // Not remembered for next time; the run has started all the same.
      }
      onClose();
      attachRun(workflowId, run.runId);
    } catch (error) {
      setFailure(describeFailure(error));
      setStarting(false);
    }
  };

  return (
    <ModalDialog
      className="dialog run-dialog"
      aria-labelledby="run-dialog-title"
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' || event.defaultPrevented || keepsEnter(event.target)) return;
        event.preventDefault();
        void start();
      }}
    >
      <h2 id="run-dialog-title">Run “{name ?? 'this workflow'}”</h2>
      <SavedScenarios
        workflowId={workflowId}
        current={draft.scenario}
        onPick={(saved) => {
          setInputProblem(null);
          setDraft(draftFromText(scenarioText(saved.scenario)));
        }}
      />
      <div className="run-dialog-body">
        <div className="run-dialog-form">
          <ScenarioForm
            doc={doc}
            catalog={catalog}
            raw={draft.raw}
            onChange={(raw) => setDraft(draftFromRaw(raw))}
            onInputProblem={setInputProblem}
          />
        </div>
        <div className="run-dialog-json">
          <h3>Scenario JSON</h3>
          <ScenarioJsonView
            text={draft.text}
            onChange={(text) => {
              // The JSON view is the whole scenario: its input replaces what the field held.
              setInputProblem(null);
              setDraft(draftFromText(text));
            }}
          />
        </div>
      </div>
      {problems.length > 0 && (
        <ul className="runs-problems" role="alert" aria-label="Problems in the scenario">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {failure && (
        <div className="runs-problems" role="alert" aria-label="The run could not start">
          <strong>The run could not start:</strong>
          <ul>
            {failure.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="dialog-actions run-dialog-actions">
        <div role="radiogroup" aria-label="Mode" className="runs-mode">
          <label>
            <input
              type="radio"
              name="run-mode"
              checked={mode === 'run'}
              onChange={() => setMode('run')}
            />
            Run
          </label>
          <label>
            <input
              type="radio"
              name="run-mode"
              checked={mode === 'debug'}
              onChange={() => setMode('debug')}
            />
            Debug (pause before the first step)
          </label>
        </div>
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!canStart}
          title={canStart ? 'Start (Enter)' : 'Fix the problems in the scenario first'}
          onClick={() => void start()}
        >
          {starting ? 'Starting…' : mode === 'debug' ? 'Start debugging' : 'Start run'}
        </button>
      </div>
    </ModalDialog>
  );
}
