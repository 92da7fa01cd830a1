import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunStatus, RunSummary } from '../../src-shared/runtime/runReport';
import { usePlatform } from '../platform/PlatformContext';
import { describeFailure } from './describeFailure';

/** What the dashboard asks `runs.list` for. */
export interface RunFilters {
  readonly statuses: readonly RunStatus[];
  readonly workflowId: string;
  readonly query: string;
}

/** The most runs the dashboard lists at once (newest first). */
export const RUN_LIST_LIMIT = 1_000;

/** At most this often the list is fetched again while runs move (about four times a second). */
export const REFRESH_INTERVAL_MS = 250;

/**
 * Keeps the summary objects of runs that did not move, so rows that show them are not drawn
 * again: while a hundred runs fast-forward, only the rows that changed re-render.
 */
export function reuseUnchanged(
  previous: readonly RunSummary[],
  next: readonly RunSummary[],
): readonly RunSummary[] {
  const before = new Map(previous.map((run) => [run.runId, run]));
  let same = previous.length === next.length;
  const merged = next.map((run, index) => {
    const old = before.get(run.runId);
    const kept =
      old && old.seq === run.seq && old.status === run.status && old.stop?.seq === run.stop?.seq
        ? old
        : run;
    if (kept !== previous[index]) same = false;
    return kept;
  });
  return same ? previous : merged;
}

/**
 * The workspace's runs for the dashboard, filtered on the main side, kept up to date from
 * `runs.changed`: at most one fetch per `REFRESH_INTERVAL_MS`, and never two at once.
 */
export function useRunsList({ statuses, workflowId, query }: RunFilters) {
  const { client, subscribe } = usePlatform();
  const [runs, setRuns] = useState<readonly RunSummary[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const statusKey = statuses.join(',');

  const fetchRuns = useCallback(async () => {
    const wanted = statusKey ? (statusKey.split(',') as RunStatus[]) : [];
    const list = await client['runs.list']({
      limit: RUN_LIST_LIMIT,
      ...(wanted.length ? { statuses: wanted } : {}),
      ...(workflowId ? { workflowId } : {}),
      ...(query.trim() ? { query: query.trim() } : {}),
    });
    return list;
  }, [client, statusKey, workflowId, query]);

  // One fetch at a time; a request made meanwhile is served by one more fetch after it.
  const state = useRef({ inFlight: false, again: false, fetchRuns });
  const refresh = useCallback(async () => {
    const current = state.current;
    if (current.inFlight) {
      current.again = true;
      return;
    }
    current.inFlight = true;
    try {
      do {
        current.again = false;
        const fetcher = current.fetchRuns;
        try {
          const list = await fetcher();
          // Filters changed while it was on its way: its answer is for the old ones.
          if (fetcher !== current.fetchRuns) {
            current.again = true;
            continue;
          }
          setRuns((previous) => reuseUnchanged(previous, list));
          setProblem(null);
        } catch (error) {
          setProblem(`The runs could not be listed: ${describeFailure(error).join(' ')}`);
        }
        setLoaded(true);
      } while (current.again);
    } finally {
      current.inFlight = false;
    }
  }, []);

  useEffect(() => {
    state.current.fetchRuns = fetchRuns;
    void refresh();
  }, [fetchRuns, refresh]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const unsubscribe = subscribe('runs.changed', () => {
      if (timer !== undefined) return;
      const wait = Math.max(0, last + REFRESH_INTERVAL_MS - Date.now());
      timer = setTimeout(() => {
        timer = undefined;
        last = Date.now();
        void refresh();
      }, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [subscribe, refresh]);

  return { runs, loaded, problem, refresh };
}
