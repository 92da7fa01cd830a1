import { useState } from 'react';
import { useStore } from 'zustand';
import { MockOutcome } from '../../src-shared/model/catalog';
import type { Element } from '../../src-shared/model/document';
import type { RunSessionStore } from './runSession';

const outcomeLabels: Readonly<Record<MockOutcome, string>> = {
  ok: 'ok',
  fail: 'fail',
  timeout: 'time out',
  hang: 'hang',
  'late-ok': 'late success',
};

/**
 * While the run is paused and a service task is selected: forces the outcome of its mock's next
 * answer ("what if payment fails now?").
 */
export function NextOutcomeControl({
  session,
  selected,
}: {
  session: RunSessionStore;
  selected: Element | undefined;
}) {
  const paused = useStore(session, (state) => state.summary?.status === 'paused');
  const [outcome, setOutcome] = useState<MockOutcome>('fail');
  const [note, setNote] = useState<string | null>(null);
  if (!paused || selected?.type !== 'serviceTask') return null;
  const name = selected.name || selected.id;
  return (
    <span className="debug-outcome" role="group" aria-label={`Next outcome of ${name}`}>
      <select
        aria-label={`Next outcome of ${name}`}
        value={outcome}
        onChange={(event) => setOutcome(MockOutcome.parse(event.target.value))}
      >
        {MockOutcome.options.map((option) => (
          <option key={option} value={option}>
            {outcomeLabels[option]}
          </option>
        ))}
      </select>
      <button
        type="button"
        title={`The next answer of ${name} will be: ${outcomeLabels[outcome]}`}
        onClick={() => {
          void session
            .getState()
            .nextOutcome({ key: selected.id, outcome })
            .then((taken) => taken && setNote(`${name} will ${outcomeLabels[outcome]} next`));
        }}
      >
        Set next outcome
      </button>
      {note && (
        <span className="debug-note" role="status">
          {note}
        </span>
      )}
    </span>
  );
}
