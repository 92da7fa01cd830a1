import { useMemo } from 'react';
import type { RunPanelProps } from './runPanelProps';
import { useViewAt } from './runPanelProps';
import { formatMs } from './runText';

/**
 * A map's broker at the cursor: per consumer its backlog (depth), deliveries taken, how long its
 * oldest waiting event has waited, its dead letters and whether it is down; then every dead
 * letter so far, each a link to the entry that recorded it.
 */
export function BrokerPanel({ history, cursor, onSeek, onSelectElement }: RunPanelProps) {
  const view = useViewAt(history, cursor);
  const lastSeq = history.lastSeq;
  const deadLetters = useMemo(
    () => history.entries.filter((entry) => entry.kind === 'dead-letter' && entry.seq <= cursor),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the history grows in place
    [history, cursor, lastSeq],
  );
  // Bars scale to the deepest queue shown (at least a few events, so one event is not a full bar).
  const deepest = Math.max(4, ...view.queues.map((queue) => queue.depth));
  if (view.queues.length === 0) {
    return (
      <section className="run-panel broker-panel" aria-label="Broker">
        <p className="run-panel-empty">
          {history.kind === 'flow'
            ? 'A flow has no broker queues: its events go straight to whoever awaits them.'
            : 'This map has no consumers.'}
        </p>
      </section>
    );
  }
  return (
    <section className="run-panel broker-panel" aria-label="Broker">
      <div className="run-panel-scroll">
        <table className="run-table" aria-label="Queues per consumer">
          <thead>
            <tr>
              <th scope="col">Consumer</th>
              <th scope="col" className="num">
                Depth
              </th>
              <th scope="col" className="num">
                Delivered
              </th>
              <th scope="col" className="num">
                Lag
              </th>
              <th scope="col" className="num">
                Dead letters
              </th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {view.queues.map((queue) => (
              <tr
                key={queue.service}
                className={`${queue.down ? 'is-down' : ''}${queue.deadLetters > 0 ? ' has-dead-letters' : ''}`}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="run-link"
                    onClick={() => onSelectElement(queue.service)}
                  >
                    {history.nameOf(queue.service)}
                  </button>
                </th>
                <td className="num">
                  <span className="depth-cell">
                    <span className="depth-track" aria-hidden="true">
                      <span
                        className="depth-bar"
                        style={{ width: `${(100 * queue.depth) / deepest}%` }}
                      />
                    </span>
                    <span>{queue.depth}</span>
                  </span>
                </td>
                <td className="num">{queue.delivered}</td>
                <td className="num">{queue.lagMs > 0 ? formatMs(queue.lagMs) : '—'}</td>
                <td className={`num${queue.deadLetters > 0 ? ' is-bad' : ''}`}>
                  {queue.deadLetters}
                </td>
                <td>
                  {queue.down ? (
                    <span className="run-badge is-warn">down</span>
                  ) : (
                    <span className="run-badge is-ok">up</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="run-panel-subtitle">Dead letters</h3>
        {deadLetters.length === 0 ? (
          <p className="run-panel-note">None so far.</p>
        ) : (
          <ul className="run-list" aria-label="Dead letters">
            {deadLetters.map((entry) => (
              <li key={entry.seq}>
                <button type="button" className="run-link" onClick={() => onSeek(entry.seq)}>
                  #{entry.seq}
                </button>{' '}
                <strong>{String(entry.data.type)}</strong> ({String(entry.data.eventId)}) gave up at{' '}
                <button
                  type="button"
                  className="run-link"
                  onClick={() => onSelectElement(String(entry.data.service))}
                >
                  {history.nameOf(String(entry.data.service))}
                </button>{' '}
                after {String(entry.data.deliveries)} deliveries, {formatMs(entry.atMs)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
