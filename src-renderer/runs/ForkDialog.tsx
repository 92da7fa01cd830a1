import { useEffect, useState } from 'react';
import type { RunSummary } from '../../src-shared/runtime/runReport';
import { usePlatform } from '../platform/PlatformContext';
import { describeFailure } from './describeFailure';
import { forkPointsOf, type ForkPoint } from './forkPoints';
import { formatDuration } from './runFormat';
import { ModalDialog } from '../ui/ModalDialog';

interface Props {
  readonly run: RunSummary;
  readonly onClose: () => void;
  /** The new run, started: the dashboard shows it on its canvas. */
  readonly onForked: (run: RunSummary) => void;
}

/**
 * "Fork from a step…": lists the run's steps with the journal entry each began at; the new run
 * keeps the old one's journal up to just before the chosen step and goes on from there (in debug
 * mode it pauses there). The old run stays as it was.
 */
export function ForkDialog({ run, onClose, onForked }: Props) {
  const { client } = usePlatform();
  const [points, setPoints] = useState<ForkPoint[] | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [debug, setDebug] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [forking, setForking] = useState(false);

  useEffect(() => {
    let cancelled = false;
    Promise.all([
      client['runs.get']({ runId: run.runId }),
      client['runs.journal']({ runId: run.runId, limit: 100_000 }),
    ]).then(
      ([report, journal]) => {
        if (cancelled) return;
        const found = forkPointsOf(report.steps, journal.entries);
        setPoints(found);
        setChosen(found.at(-1)?.forkSeq ?? null);
      },
      (error: unknown) => !cancelled && setProblem(describeFailure(error).join(' ')),
    );
    return () => {
      cancelled = true;
    };
  }, [client, run.runId]);

  const fork = async () => {
    if (chosen === null || forking) return;
    setForking(true);
    setProblem(null);
    try {
      onForked(
        await client['runs.fork']({ runId: run.runId, seq: chosen, mode: debug ? 'debug' : 'run' }),
      );
    } catch (error) {
      setProblem(describeFailure(error).join(' '));
      setForking(false);
    }
  };

  return (
    <ModalDialog className="dialog fork-dialog" aria-labelledby="fork-title" onClose={onClose}>
      <h2 id="fork-title">Fork {run.runId} from a step</h2>
      <p className="dialog-body">
        The new run keeps this run's history up to just before the step you choose, then takes that
        step again. This run is left as it is.
      </p>
      {points === null && !problem && <p aria-busy="true">Reading its steps…</p>}
      {points?.length === 0 && <p>This run has taken no steps yet.</p>}
      {points && points.length > 0 && (
        <div className="fork-steps" role="radiogroup" aria-label="Step to branch from">
          {points.map((point) => (
            <label key={point.requestSeq} className="fork-step">
              <input
                type="radio"
                name="fork-step"
                checked={chosen === point.forkSeq}
                onChange={() => setChosen(point.forkSeq)}
              />
              <span className="fork-step-name">
                {point.step.name || point.step.elementId}
                {point.step.attempt > 1 ? ` · attempt ${point.step.attempt}` : ''}
              </span>
              <span className="runs-hint">
                {point.step.outcome} · at {formatDuration(point.step.startedAtMs)} · #
                {point.requestSeq}
              </span>
            </label>
          ))}
        </div>
      )}
      <label className="runs-inline">
        <input
          type="checkbox"
          checked={debug}
          onChange={(event) => setDebug(event.target.checked)}
        />
        Debug the new run (pause where it branches)
      </label>
      {problem && (
        <p role="alert" className="runs-field-problem">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={chosen === null || forking}
          onClick={() => void fork()}
        >
          {forking ? 'Forking…' : 'Fork'}
        </button>
      </div>
    </ModalDialog>
  );
}
