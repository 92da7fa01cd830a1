import { useMemo } from 'react';
import { formatMs, type RunPanelProps } from './panels';

/**
 * The run's timeline as a list (one line per call attempt, compensation, timer, wait or delivery,
 * greyed after the cursor), each line a link to where it started. A stand-in for the timeline
 * chart until the view's panel is hosted here.
 */
export function TimelineList({ history, cursor, onSeek, onSelectElement }: RunPanelProps) {
  const lastSeq = history.lastSeq;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the history grows in place
  const bars = useMemo(() => history.timeline(), [history, lastSeq]);
  if (bars.length === 0) return <p className="debug-note">Nothing has happened yet.</p>;
  return (
    <section className="run-panel" aria-label="Timeline">
      <ol className="run-panel-scroll run-lines">
        {bars.map((bar, index) => (
          <li key={index} className={bar.startSeq > cursor ? 'is-after' : undefined}>
            <button type="button" className="run-link" onClick={() => onSeek(bar.startSeq)}>
              #{bar.startSeq}
            </button>{' '}
            {formatMs(bar.startMs)} · <strong>{bar.row}</strong> · {bar.kind}{' '}
            {bar.elementId ? (
              <button
                type="button"
                className="run-link"
                onClick={() => onSelectElement(bar.elementId!)}
              >
                {bar.label}
              </button>
            ) : (
              bar.label
            )}
            {bar.attempt > 1 ? ` (attempt ${bar.attempt})` : ''} → {bar.outcome ?? 'going on'}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A map's events between services as a list: published, delivered, duplicated, dead-lettered. */
export function SequenceList({ history, cursor, onSeek }: RunPanelProps) {
  const lastSeq = history.lastSeq;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the history grows in place
  const messages = useMemo(() => history.sequence(), [history, lastSeq]);
  if (messages.length === 0) return <p className="debug-note">No events yet.</p>;
  return (
    <section className="run-panel" aria-label="Sequence">
      <ol className="run-panel-scroll run-lines">
        {messages.map((message) => (
          <li
            key={`${message.seq}:${message.eventId}:${message.to ?? ''}`}
            className={message.seq > cursor ? 'is-after' : undefined}
          >
            <button type="button" className="run-link" onClick={() => onSeek(message.seq)}>
              #{message.seq}
            </button>{' '}
            {formatMs(message.atMs)} · {message.from} → {message.to ?? 'broker'} ·{' '}
            <strong>{message.type}</strong> ({message.kind})
          </li>
        ))}
      </ol>
    </section>
  );
}
