import type { Consistency, ViolationCode } from '../../../src-shared/runtime/runReport';
import { formatMs } from './runText';

export interface VerdictPanelProps {
  /** The run report's consistency verdict (null while the report is being read). */
  readonly consistency: Consistency | null;
  readonly onSeek: (seq: number) => void;
  readonly onSelectElement: (elementId: string) => void;
  /** An element's name (the history's `nameOf`); ids are shown without it. */
  readonly nameOf?: (elementId: string) => string;
}

const codeLabel: Readonly<Record<ViolationCode, string>> = {
  'not-undone': 'Not undone',
  duplicate: 'Duplicate',
  hung: 'Hung',
  'dead-letter': 'Dead letter',
  unfinished: 'Unfinished',
};

/**
 * Whether the run left the services consistent: the headline, each violation with its message
 * and links to the steps that caused it (journal entries, and the element on the canvas), then
 * duplicate side effects and successes that came after the caller had given up.
 */
export function VerdictPanel({ consistency, onSeek, onSelectElement, nameOf }: VerdictPanelProps) {
  const name = (id: string) => nameOf?.(id) ?? id;
  const seqLinks = (seqs: readonly number[]) =>
    seqs.map((seq) => (
      <button
        key={seq}
        type="button"
        className="run-link"
        aria-label={`Go to entry ${seq}`}
        onClick={() => onSeek(seq)}
      >
        #{seq}
      </button>
    ));
  if (consistency === null) {
    return (
      <section className="run-panel verdict-panel" aria-label="Verdict">
        <p className="run-panel-empty">Reading the verdict…</p>
      </section>
    );
  }
  const { ok, violations, duplicates, lateSuccesses } = consistency;
  return (
    <section className="run-panel verdict-panel" aria-label="Verdict">
      <div className="run-panel-scroll">
        <h3 className={`verdict-headline ${ok ? 'is-ok' : 'is-bad'}`}>
          <span aria-hidden="true">{ok ? '✓' : '✕'}</span>{' '}
          {ok
            ? 'Consistent'
            : `Inconsistent: ${violations.length} violation${violations.length === 1 ? '' : 's'}`}
        </h3>
        {violations.length > 0 && (
          <ul className="run-list verdict-violations" aria-label="Violations">
            {violations.map((violation, index) => (
              <li key={`${violation.code}:${index}`} className="verdict-violation">
                <span className="run-badge is-bad">{codeLabel[violation.code]}</span>{' '}
                <span className="verdict-message">{violation.message}</span>
                <span className="verdict-links">
                  {violation.elementId !== undefined && (
                    <button
                      type="button"
                      className="run-link"
                      onClick={() => onSelectElement(violation.elementId!)}
                    >
                      {name(violation.elementId)}
                    </button>
                  )}
                  {violation.service !== undefined && (
                    <span className="run-panel-note">
                      {violation.service}
                      {violation.operation ? `.${violation.operation}` : ''}
                    </span>
                  )}
                  {seqLinks(violation.seqs)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <h3 className="run-panel-subtitle">Duplicate side effects</h3>
        {duplicates.length === 0 ? (
          <p className="run-panel-note">None.</p>
        ) : (
          <ul className="run-list" aria-label="Duplicate side effects">
            {duplicates.map((duplicate) => (
              <li key={`${duplicate.service}:${duplicate.effectKey}`}>
                {duplicate.service}.{duplicate.operation} performed {duplicate.count} times for{' '}
                <code>{duplicate.effectKey}</code> {seqLinks(duplicate.seqs)}
              </li>
            ))}
          </ul>
        )}
        <h3 className="run-panel-subtitle">Late successes</h3>
        {lateSuccesses.length === 0 ? (
          <p className="run-panel-note">None.</p>
        ) : (
          <ul className="run-list" aria-label="Late successes">
            {lateSuccesses.map((late) => (
              <li key={late.seq}>
                {late.service}.{late.operation} succeeded at {formatMs(late.atMs)}, after its caller
                had given up
                {late.elementId !== undefined && (
                  <>
                    {' '}
                    (
                    <button
                      type="button"
                      className="run-link"
                      onClick={() => onSelectElement(late.elementId!)}
                    >
                      {name(late.elementId)}
                    </button>
                    )
                  </>
                )}{' '}
                {seqLinks([late.seq])}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
