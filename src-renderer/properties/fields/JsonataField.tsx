import { useEffect, useId, useState, type ReactNode } from 'react';
import { describeSyntaxError, jsonataSyntaxError, type SyntaxErrorAt } from '../jsonataSyntaxError';
import { useFieldState } from '../useFieldState';
import { JsonataPreview } from './JsonataPreview';

/** How long typing must pause before the syntax is checked again. */
export const SYNTAX_CHECK_DELAY_MS = 150;

interface JsonataFieldProps {
  readonly label: string;
  readonly value: string | undefined;
  /** Applies the expression (`undefined`: none); returns why it was refused, or `null`. */
  readonly onCommit: (expression: string | undefined) => string | null;
  /** What the preview's sample data stands for: "Sample instance data (JSON)". */
  readonly sampleLabel: string;
  readonly hint?: ReactNode;
  readonly placeholder?: string;
}

const check = (text: string) => (text.trim() === '' ? null : jsonataSyntaxError(text));

/**
 * A JSONata expression: its syntax checked as it is typed, with the line and column of a
 * mistake, and a preview against sample data. It is applied when focus leaves the field or on
 * Ctrl+Enter; Escape puts the stored expression back. An expression with a syntax error is
 * still applied, as the format allows (a half-typed expression never blocks saving), and
 * validation reports it as well.
 */
export function JsonataField({
  label,
  value,
  onCommit,
  sampleLabel,
  hint,
  placeholder,
}: JsonataFieldProps) {
  const id = useId();
  const stored = value ?? '';
  const { draft, setDraft, error, setError } = useFieldState(stored, (text: string) => text);
  const [syntax, setSyntax] = useState<SyntaxErrorAt | null>(() => check(stored));
  const [previewOpen, setPreviewOpen] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setSyntax(check(draft)), SYNTAX_CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  const commit = (text: string) => {
    if (text === stored) setError(null);
    else setError(onCommit(text.trim() === '' ? undefined : text));
  };

  const syntaxId = `${id}-syntax`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [syntax ? syntaxId : null, error ? errorId : null, hint ? hintId : null]
    .filter(Boolean)
    .join(' ');
  const rows = Math.min(8, Math.max(2, draft.split('\n').length));
  return (
    <div className="prop-field prop-jsonata">
      <label className="prop-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="prop-input prop-code"
        rows={rows}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        placeholder={placeholder}
        value={draft}
        aria-describedby={describedBy || undefined}
        aria-invalid={syntax || error ? true : undefined}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={(event) => commit(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            commit(event.currentTarget.value);
          } else if (event.key === 'Escape') {
            setDraft(stored);
            setError(null);
          }
        }}
      />
      {syntax ? (
        <p className="prop-error" id={syntaxId}>
          {describeSyntaxError(syntax)}
        </p>
      ) : null}
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
      <button
        type="button"
        className="prop-preview-toggle"
        aria-expanded={previewOpen}
        aria-controls={previewOpen ? `${id}-preview` : undefined}
        aria-label={`Preview ${label}`}
        onClick={() => setPreviewOpen(!previewOpen)}
      >
        Preview
      </button>
      {previewOpen ? (
        <div id={`${id}-preview`}>
          <JsonataPreview expression={draft} sampleLabel={sampleLabel} />
        </div>
      ) : null}
    </div>
  );
}
