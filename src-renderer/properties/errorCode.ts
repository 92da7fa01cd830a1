import { EndEvent } from '../../src-shared/model/elements';

const ErrorCode = EndEvent.shape.errorCode.unwrap();

/** Why an error code cannot be used, in words, or `null` (blank is "none", and fine). */
export function errorCodeProblem(text: string): string | null {
  const code = text.trim();
  if (code === '' || ErrorCode.safeParse(code).success) return null;
  return `“${code}” is not an error code: use a letter, then letters, digits, “_”, “.” or “-”, such as PAYMENT_DECLINED.`;
}
