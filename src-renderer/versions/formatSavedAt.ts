/** When a version was saved, as a person reads it in their own locale: "12 Mar 2025, 14:05". */
export function formatSavedAt(createdAt: number): string {
  return new Date(createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
