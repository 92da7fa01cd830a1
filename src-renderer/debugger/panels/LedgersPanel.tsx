import { useMemo } from 'react';
import type { LedgerEntry } from '../../../src-shared/runtime/runReport';
import type { RunPanelProps } from './runPanelProps';
import { useViewAt } from './runPanelProps';
import { formatMs } from './runText';
import { lastIndexAtOrBefore } from '../../../src-shared/runtime/sortedSearch';

/**
 * Lines shown per service: the latest ones. A long run's ledger has tens of thousands of lines and
 * the panel follows the scrubber frame by frame; the note says how many earlier lines (and how
 * many of them late or duplicate) are left to the journal.
 */
export const LEDGER_LINES_SHOWN = 40;

interface Line {
  readonly entry: LedgerEntry;
  /** The same effect (business key) performed before. */
  readonly duplicate: boolean;
}

/** A service's lines in the whole ledger held, with a running count of the marked ones. */
interface ServiceLines {
  readonly service: string;
  /** Positions in the whole ledger, ascending. */
  readonly positions: number[];
  /** `markedBefore[i]`: late or duplicate lines among the first `i` of this service. */
  readonly markedBefore: number[];
}

/**
 * Indexes the whole ledger once (the ledger at any cursor is a prefix of it), so that the panel
 * following the scrubber only looks at the lines it shows.
 */
function indexLedger(ledger: readonly LedgerEntry[]) {
  const lines: Line[] = [];
  const services = new Map<string, ServiceLines>();
  const seen = new Set<string>();
  ledger.forEach((entry, position) => {
    const key = `${entry.service}\u0000${entry.effectKey}`;
    const line = { entry, duplicate: seen.has(key) };
    seen.add(key);
    lines.push(line);
    let service = services.get(entry.service);
    if (!service) {
      service = { service: entry.service, positions: [], markedBefore: [0] };
      services.set(entry.service, service);
    }
    service.positions.push(position);
    const marked = line.duplicate || entry.late ? 1 : 0;
    service.markedBefore.push((service.markedBefore.at(-1) ?? 0) + marked);
  });
  // In the order the services first acted.
  return { lines, services: [...services.values()] };
}

/** How many of the ascending `positions` are below `end`. */
const countBelow = (positions: readonly number[], end: number) =>
  lastIndexAtOrBefore(positions, end - 1, (position) => position) + 1;

/**
 * Every mock service's ledger at the cursor: the side effects it performed (charged, refunded,
 * reserved, released…: its operations), in order, with late ones (performed after the caller had
 * given up) and duplicates (the same effect key performed again) marked. A line links to the
 * entry that recorded it and to its element.
 */
export function LedgersPanel({ history, cursor, onSeek, onSelectElement }: RunPanelProps) {
  const view = useViewAt(history, cursor);
  const lastSeq = history.lastSeq;
  const whole = useMemo(() => indexLedger(history.at(lastSeq).ledger), [history, lastSeq]);
  const held = view.ledger.length;
  const services = useMemo(
    () =>
      whole.services.flatMap(({ service, positions, markedBefore }) => {
        const count = countBelow(positions, held);
        if (count === 0) return [];
        const from = Math.max(0, count - LEDGER_LINES_SHOWN);
        const shown = positions.slice(from, count).map((position) => whole.lines[position] as Line);
        return [[service, count, shown, markedBefore[from] ?? 0] as const];
      }),
    [whole, held],
  );

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
                  {lines.map(({ entry, duplicate }, slot) => (
                    <tr
                      // By place, not by entry: while the cursor moves the same rows show other
                      // lines, so a scrubbed frame changes text rather than making rows.
                      key={slot}
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
