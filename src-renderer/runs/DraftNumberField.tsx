import { useState } from 'react';

/** What a number field's text stands for: nothing, a number, or the text itself (not a number). */
export function numberOfText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : trimmed;
}

/** A latency: "80" (ms) or a range "10-400"; anything else is kept as typed. */
export function latencyOfText(text: string): unknown {
  const range = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(text);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  return numberOfText(text);
}

export const textOfLatency = (value: unknown): string => {
  if (value !== null && typeof value === 'object' && 'min' in value && 'max' in value) {
    return `${String(value.min)}-${String(value.max)}`;
  }
  return textOfValue(value);
};

const textOfValue = (value: unknown) =>
  value === undefined || value === null
    ? ''
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

interface Props {
  readonly label: string;
  /** What the scenario holds now (a number, or whatever the JSON view put there). */
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  readonly placeholder?: string;
  readonly disabled?: boolean;
  readonly className?: string;
  /** How text reads as a value, and back (a number by default). */
  readonly parse?: (text: string) => unknown;
  readonly format?: (value: unknown) => string;
}

/**
 * A number in the scenario form. What is typed goes into the scenario as it is typed: a number
 * when it reads as one, else the text, so that the check names the field and blocks the start;
 * an empty field removes the setting (the catalog's default applies). Typing "0." keeps the dot.
 */
export function DraftNumberField({
  label,
  value,
  onChange,
  placeholder,
  disabled,
  className,
  parse = numberOfText,
  format = textOfValue,
}: Props) {
  const [text, setText] = useState(() => format(value));
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    // Changed elsewhere (the JSON view, a saved scenario): show it, unless it is what was typed.
    setSeen(value);
    if (format(parse(text)) !== format(value)) setText(format(value));
  }
  return (
    <input
      className={className ?? 'runs-number'}
      inputMode="decimal"
      aria-label={label}
      title={label}
      value={text}
      placeholder={placeholder}
      disabled={disabled}
      onChange={(event) => {
        setText(event.target.value);
        const next = parse(event.target.value);
        setSeen(next);
        onChange(next);
      }}
    />
  );
}
