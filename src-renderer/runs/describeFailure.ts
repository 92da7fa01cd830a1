import { BatonError } from '../../src-shared/contract/errors';

/** A failed call in words: its message, then each problem it names with the field at fault. */
export function describeFailure(error: unknown): string[] {
  if (error instanceof BatonError) {
    const issues = (error.issues ?? []).map((issue) =>
      issue.path ? `${issue.path}: ${issue.message}` : issue.message,
    );
    return [error.message, ...issues.filter((issue) => !error.message.includes(issue))];
  }
  return [error instanceof Error ? error.message : String(error)];
}
