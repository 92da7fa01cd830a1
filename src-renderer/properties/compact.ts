/**
 * A copy of an object without its `undefined` properties: a document leaves absent properties
 * out (never `null`, never `undefined`).
 */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, property]) => property !== undefined),
  ) as T;
}
