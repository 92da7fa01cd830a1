import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { JournalEntry } from '../../../src-shared/contract/contract';
import type { RunPanelProps } from './runPanelProps';
import { formatMs, summarizeEntry } from './runText';

const ROW_HEIGHT = 26;
const ALL = '';

/** Summaries are asked for again on every filter keystroke: made once per entry. */
const summaries = new WeakMap<JournalEntry, string>();
function summaryOf(entry: JournalEntry): string {
  let summary = summaries.get(entry);
  if (summary === undefined) {
    summary = summarizeEntry(entry);
    summaries.set(entry, summary);
  }
  return summary;
}

/** A failed attempt, a timeout, a fault or a dead letter: shown in the danger colour. */
const isFailure = (entry: JournalEntry) =>
  entry.kind === 'fault' ||
  entry.kind === 'dead-letter' ||
  (entry.kind === 'result' &&
    (entry.data.outcome === 'failed' || entry.data.outcome === 'timeout'));

/** The position in `positions` of the last entry at or before `cursor` (-1 when none). */
function cursorIndex(
  entries: readonly JournalEntry[],
  positions: readonly number[],
  cursor: number,
) {
  let low = 0;
  let high = positions.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (entries[positions[middle]!]!.seq <= cursor) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * The run's journal as a log: filter by text, kind and element; a row clicked moves the cursor
 * there, its element links to the canvas. Virtualized, so a 100,000-entry run scrolls smoothly;
 * entries after the cursor are dimmed, the cursor's entry highlighted and kept in view. With the
 * log focused, ↑/↓ step the cursor through the rows shown, Home/End jump to the first/last.
 */
export function JournalPanel({ history, cursor, onSeek, onSelectElement }: RunPanelProps) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState(ALL);
  const [element, setElement] = useState(ALL);
  const query = useDeferredValue(text.trim().toLowerCase());
  const lastSeq = history.lastSeq;
  const entries = history.entries;

  const { kinds, elements } = useMemo(() => {
    const kindSet = new Set<string>();
    const elementSet = new Set<string>();
    for (const entry of entries) {
      kindSet.add(entry.kind);
      const id = history.elementOf(entry);
      if (id !== null) elementSet.add(id);
    }
    return {
      kinds: [...kindSet].sort(),
      elements: [...elementSet].sort((a, b) => history.nameOf(a).localeCompare(history.nameOf(b))),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the history grows in place
  }, [history, entries, lastSeq]);

  const positions = useMemo(() => {
    const shown: number[] = [];
    for (let i = 0; i < entries.length; i += 1) {
      const entry = entries[i]!;
      if (kind !== ALL && entry.kind !== kind) continue;
      if (element !== ALL && history.elementOf(entry) !== element) continue;
      if (
        query !== '' &&
        !summaryOf(entry).toLowerCase().includes(query) &&
        !entry.kind.includes(query) &&
        !(entry.actor ?? '').toLowerCase().includes(query)
      )
        continue;
      shown.push(i);
    }
    return shown;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the history grows in place
  }, [history, entries, lastSeq, kind, element, query]);

  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns functions React's compiler cannot memoize, so it leaves this
  // component as written; the list re-renders on scroll by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: positions.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 800, height: 12 * ROW_HEIGHT },
    // Scrolling to the cursor on every scrubbed frame must not force a synchronous render.
    useFlushSync: false,
  });
  const atCursor = cursorIndex(entries, positions, cursor);
  useEffect(() => {
    if (atCursor >= 0) virtualizer.scrollToIndex(atCursor, { align: 'auto' });
  }, [atCursor, virtualizer]);

  const step = (event: KeyboardEvent<HTMLDivElement>) => {
    const target =
      event.key === 'ArrowDown'
        ? Math.min(positions.length - 1, atCursor + 1)
        : event.key === 'ArrowUp'
          ? Math.max(0, atCursor - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? positions.length - 1
              : null;
    if (target === null || positions.length === 0) return;
    event.preventDefault();
    onSeek(entries[positions[target]!]!.seq);
  };

  return (
    <section className="run-panel journal-panel" aria-label="Journal">
      <div className="run-panel-toolbar" role="search" aria-label="Filter the journal">
        <input
          type="search"
          className="run-input"
          placeholder="Filter entries…"
          aria-label="Filter text"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <select
          className="run-input"
          aria-label="Kind"
          value={kind}
          onChange={(event) => setKind(event.target.value)}
        >
          <option value={ALL}>All kinds</option>
          {kinds.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <select
          className="run-input"
          aria-label="Element"
          value={element}
          onChange={(event) => setElement(event.target.value)}
        >
          <option value={ALL}>All elements</option>
          {elements.map((id) => (
            <option key={id} value={id}>
              {history.nameOf(id)}
            </option>
          ))}
        </select>
        <span className="run-panel-count" aria-live="polite">
          {positions.length === entries.length
            ? `${entries.length.toLocaleString('en')} entries`
            : `${positions.length.toLocaleString('en')} of ${entries.length.toLocaleString('en')} entries`}
        </span>
      </div>
      <div
        className="journal-table"
        role="table"
        aria-label="Journal entries"
        aria-rowcount={positions.length + 1}
      >
        <div role="rowgroup" className="journal-head">
          <div role="row" aria-rowindex={1} className="journal-row">
            <span role="columnheader">#</span>
            <span role="columnheader">Time</span>
            <span role="columnheader">Kind</span>
            <span role="columnheader">Actor</span>
            <span role="columnheader">Element</span>
            <span role="columnheader">Summary</span>
          </div>
        </div>
        <div
          ref={scroller}
          role="rowgroup"
          className="journal-scroll run-scroll"
          tabIndex={0}
          aria-label="Entries (↑/↓ move the cursor)"
          onKeyDown={step}
        >
          {positions.length === 0 ? (
            <p className="run-panel-empty">
              {entries.length === 0 ? 'No journal entries yet.' : 'No entries match the filter.'}
            </p>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const entry = entries[positions[item.index]!]!;
                const elementId = history.elementOf(entry);
                const isCursor = item.index === atCursor;
                return (
                  <div
                    key={entry.seq}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-current={isCursor ? 'true' : undefined}
                    className={`journal-row${isCursor ? ' is-cursor' : ''}${entry.seq > cursor ? ' is-future' : ''}${isFailure(entry) ? ' is-failure' : ''} kind-${entry.kind.replace(/\W/g, '-')}`}
                    style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                    onClick={() => onSeek(entry.seq)}
                  >
                    <span role="cell" className="journal-seq">
                      {entry.seq}
                    </span>
                    <span role="cell" className="journal-time">
                      {formatMs(entry.atMs)}
                    </span>
                    <span role="cell" className="journal-kind">
                      {entry.kind}
                    </span>
                    <span role="cell" className="journal-actor">
                      {entry.actor ?? ''}
                    </span>
                    <span role="cell" className="journal-element">
                      {elementId !== null && (
                        <button
                          type="button"
                          className="run-link"
                          title="Show on the canvas"
                          onClick={(event) => {
                            event.stopPropagation();
                            onSelectElement(elementId);
                          }}
                        >
                          {history.nameOf(elementId)}
                        </button>
                      )}
                    </span>
                    <span role="cell" className="journal-summary" title={summaryOf(entry)}>
                      {summaryOf(entry)}
                    </span>
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
