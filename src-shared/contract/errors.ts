/** The ways a call across the process boundary can fail, as the caller sees them. */
export type ErrorCode =
  | 'invalid-input'
  | 'unknown-channel'
  | 'not-found'
  | 'conflict'
  | 'unauthorized'
  | 'unavailable'
  | 'internal';

/** One problem found in a payload, with the path to the offending field. */
export interface ErrorIssue {
  readonly path: string;
  readonly message: string;
}

/** The plain-data form of an error, as it travels over IPC, HTTP and WebSocket. */
export interface ErrorInfo {
  readonly code: ErrorCode;
  readonly message: string;
  readonly issues?: readonly ErrorIssue[];
}

/** An error that names what went wrong in words a user can act on. */
export class BatonError extends Error {
  override readonly name = 'BatonError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: readonly ErrorIssue[],
  ) {
    super(message);
  }

  toInfo(): ErrorInfo {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }

  static fromInfo(info: ErrorInfo): BatonError {
    return new BatonError(info.code, info.message, info.issues);
  }
}

/** What every call returns across a transport: a value, or an error as data. */
export type Envelope<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };
