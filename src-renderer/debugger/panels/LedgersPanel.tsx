import { useMemo } from 'react';
import type { LedgerEntry } from '../../../src-shared/runtime/runReport';
import type { RunPanelProps } from './runPanelProps';
import { useViewAt } from './runPanelProps';
import { formatMs } from './runText';

/**
 * Lines shown per service: the latest ones. A long run's ledger has tens of thousands of lines and
 * the panel follows the scrubber frame by frame; the note says how many earlier lines (and how
 * many of them late or duplicate) are left to the journal.
 */
export const LEDGER_LINES_SHOWN = 200;

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
    return [...byService].map(([service, lines]) => {
      const earlier = lines.slice(0, Math.max(0, lines.length - LEDGER_LINES_SHOWN));
      const marked = earlier.filter((line) => line.duplicate || line.entry.late).length;
      return [service, lines.length, lines.slice(earlier.length), marked] as const;
    });
  }, [view.ledger]);

  return (
    <section className="run-panel ledgers-panel" aria-label="Ledgers">
      {services.length === 0 ? (
        <p className="run-panel-empty">No service has performed anything yet.</p>
      ) : (
        <div className="ledgers run-panel-scroll">
          {services.map(([service, count, lines, marked]) => (
            <div className="ledger" key={service}>
              <h3 className="run-panel-subtitle">
                {service}{' '}
                <span className="run-panel-note">
                  {count} effect{count === 1 ? '' : 's'}
                  {lines.length < count &&
                    ` · the latest ${lines.length} shown; the ${(count - lines.length).toLocaleString('en')} before them${marked > 0 ? ` (${marked.toLocaleString('en')} late or duplicate)` : ''} are in the journal`}
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
