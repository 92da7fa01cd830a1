import { useMemo } from 'react';
import type { RunHistory, RunViewAt } from '../../../src-shared/runtime/runView';

/** What every panel of the debugger's run panel is given by its host. */
export interface RunPanelProps {
  /** The run's history (appended to as a live run goes on: panels redraw when `lastSeq` moves). */
  readonly history: RunHistory;
  /** The journal entry shown: every panel shows the run right after it. */
  readonly cursor: number;
  /** Moves the cursor (the host moves the canvas and every panel with it). */
  readonly onSeek: (seq: number) => void;
  /** Selects and centres an element on the canvas. */
  readonly onSelectElement: (elementId: string) => void;
}

/** The view of the run at the cursor, computed again only when the cursor or the history moves. */
export function useViewAt(history: RunHistory, cursor: number): RunViewAt {
  const lastSeq = history.lastSeq;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the history grows in place: lastSeq marks a change
  return useMemo(() => history.at(cursor), [history, cursor, lastSeq]);
}
