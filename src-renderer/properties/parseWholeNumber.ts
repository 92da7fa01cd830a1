export type WholeNumberParse =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** Reads a whole number typed by a person, within `min`–`max`, or says in words what is wrong. */
export function parseWholeNumber(
  text: string,
  { min, max }: { readonly min: number; readonly max: number },
): WholeNumberParse {
  const typed = text.trim();
  const range = `enter a whole number from ${min} to ${max.toLocaleString('en')}`;
  if (!/^[+-]?\d+$/.test(typed)) {
    return /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(typed)
      ? { ok: false, message: `${typed} is not a whole number: ${range}.` }
      : { ok: false, message: `“${typed}” is not a number: ${range}.` };
  }
  const value = Number(typed);
  if (value < min) return { ok: false, message: `${value} is too small: ${range}.` };
  if (value > max) return { ok: false, message: `${value} is too large: ${range}.` };
  return { ok: true, value };
}
