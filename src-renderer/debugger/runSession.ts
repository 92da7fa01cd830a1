import { createStore } from 'zustand/vanilla';
import type { Client, JournalEntry, Subscribe } from '../../src-shared/contract/contract';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { Breakpoint, NextOutcome, StepUntil } from '../../src-shared/runtime/debug';
import type { Decision } from '../../src-shared/runtime/scenario';
import {
  FINAL_STATUSES,
  type RunReport,
  type RunSummary,
} from '../../src-shared/runtime/runReport';
import {
  createRunHistory,
  type RunHistory,
  type RunViewAt,
} from '../../src-shared/runtime/runView';
import { describeError } from './describeError';
import { defaultFrames, type Frames } from './frames';
import { createReplayClock, type ReplaySpeed } from './replayClock';

/** The most journal entries one `runs.journal` call returns. */
export const JOURNAL_PAGE = 100_000;
/** How long the cursor must rest before the instance data there is fetched. */
export const STATE_AT_DELAY_MS = 150;
/** The least time between two fetches of a live run's progress. */
export const LIVE_FETCH_INTERVAL_MS = 100;

/** Where the debugger looks: at the newest entry as the run goes on, or at one fixed entry. */
export type Cursor = 'live' | number;

/** The instance's data right after an entry (`runs.stateAt`, the root actor's context). */
export interface InstanceData {
  readonly seq: number;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface RunSessionState {
  readonly runId: string;
  readonly summary: RunSummary | null;
  readonly history: RunHistory | null;
  /** Grows each time entries are appended to `history` (the history object itself stays). */
  readonly revision: number;
  /** The report, once the run has ended (or waits on a person). */
  readonly report: RunReport | null;
  readonly cursor: Cursor;
  /** The entry the debugger shows (the cursor resolved; the last one held when `live`). */
  readonly seq: number;
  readonly view: RunViewAt | null;
  readonly playing: boolean;
  readonly speed: ReplaySpeed;
  readonly instance: InstanceData | null;
  readonly loading: boolean;
  readonly error: string | null;
  /** Moves the cursor to an entry (coalesced to one view per animation frame). */
  readonly seek: (seq: number) => void;
  /** Moves the cursor by whole entries (the scrubber's arrow keys). */
  readonly stepCursor: (delta: number) => void;
  /** Follows the newest entry again. */
  readonly followLive: () => void;
  readonly setPlaying: (playing: boolean) => void;
  readonly setSpeed: (speed: ReplaySpeed) => void;
  readonly pause: () => Promise<boolean>;
  readonly resume: () => Promise<boolean>;
  readonly step: (until: StepUntil) => Promise<boolean>;
  readonly cancel: () => Promise<boolean>;
  readonly decide: (elementId: string, decision: Decision) => Promise<boolean>;
  readonly publish: (eventType: string, payload?: Record<string, unknown>) => Promise<boolean>;
  readonly nextOutcome: (next: NextOutcome) => Promise<boolean>;
  readonly sendBreakpoints: (breakpoints: readonly Breakpoint[]) => Promise<boolean>;
  /**
   * Starts a new run branching off this one after entry `seq` (the cursor by default), with
   * `data` as the instance data.
   */
  readonly fork: (data: Record<string, unknown>, seq?: number) => Promise<RunSummary | null>;
  /** Loads the run and follows it; returns what stops that (`dispose`). Nothing happens before. */
  readonly start: () => () => void;
  readonly dispose: () => void;
}

export type RunSessionStore = ReturnType<typeof createRunSession>;

export interface RunSessionOptions {
  readonly client: Client;
  readonly subscribe: Subscribe;
  readonly runId: string;
  /** The document shown; a run of a saved version is folded against that version instead. */
  readonly document: WorkflowDocument;
  readonly frames?: Frames;
  readonly onError?: (error: unknown) => void;
}

const isFinal = (summary: RunSummary | null) =>
  summary !== null && FINAL_STATUSES.has(summary.status);

/**
 * The debugger's hold on one run: its summary, its journal as a `RunHistory` (loaded in pages,
 * then followed as the run goes on), its report once it ended, and the cursor the canvas and
 * panels show. Scrubbing and replay set the cursor as often as they like; the view at the cursor
 * is computed once per animation frame, and the instance data fetched once the cursor rests.
 */
export function createRunSession(options: RunSessionOptions) {
  const { client, runId, frames = defaultFrames() } = options;
  let disposed = true;
  let frame: number | null = null;
  let stateTimer: ReturnType<typeof setTimeout> | undefined;
  let liveTimer: ReturnType<typeof setTimeout> | undefined;
  let fetching = false;
  let fetchAgain = false;
  let lastFetchAt = -Infinity;
  let stateAtToken = 0;

  const store = createStore<RunSessionState>()((set, get) => {
    const fail = (error: unknown) => {
      if (disposed) return;
      set({ error: describeError(error) });
      options.onError?.(error);
    };

    const resolved = (cursor: Cursor) => {
      const { history } = get();
      const last = history?.lastSeq ?? 0;
      return cursor === 'live' ? last : Math.max(0, Math.min(cursor, last));
    };

    /** Computes the view at the cursor on the next frame: many seeks in a frame cost one `at`. */
    const scheduleView = () => {
      if (frame !== null || disposed) return;
      frame = frames.request(() => {
        frame = null;
        const { history, cursor } = get();
        if (!history) return;
        const seq = resolved(cursor);
        if (get().view?.seq === seq && get().seq === seq) return;
        try {
          set({ seq, view: history.at(seq) });
        } catch (error) {
          fail(error);
        }
        scheduleStateAt();
      });
    };

    const scheduleStateAt = () => {
      clearTimeout(stateTimer);
      stateTimer = setTimeout(() => void fetchStateAt(), STATE_AT_DELAY_MS);
    };

    const fetchStateAt = async () => {
      const seq = get().seq;
      if (get().instance?.seq === seq || !get().history) return;
      const token = ++stateAtToken;
      try {
        const state = await client['runs.stateAt']({ runId, seq });
        if (disposed || token !== stateAtToken) return;
        const root = state.actors[get().history?.kind === 'map' ? 'tracker' : 'flow'];
        set({ instance: { seq, data: dataOf(root?.context) } });
      } catch (error) {
        if (token === stateAtToken) fail(error);
      }
    };

    const append = (entries: readonly JournalEntry[]) => {
      const { history } = get();
      if (!history || entries.length === 0) return;
      history.append(entries.filter((entry) => entry.seq > history.lastSeq));
      set({ revision: get().revision + 1 });
      if (get().cursor === 'live') scheduleView();
    };

    const refreshSummary = async () => {
      const found = await client['runs.list']({ query: runId, limit: 10 });
      const summary = found.find((run) => run.runId === runId) ?? null;
      if (!summary) throw new Error(`Run ${runId} is not in this workspace`);
      if (!disposed) adopt(summary);
    };

    /** Takes a fresh summary; an ended (or waiting) run's report is fetched with it. */
    const adopt = (summary: RunSummary) => {
      set({ summary });
      if (isFinal(summary) || summary.status === 'waiting') {
        if (get().report?.status !== summary.status || get().report?.atMs !== summary.atMs)
          void client['runs.get']({ runId }).then((report) => !disposed && set({ report }), fail);
      }
      if (get().history && summary.seq > get().history!.lastSeq) scheduleLiveFetch();
    };

    /** Fetches what the run journaled since the last entry held: one fetch at a time. */
    const fetchProgress = async () => {
      if (fetching) {
        fetchAgain = true;
        return;
      }
      fetching = true;
      lastFetchAt = frames.now();
      try {
        do {
          fetchAgain = false;
          const after = get().history?.lastSeq ?? 0;
          const page = await client['runs.journal']({ runId, after, limit: JOURNAL_PAGE });
          if (disposed) return;
          append(page.entries);
          if (page.entries.length === JOURNAL_PAGE) fetchAgain = true;
        } while (fetchAgain && !disposed);
        await refreshSummary();
      } catch (error) {
        fail(error);
      } finally {
        fetching = false;
      }
    };

    const scheduleLiveFetch = () => {
      if (liveTimer !== undefined || disposed) return;
      const wait = Math.max(0, lastFetchAt + LIVE_FETCH_INTERVAL_MS - frames.now());
      liveTimer = setTimeout(() => {
        liveTimer = undefined;
        void fetchProgress();
      }, wait);
    };

    /**
     * Runs a control call; its summary is taken and the journal it wrote fetched. Says whether
     * the run took it (a refusal is shown as the session's error).
     */
    const control = async (call: () => Promise<RunSummary>) => {
      let answer: RunSummary;
      try {
        set({ error: null });
        answer = await call();
      } catch (error) {
        fail(error);
        return false;
      }
      // The journal first, then the summary: the toolbar never says more than the canvas shows.
      await fetchProgress();
      const held = get().summary;
      if (!disposed && (!held || held.seq < answer.seq)) adopt(answer);
      return true;
    };

    const clock = createReplayClock({
      frames,
      entries: () => get().history?.entries ?? [],
      current: () => get().seq,
      seek: (seq) => get().seek(seq),
      onEnd: () => set({ playing: false }),
    });

    /** The saved version a run was started from, else the document as it is (a draft's run). */
    const pinnedDocument = async () => {
      const { summary } = get();
      if (!summary?.workflowId || summary.version === null) return options.document;
      const saved = await client['versions.get']({
        id: summary.workflowId,
        version: summary.version,
      });
      return saved.document;
    };

    const load = async () => {
      try {
        await refreshSummary();
        const history = createRunHistory({ document: await pinnedDocument() });
        let after = 0;
        for (;;) {
          const page = await client['runs.journal']({ runId, after, limit: JOURNAL_PAGE });
          if (disposed) return;
          history.append(page.entries);
          if (page.entries.length < JOURNAL_PAGE) break;
          after = history.lastSeq;
        }
        set({ history, revision: get().revision + 1, loading: false });
        scheduleView();
        // Entries journaled while the pages came are fetched now.
        if ((get().summary?.seq ?? 0) > history.lastSeq) scheduleLiveFetch();
      } catch (error) {
        set({ loading: false });
        fail(error);
      }
    };

    let unsubscribe = () => undefined as void;

    return {
      runId,
      summary: null,
      history: null,
      revision: 0,
      report: null,
      cursor: 'live',
      seq: 0,
      view: null,
      playing: false,
      speed: 1,
      instance: null,
      loading: true,
      error: null,
      seek: (seq) => {
        set({ cursor: Math.max(0, Math.round(seq)) });
        scheduleView();
      },
      stepCursor: (delta) => get().seek(resolved(get().cursor) + delta),
      followLive: () => {
        clock.stop();
        set({ cursor: 'live', playing: false });
        scheduleView();
      },
      setPlaying: (playing) => {
        if (playing === get().playing) return;
        if (!playing) {
          clock.stop();
          set({ playing: false });
          return;
        }
        const last = get().history?.lastSeq ?? 0;
        // Playing from the end starts over from the beginning, as a media player does.
        if (resolved(get().cursor) >= last) get().seek(0);
        else get().seek(resolved(get().cursor));
        set({ playing: true });
        clock.start(get().speed);
      },
      setSpeed: (speed) => {
        set({ speed });
        if (get().playing) clock.start(speed);
      },
      pause: () => control(() => client['runs.pause']({ runId })),
      resume: () => control(() => client['runs.resume']({ runId })),
      step: (until) => control(() => client['runs.step']({ runId, until })),
      cancel: () => control(() => client['runs.cancel']({ runId })),
      decide: (elementId, decision) =>
        control(() => client['runs.decide']({ runId, elementId, decision })),
      publish: (eventType, payload) =>
        control(() => client['runs.publish']({ runId, eventType, payload })),
      nextOutcome: (next) => control(() => client['runs.nextOutcome']({ runId, next })),
      sendBreakpoints: async (breakpoints) => {
        if (isFinal(get().summary)) return false;
        return control(() => client['runs.breakpoints']({ runId, breakpoints: [...breakpoints] }));
      },
      fork: async (data, seq = get().seq) => {
        try {
          return await client['runs.fork']({ runId, data, seq });
        } catch (error) {
          fail(error);
          return null;
        }
      },
      start: () => {
        disposed = false;
        unsubscribe = options.subscribe('runs.changed', ({ runs }) => {
          if (runs.some((run) => run.runId === runId)) scheduleLiveFetch();
        });
        if (!get().history) void load();
        else scheduleLiveFetch();
        return () => get().dispose();
      },
      dispose: () => {
        disposed = true;
        clock.stop();
        unsubscribe();
        clearTimeout(stateTimer);
        clearTimeout(liveTimer);
        liveTimer = undefined;
        if (frame !== null) frames.cancel(frame);
        frame = null;
      },
    };
  });
  return store;
}

/** The instance data in a root actor's context: a flow's `data`, else the context itself. */
function dataOf(context: unknown): Readonly<Record<string, unknown>> {
  if (context === null || typeof context !== 'object') return {};
  const record = context as Record<string, unknown>;
  const data = record.data;
  return data !== null && typeof data === 'object' && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : record;
}
