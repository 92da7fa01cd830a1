const DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * An ISO 8601 duration (`PT30S`, `P1DT2H`) in milliseconds, with `exact: false` when it has years
 * or months (counted as 365 and 30 days); `null` when the text is not a duration.
 */
export function parseIsoDuration(text: string): { ms: number; exact: boolean } | null {
  const match = DURATION.exec(text.trim());
  if (!match || text.trim() === 'P' || text.trim().endsWith('T')) return null;
  const [, years, months, weeks, days, hours, minutes, seconds] = match.map((part) =>
    part === undefined ? 0 : Number(part),
  );
  const ms =
    (years ?? 0) * 365 * DAY +
    (months ?? 0) * 30 * DAY +
    (weeks ?? 0) * 7 * DAY +
    (days ?? 0) * DAY +
    (hours ?? 0) * HOUR +
    (minutes ?? 0) * MINUTE +
    (seconds ?? 0) * SECOND;
  return { ms: Math.round(ms), exact: !years && !months };
}

/** Milliseconds as an ISO 8601 duration that `parseIsoDuration` reads back exactly (`PT90.5S`). */
export function formatIsoDuration(ms: number): string {
  return `PT${ms / 1000}S`;
}
