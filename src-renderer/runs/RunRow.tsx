import { Ban, GitBranch, RotateCcw } from 'lucide-react';
import { memo } from 'react';
import type { RunSummary } from '../../src-shared/runtime/runReport';
import { durationOf, formatDuration, formatStarted, LIVE_STATUSES, statusLabel } from './runFormat';
import { IconButton } from '../ui/IconButton';

/** What a row can ask the dashboard to do with its run. */
export interface RunRowActions {
  readonly select: (runId: string) => void;
  readonly open: (run: RunSummary) => void;
  readonly rerun: (run: RunSummary) => void;
  readonly fork: (run: RunSummary) => void;
  readonly cancel: (run: RunSummary) => void;
  readonly showParent: (parentRunId: string) => void;
}

interface Props {
  readonly run: RunSummary;
  readonly selected: boolean;
  /** The flow or map the run was started from still exists. */
  readonly documentExists: boolean;
  readonly actions: RunRowActions;
}

/**
 * One run in the dashboard's table. Drawn again only when its run moved (a new summary object)
 * or its selection changed: the actions object is made once by the dashboard.
 */
export const RunRow = memo(function RunRow({ run, selected, documentExists, actions }: Props) {
  const live = LIVE_STATUSES.has(run.status);
  return (
    <tr
      aria-selected={selected}
      data-run-id={run.runId}
      className={selected ? 'is-selected' : undefined}
      onClick={() => actions.select(run.runId)}
      onDoubleClick={() => actions.open(run)}
    >
      <td>
        <span className={`run-status run-status-${run.status}`}>{statusLabel[run.status]}</span>
      </td>
      <td>
        <span className="run-name">{run.name}</span>
        {!documentExists && <span className="runs-hint"> (deleted)</span>}
        <span className="run-id">{run.runId}</span>
      </td>
      <td className="run-active">{run.activeNames.length ? run.activeNames.join(', ') : '—'}</td>
      <td className="run-number">{run.retries}</td>
      <td className="run-correlation">{run.correlationId}</td>
      <td>
        {run.parentRunId ? (
          <button
            type="button"
            className="link-button"
            title="Show the run it branched from"
            onClick={(event) => {
              event.stopPropagation();
              actions.showParent(run.parentRunId as string);
            }}
          >
            branch of <span className="run-nowrap">{run.parentRunId}</span> at #
            {run.forkedAtSeq ?? '?'}
          </button>
        ) : (
          <span className={`run-mode run-mode-${run.mode}`}>{run.mode}</span>
        )}
      </td>
      <td className="run-started">{formatStarted(run.createdAt)}</td>
      <td className="run-number">{formatDuration(durationOf(run))}</td>
      <td className="run-actions">
        <button
          type="button"
          onClick={() => actions.open(run)}
          title="Show it on the canvas (Enter)"
        >
          Open
        </button>
        <IconButton
          icon={RotateCcw}
          label="Re-run"
          size={14}
          title="Run it again with the same scenario and seed"
          onClick={() => actions.rerun(run)}
        />
        <IconButton
          icon={GitBranch}
          label="Fork…"
          size={14}
          title="Fork: start a new run from one of its steps"
          onClick={() => actions.fork(run)}
        />
        {live && (
          <IconButton
            icon={Ban}
            label="Cancel run"
            size={14}
            className="danger-text"
            title="Cancel: nothing it has pending happens"
            onClick={() => actions.cancel(run)}
          />
        )}
      </td>
    </tr>
  );
});
