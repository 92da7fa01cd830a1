import { X } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RunStatus, RunSummary } from '../../src-shared/runtime/runReport';
import { useWorkspace } from '../app/WorkspaceContext';
import { usePlatform } from '../platform/PlatformContext';
import { describeFailure } from './describeFailure';
import { ForkDialog } from './ForkDialog';
import { RunFilters } from './RunFilters';
import { RunRow, type RunRowActions } from './RunRow';
import { sortRuns, type RunSort, type RunSortKey } from './runFormat';
import { RUN_LIST_LIMIT, useRunsList } from './useRunsList';
import { useAllWorkflows } from './useAllWorkflows';
import './runs.css';
import { IconButton } from '../ui/IconButton';

const SORTABLE: Readonly<Partial<Record<string, RunSortKey>>> = {
  Status: 'status',
  Started: 'started',
  Duration: 'duration',
};
const NUMERIC = new Set(['Retries', 'Duration']);
const COLUMNS = [
  'Status',
  'Flow or map',
  'Current element',
  'Retries',
  'Correlation id',
  'Mode',
  'Started',
  'Duration',
  'Actions',
];

/**
 * Every run of the workspace, live: status, where it is, retries, correlation id, branch, start
 * and (virtual) duration; filtered by status, flow or map and a search on the main side; sorted
 * by a column; and for each run: open it on its canvas, run it again, fork it from a step, or
 * cancel it. Arrow keys move the selection, Enter opens, Escape goes back to the documents.
 */
export function RunsDashboard() {
  const { client } = usePlatform();
  const known = useAllWorkflows();
  const workflows = useMemo(
    () => [...(known ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [known],
  );
  const attachRun = useWorkspace((state) => state.attachRun);
  const setShowRuns = useWorkspace((state) => state.setShowRuns);
  const [statuses, setStatuses] = useState<readonly RunStatus[]>([]);
  const [workflowId, setWorkflowId] = useState('');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<RunSort>({ key: 'started', descending: true });
  const [selected, setSelected] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [forking, setForking] = useState<RunSummary | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const focused = useRef(false);

  // The search goes to the main side once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search), 200);
    return () => clearTimeout(timer);
  }, [search]);

  const { runs, loaded, problem, refresh } = useRunsList({ statuses, workflowId, query });
  const sorted = useMemo(() => sortRuns(runs, sort), [runs, sort]);
  // Until the workspace is listed, no run is said to belong to a deleted document.
  const existing = useMemo(() => (known ? new Set(known.map((item) => item.id)) : null), [known]);

  // The actions are made once, so rows that did not move are not drawn again.
  const latest = useRef({ existing, runs });
  useEffect(() => {
    latest.current = { existing, runs };
  }, [existing, runs]);
  const actions = useMemo<RunRowActions>(() => {
    const act = async (verb: string, failed: string, call: () => Promise<RunSummary>) => {
      setNote(null);
      try {
        const started = await call();
        setSelected(started.runId);
        setNote(`${verb} ${started.runId}`);
        void refresh();
      } catch (error) {
        setNote(`${failed}: ${describeFailure(error).join(' ')}`);
      }
    };
    const open = (run: RunSummary) => {
      const existing = latest.current.existing;
      if (!run.workflowId || (existing && !existing.has(run.workflowId))) {
        setNote(`“${run.name}” was deleted: ${run.runId} cannot be shown on its canvas.`);
        return;
      }
      attachRun(run.workflowId, run.runId);
    };
    return {
      select: setSelected,
      open,
      rerun: (run) =>
        void act('Started again as', `Could not run ${run.runId} again`, () =>
          client['runs.rerun']({ runId: run.runId }),
        ),
      fork: (run) => setForking(run),
      cancel: (run) =>
        void act('Cancelled', `Could not cancel ${run.runId}`, () =>
          client['runs.cancel']({ runId: run.runId }),
        ),
      showParent: (parentRunId) => {
        if (!latest.current.runs.some((run) => run.runId === parentRunId)) {
          // Filtered out: search for it instead.
          setStatuses([]);
          setWorkflowId('');
          setSearch(parentRunId);
          setQuery(parentRunId);
        }
        setSelected(parentRunId);
      },
    };
  }, [client, attachRun, refresh]);

  // Arrow keys work as soon as the dashboard shows.
  useEffect(() => {
    if (focused.current || !table.current) return;
    focused.current = true;
    table.current.focus();
  }, [loaded]);

  // Keep the selected row in view (arrow keys, a parent run found).
  useEffect(() => {
    if (!selected) return;
    const row = table.current?.querySelector<HTMLElement>(`tr[data-run-id="${selected}"]`);
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [selected, sorted]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Enter') return;
    if ((event.target as HTMLElement).closest('button, input, select')) return;
    const at = sorted.findIndex((run) => run.runId === selected);
    if (event.key === 'Enter') {
      const run = sorted[at];
      if (run) actions.open(run);
    } else {
      const next =
        event.key === 'ArrowDown' ? Math.min(sorted.length - 1, at + 1) : Math.max(0, at - 1);
      const run = sorted[next];
      if (run) setSelected(run.runId);
    }
    event.preventDefault();
  };

  const toggleStatus = (status: RunStatus) =>
    setStatuses((current) =>
      current.includes(status) ? current.filter((item) => item !== status) : [...current, status],
    );
  const sortBy = (key: RunSortKey) =>
    setSort((current) =>
      current.key === key ? { key, descending: !current.descending } : { key, descending: true },
    );
  const filtered = statuses.length > 0 || workflowId !== '' || query.trim() !== '';

  return (
    <section className="runs-dashboard" aria-labelledby="runs-title">
      <header className="runs-header">
        <h1 id="runs-title">Runs</h1>
        <span className="runs-hint">
          {loaded ? countText(sorted.length, filtered) : 'Loading…'}
        </span>
        <span className="spacer" />
        <IconButton
          icon={X}
          label="Back to documents"
          title="Back to documents (Escape)"
          onClick={() => setShowRuns(false)}
        />
      </header>
      <RunFilters
        statuses={statuses}
        onToggleStatus={toggleStatus}
        workflows={workflows}
        workflowId={workflowId}
        onWorkflowId={setWorkflowId}
        search={search}
        onSearch={setSearch}
      />
      <p role="status" className="runs-note">
        {problem ?? note}
      </p>
      {loaded && sorted.length === 0 ? (
        <div className="runs-empty">
          {filtered ? (
            <p>No run matches these filters.</p>
          ) : (
            <>
              <h2>No runs yet</h2>
              <p>Open a flow or map and press “Run…” (F5) to run it against mock services.</p>
            </>
          )}
        </div>
      ) : (
        <div className="runs-table-wrap">
          <table
            ref={table}
            className="runs-table"
            role="grid"
            aria-label="Runs"
            tabIndex={0}
            onKeyDown={onKeyDown}
          >
            <thead>
              <tr>
                {COLUMNS.map((column) => {
                  const key = SORTABLE[column];
                  const className = NUMERIC.has(column) ? 'run-number' : undefined;
                  if (!key)
                    return (
                      <th key={column} scope="col" className={className}>
                        {column}
                      </th>
                    );
                  const active = sort.key === key;
                  return (
                    <th
                      key={column}
                      scope="col"
                      className={className}
                      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                    >
                      <button type="button" className="runs-sort" onClick={() => sortBy(key)}>
                        {column}
                        <span aria-hidden="true">
                          {active ? (sort.descending ? ' ▾' : ' ▴') : ''}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {sorted.map((run) => (
                <RunRow
                  key={run.runId}
                  run={run}
                  selected={run.runId === selected}
                  documentExists={
                    run.workflowId !== null && (existing === null || existing.has(run.workflowId))
                  }
                  actions={actions}
                />
              ))}
            </tbody>
          </table>
          {runs.length >= RUN_LIST_LIMIT && (
            <p className="runs-hint">
              The newest {RUN_LIST_LIMIT.toLocaleString()} runs are shown: filter to find older
              ones.
            </p>
          )}
        </div>
      )}
      {forking && (
        <ForkDialog
          run={forking}
          onClose={() => setForking(null)}
          onForked={(run) => {
            setForking(null);
            if (run.workflowId) attachRun(run.workflowId, run.runId);
          }}
        />
      )}
    </section>
  );
}

const countText = (count: number, filtered: boolean) =>
  `${count.toLocaleString()}${filtered ? ' matching' : ''} run${count === 1 ? '' : 's'}`;
