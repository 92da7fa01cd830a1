import { useMemo } from 'react';
import type { LedgerEntry } from '../../../src-shared/runtime/runReport';
import type { RunPanelProps } from './runPanelProps';
import { useViewAt } from './runPanelProps';
import { formatMs } from './runText';

interface Line {
  readonly entry: LedgerEntry;
  /** The same effect (business key) performed before. */
  readonly duplicate: boolean;
}

/**
 * Every mock service's ledger at the cursor: the side effects it performed (charged, refunded,
 * reserved, released…: its operations), in order, with late ones (performed after the caller had
 * given up) and duplicates (the same effect key performed again) marked. A line links to the
 * entry that recorded it and to its element.
 */
export function LedgersPanel({ history, cursor, onSeek, onSelectElement }: RunPanelProps) {
  const view = useViewAt(history, cursor);
  const services = useMemo(() => {
    const byService = new Map<string, Line[]>();
    const seen = new Set<string>();
    for (const entry of view.ledger) {
      const key = `${entry.service}\u0000${entry.effectKey}`;
      const lines = byService.get(entry.service) ?? [];
      lines.push({ entry, duplicate: seen.has(key) });
      seen.add(key);
      byService.set(entry.service, lines);
    }
    // In the order the services first acted.
    return [...byService];
  }, [view.ledger]);

  return (
    <section className="run-panel ledgers-panel" aria-label="Ledgers">
      {services.length === 0 ? (
        <p className="run-panel-empty">No service has performed anything yet.</p>
      ) : (
        <div className="ledgers run-panel-scroll">
          {services.map(([service, lines]) => (
            <div className="ledger" key={service}>
              <h3 className="run-panel-subtitle">
                {service}{' '}
                <span className="run-panel-note">
                  {lines.length} effect{lines.length === 1 ? '' : 's'}
                </span>
              </h3>
              <table className="run-table" aria-label={`${service} ledger`}>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Time</th>
                    <th scope="col">Operation</th>
                    <th scope="col">Step</th>
                    <th scope="col">Effect key</th>
                    <th scope="col">Marks</th>
                  </tr>
                </thead>
                <tbody>
                  {lines.map(({ entry, duplicate }) => (
                    <tr
                      key={entry.seq}
                      className={`${entry.late ? 'is-late' : ''}${duplicate ? ' is-duplicate' : ''}`}
                    >
                      <td>
                        <button
                          type="button"
                          className="run-link"
                          aria-label={`Go to entry ${entry.seq}`}
                          onClick={() => onSeek(entry.seq)}
                        >
                          #{entry.seq}
                        </button>
                      </td>
                      <td className="num">{formatMs(entry.atMs)}</td>
                      <td className="ledger-operation">{entry.operation}</td>
                      <td>
                        {entry.elementId !== undefined && (
                          <button
                            type="button"
                            className="run-link"
                            onClick={() => onSelectElement(entry.elementId!)}
                          >
                            {history.nameOf(entry.elementId)}
                          </button>
                        )}
                      </td>
                      <td className="ledger-key" title={entry.idempotencyKey}>
                        {entry.effectKey}
                      </td>
                      <td>
                        {entry.late && <span className="run-badge is-warn">late</span>}
                        {duplicate && <span className="run-badge is-bad">duplicate</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
