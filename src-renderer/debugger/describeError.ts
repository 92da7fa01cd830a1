/** A failure as one line a person can read. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
