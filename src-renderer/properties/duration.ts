/** The units a duration can be typed in; the document stores whole milliseconds. */
export const DURATION_UNITS = ['ms', 's', 'min', 'h'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const MS_PER_UNIT: Readonly<Record<DurationUnit, number>> = {
  ms: 1,
  s: 1_000,
  min: 60_000,
  h: 3_600_000,
};

/** What a duration field accepts: above zero or from zero, up to a maximum (the schema's). */
export interface DurationLimits {
  readonly allowZero: boolean;
  readonly maxMs: number;
}

export type DurationParse =
  { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly message: string };

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/**
 * Reads what a person typed (`"1.5"` in seconds) as whole milliseconds, or says in words why it
 * cannot be used. A comma is read as a decimal point. Blank text is the caller's to handle.
 */
export function parseDuration(
  text: string,
  unit: DurationUnit,
  limits: DurationLimits,
): DurationParse {
  const typed = text.trim();
  if (!NUMBER.test(typed)) {
    return { ok: false, message: `“${typed}” is not a number: enter a number such as 30.` };
  }
  const value = Number(typed.replace(',', '.'));
  const lowest = limits.allowZero ? 'enter 0 or more' : 'enter a number above 0';
  if (value < 0) return { ok: false, message: `A duration cannot be negative: ${lowest}.` };
  if (value === 0 && !limits.allowZero) {
    return { ok: false, message: `A duration of 0 is not allowed: ${lowest}.` };
  }
  const exact = value * MS_PER_UNIT[unit];
  const ms = Math.round(exact);
  // 1.1 s is 1100.0000000000002 ms in floating point: that is still a whole number.
  if (Math.abs(exact - ms) > 1e-6) {
    return {
      ok: false,
      message: `${typed} ${unit} is not a whole number of milliseconds: 1 ms is the smallest step.`,
    };
  }
  if (ms > limits.maxMs) {
    return {
      ok: false,
      message: `That is longer than allowed: at most ${describeDuration(limits.maxMs)}.`,
    };
  }
  return { ok: true, ms };
}

/**
 * A stored duration as a number and a unit to show: the preferred unit when the duration is a
 * whole number of it, else the largest unit that divides it evenly.
 */
export function splitDuration(
  ms: number,
  preferred?: DurationUnit,
): { readonly value: string; readonly unit: DurationUnit } {
  if (preferred && ms % MS_PER_UNIT[preferred] === 0) {
    return { value: String(ms / MS_PER_UNIT[preferred]), unit: preferred };
  }
  const unit =
    [...DURATION_UNITS].reverse().find((candidate) => ms % MS_PER_UNIT[candidate] === 0) ?? 'ms';
  return { value: String(ms / MS_PER_UNIT[unit]), unit };
}

const DAY_MS = 86_400_000;

/** A duration in words a person reads at a glance: "366 days", "24 h", "1.5 s". */
export function describeDuration(ms: number): string {
  if (ms >= DAY_MS && ms % DAY_MS === 0) {
    const days = ms / DAY_MS;
    return `${days} day${days === 1 ? '' : 's'}`;
  }
  const unit =
    [...DURATION_UNITS].reverse().find((candidate) => ms >= MS_PER_UNIT[candidate]) ?? 'ms';
  const value = Math.round((ms / MS_PER_UNIT[unit]) * 100) / 100;
  return `${value} ${unit}`;
}
