import { useRef } from 'react';

interface InlineNameFieldProps {
  readonly label: string;
  readonly initial: string;
  readonly maxLength: number;
  readonly className: string;
  /** Called once with the trimmed new name, only when it is non-empty and different. */
  readonly onRename: (name: string) => void;
  /** Called once when editing ends, renamed or not. */
  readonly onDone: () => void;
}

/** Renaming in place: Enter or leaving the field keeps the name, Escape keeps the old one. */
export function InlineNameField({
  label,
  initial,
  maxLength,
  className,
  onRename,
  onDone,
}: InlineNameFieldProps) {
  const finished = useRef(false);
  const finish = (value: string | null) => {
    if (finished.current) return;
    finished.current = true;
    const trimmed = value?.trim();
    if (trimmed && trimmed !== initial) onRename(trimmed);
    onDone();
  };
  return (
    <input
      className={className}
      aria-label={label}
      defaultValue={initial}
      autoFocus
      maxLength={maxLength}
      onFocus={(event) => event.currentTarget.select()}
      onBlur={(event) => finish(event.currentTarget.value)}
      onKeyDown={(event) => {
        // Keys typed here are text, not canvas or list shortcuts.
        event.stopPropagation();
        if (event.key === 'Enter') finish(event.currentTarget.value);
        if (event.key === 'Escape') finish(null);
      }}
    />
  );
}
