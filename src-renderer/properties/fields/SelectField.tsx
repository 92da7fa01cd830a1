import type { ReactNode } from 'react';
import { useState } from 'react';
import { Field } from './Field';

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

interface SelectFieldProps {
  readonly label: string;
  readonly value: string;
  readonly options: readonly SelectOption[];
  /** Applies the choice; returns why it was refused, or `null`. */
  readonly onCommit: (value: string) => string | null;
  /** What is wrong with the stored value (an unknown operation), shown until it is fixed. */
  readonly problem?: string | null;
  readonly hint?: ReactNode;
  readonly disabled?: boolean;
}

/** A choice among options, applied as soon as it is made. */
export function SelectField({
  label,
  value,
  options,
  onCommit,
  problem,
  hint,
  disabled,
}: SelectFieldProps) {
  const [refusal, setRefusal] = useState<{ value: string; message: string } | null>(null);
  // A refusal is about the choice just made; once the stored value moves on it no longer applies.
  const refused = refusal && refusal.value === value ? refusal.message : null;
  const listed = options.some((option) => option.value === value)
    ? options
    : [...options, { value, label: value }];
  return (
    <Field label={label} hint={hint} error={refused ?? problem}>
      {(control) => (
        <select
          {...control}
          className="prop-input"
          value={value}
          disabled={disabled}
          onChange={(event) => {
            const message = onCommit(event.currentTarget.value);
            setRefusal(message ? { value, message } : null);
          }}
        >
          {listed.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
