import type { ReactNode } from 'react';
import { useId, useState } from 'react';

interface CheckboxFieldProps {
  readonly label: string;
  readonly checked: boolean;
  /** Applies the change; returns why it was refused, or `null`. */
  readonly onCommit: (checked: boolean) => string | null;
  readonly hint?: ReactNode;
}

/** A yes/no property, applied as soon as it is ticked. */
export function CheckboxField({ label, checked, onCommit, hint }: CheckboxFieldProps) {
  const id = useId();
  const [refusal, setRefusal] = useState<{ checked: boolean; message: string } | null>(null);
  const refused = refusal && refusal.checked === checked ? refusal.message : null;
  const describedBy = [refused ? `${id}-error` : null, hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="prop-field prop-check">
      <label>
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={describedBy || undefined}
          aria-invalid={refused ? true : undefined}
          onChange={(event) => {
            const message = onCommit(event.currentTarget.checked);
            setRefusal(message ? { checked, message } : null);
          }}
        />{' '}
        {label}
      </label>
      {refused ? (
        <p className="prop-error" id={`${id}-error`}>
          {refused}
        </p>
      ) : null}
      {hint ? (
        <p className="prop-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
