import { useId, type ReactNode } from 'react';

/** The attributes that tie a control to its label, hint and message. */
export interface ControlProps {
  readonly id: string;
  readonly 'aria-describedby': string | undefined;
  readonly 'aria-invalid': true | undefined;
}

interface FieldProps {
  readonly label: string;
  readonly hint?: ReactNode;
  /** What is wrong with the value, in words; linked to the control with `aria-describedby`. */
  readonly error?: string | null;
  readonly children: (control: ControlProps) => ReactNode;
}

/** One labelled property: the label, the control, a hint and what is wrong, if anything. */
export function Field({ label, hint, error, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className="prop-field">
      <label className="prop-label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': error ? true : undefined,
      })}
      {error ? (
        <p className="prop-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className="prop-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
