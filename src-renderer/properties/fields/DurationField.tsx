import type { ReactNode } from 'react';
import {
  DURATION_UNITS,
  describeDuration,
  parseDuration,
  splitDuration,
  type DurationLimits,
  type DurationUnit,
} from '../duration';
import { useFieldState } from '../useFieldState';
import { Field } from './Field';

interface DurationFieldProps {
  readonly label: string;
  readonly valueMs: number | undefined;
  readonly limits: DurationLimits;
  /** Blank is refused when required; otherwise blank removes the property. */
  readonly required?: boolean;
  /** Applies whole milliseconds (`undefined`: none); returns why it was refused, or `null`. */
  readonly onCommit: (ms: number | undefined) => string | null;
  readonly hint?: ReactNode;
}

interface Draft {
  readonly text: string;
  readonly unit: DurationUnit;
}

const DAY_MS = 86_400_000;

const sameDuration = ({ text, unit }: Draft, ms: number) => {
  const parsed = parseDuration(text, unit, { allowZero: true, maxMs: Number.MAX_SAFE_INTEGER });
  return parsed.ok && parsed.ms === ms;
};

/**
 * A duration typed as a number and a unit (ms, s, min, h) and stored as whole milliseconds. It is
 * applied on Enter, when the unit changes, or when focus leaves the pair; a value the schema
 * would refuse (0, negative, not a number, too long) is explained and not applied.
 */
export function DurationField({
  label,
  valueMs,
  limits,
  required = false,
  onCommit,
  hint,
}: DurationFieldProps) {
  const { draft, setDraft, error, setError } = useFieldState(
    valueMs,
    (stored: number | undefined, previous: Draft | null): Draft => {
      if (stored === undefined) return { text: '', unit: previous?.unit ?? 's' };
      // Keep what was typed ("1.5 min") when it is what was stored.
      if (previous && sameDuration(previous, stored)) return previous;
      const { value, unit } = splitDuration(stored, previous?.unit);
      return { text: value, unit };
    },
  );

  const commit = ({ text, unit }: Draft) => {
    if (text.trim() === '') {
      if (required) setError('Enter a duration.');
      else setError(valueMs === undefined ? null : onCommit(undefined));
      return;
    }
    const parsed = parseDuration(text, unit, limits);
    if (!parsed.ok) setError(parsed.message);
    else setError(parsed.ms === valueMs ? null : onCommit(parsed.ms));
  };

  const inWords = valueMs !== undefined && valueMs >= DAY_MS ? describeDuration(valueMs) : null;
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <div
          className="prop-duration"
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget)) commit(draft);
          }}
        >
          <input
            {...control}
            className="prop-input"
            type="text"
            inputMode="decimal"
            value={draft.text}
            onChange={(event) => setDraft({ ...draft, text: event.currentTarget.value })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                commit(draft);
              }
            }}
          />
          <select
            className="prop-input prop-unit"
            aria-label={`${label} unit`}
            aria-describedby={control['aria-describedby']}
            value={draft.unit}
            onChange={(event) => {
              const next = { ...draft, unit: event.currentTarget.value as DurationUnit };
              setDraft(next);
              if (next.text.trim() !== '') commit(next);
            }}
          >
            {DURATION_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
          {inWords ? <span className="prop-duration-words">{inWords}</span> : null}
        </div>
      )}
    </Field>
  );
}
