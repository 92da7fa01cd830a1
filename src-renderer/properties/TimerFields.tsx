import { useState } from 'react';
import type { TimerSpec } from '../../src-shared/model/expressions';
import { DurationField } from './fields/DurationField';
import { SelectField } from './fields/SelectField';
import { TextField } from './fields/TextField';
import { TIMER_LIMITS, TimerAt } from './limits';

interface TimerFieldsProps {
  readonly timer: TimerSpec | undefined;
  /** Applies the timer; returns why it was refused, or `null`. */
  readonly onCommit: (timer: TimerSpec) => string | null;
}

type Mode = 'duration' | 'at';

const atProblem = (text: string) =>
  TimerAt.safeParse(text.trim()).success
    ? null
    : 'Enter a date and time with its offset, such as 2026-12-24T18:00:00Z or 2026-12-24T19:00:00+01:00.';

const localTime = (at: string) => {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? undefined : `Your local time: ${date.toLocaleString()}`;
};

/**
 * A timer: wait for a duration (with units) or until a date and time (ISO 8601 with an offset).
 * Switching between the two changes nothing until a value of the other kind is entered.
 */
export function TimerFields({ timer, onCommit }: TimerFieldsProps) {
  const stored: Mode = timer && 'at' in timer ? 'at' : 'duration';
  const [mode, setMode] = useState<Mode>(stored);
  return (
    <>
      <SelectField
        label="Wait"
        value={mode}
        options={[
          { value: 'duration', label: 'For a duration' },
          { value: 'at', label: 'Until a date and time' },
        ]}
        onCommit={(chosen) => {
          setMode(chosen as Mode);
          return null;
        }}
      />
      {mode === 'duration' ? (
        <DurationField
          label="Duration"
          required
          valueMs={timer && 'durationMs' in timer ? timer.durationMs : undefined}
          limits={TIMER_LIMITS}
          onCommit={(ms) => onCommit({ durationMs: ms ?? 0 })}
        />
      ) : (
        <TextField
          label="Date and time"
          placeholder="2026-12-24T18:00:00Z"
          value={timer && 'at' in timer ? timer.at : ''}
          hint={timer && 'at' in timer ? localTime(timer.at) : 'ISO 8601, with Z or an offset.'}
          validate={atProblem}
          onCommit={(text) => onCommit({ at: text.trim() })}
        />
      )}
    </>
  );
}
