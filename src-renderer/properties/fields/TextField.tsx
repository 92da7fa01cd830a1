import type { ChangeEvent, FocusEvent, KeyboardEvent, ReactNode } from 'react';
import { useFieldState } from '../useFieldState';
import { Field } from './Field';

interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  /** Why the text cannot be used, in words, or `null`: checked before anything is sent. */
  readonly validate?: (text: string) => string | null;
  /** Applies the text; returns why it was refused, or `null`. */
  readonly onCommit: (text: string) => string | null;
  readonly hint?: ReactNode;
  readonly placeholder?: string;
  readonly multiline?: boolean;
  readonly inputMode?: 'text' | 'decimal' | 'numeric';
}

/**
 * A text property applied when it is committed: on Enter (Ctrl+Enter when multiline) or when
 * the field is left. Escape puts the stored value back. An invalid value is shown, never sent.
 */
export function TextField({
  label,
  value,
  validate,
  onCommit,
  hint,
  placeholder,
  multiline = false,
  inputMode,
}: TextFieldProps) {
  const { draft, setDraft, error, setError } = useFieldState(value, (stored: string) => stored);
  const commit = (text: string) => {
    if (text === value) {
      setError(null);
      return;
    }
    setError(validate?.(text) ?? onCommit(text));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit(event.currentTarget.value);
    } else if (event.key === 'Escape') {
      setDraft(value);
      setError(null);
    }
  };
  const common = {
    className: multiline ? 'prop-input prop-textarea' : 'prop-input',
    value: draft,
    placeholder,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setDraft(event.currentTarget.value),
    onBlur: (event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      commit(event.currentTarget.value),
    onKeyDown,
  };
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) =>
        multiline ? (
          <textarea {...control} {...common} rows={3} />
        ) : (
          <input {...control} {...common} type="text" inputMode={inputMode} />
        )
      }
    </Field>
  );
}
