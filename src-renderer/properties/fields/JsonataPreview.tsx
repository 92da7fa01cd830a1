import { useEffect, useId, useState } from 'react';
import {
  DEFAULT_EXPRESSION_LIMITS,
  evaluateExpression,
} from '../../../src-shared/expressions/evaluateExpression';

/** How long typing must pause before the preview is evaluated again. */
const PREVIEW_DELAY_MS = 150;
/** A preview is for a quick look: a runaway expression is stopped sooner than at run time. */
const PREVIEW_LIMITS = {
  ...DEFAULT_EXPRESSION_LIMITS,
  timeoutMs: 250,
  now: () => performance.now(),
};

interface Outcome {
  readonly ok: boolean;
  readonly text: string;
}

interface JsonataPreviewProps {
  readonly expression: string;
  /** What the sample stands for: "Sample instance data (JSON)". */
  readonly sampleLabel: string;
  readonly initialSample?: string;
}

/** Evaluates the expression being typed against sample data the user types, safely. */
export function JsonataPreview({
  expression,
  sampleLabel,
  initialSample = '{}',
}: JsonataPreviewProps) {
  const id = useId();
  const [sample, setSample] = useState(initialSample);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void preview(expression, sample).then((result) => current && setOutcome(result));
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [expression, sample]);

  return (
    <div className="prop-preview">
      <label className="prop-label" htmlFor={`${id}-sample`}>
        {sampleLabel}
      </label>
      <textarea
        id={`${id}-sample`}
        className="prop-input prop-code"
        rows={3}
        spellCheck={false}
        value={sample}
        onChange={(event) => setSample(event.currentTarget.value)}
      />
      <div
        className={outcome?.ok === false ? 'prop-preview-result is-error' : 'prop-preview-result'}
        role="status"
        aria-label="Preview result"
      >
        {outcome ? <pre>{outcome.text}</pre> : <span className="prop-hint">Evaluating…</span>}
      </div>
    </div>
  );
}

async function preview(expression: string, sampleText: string): Promise<Outcome> {
  if (expression.trim() === '') return { ok: true, text: 'Nothing to evaluate yet.' };
  let sample: unknown;
  try {
    sample = JSON.parse(sampleText);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, text: `The sample data is not JSON: ${reason}` };
  }
  const result = await evaluateExpression(expression, sample, PREVIEW_LIMITS);
  if (!result.ok) return { ok: false, text: `Error: ${result.message}` };
  if (result.value === undefined) {
    return { ok: true, text: 'No value: the expression finds nothing in this sample.' };
  }
  return { ok: true, text: JSON.stringify(result.value, null, 2) };
}
