import type { z } from 'zod';
import { BatonError, type Envelope, type ErrorIssue } from './errors';
import { calls, isCallChannel, type Handlers } from './contract';

/** Turns zod's issues into short "path: message" records a person can read. */
export function describeIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Reports an unexpected failure; the transport decides where it is logged. */
export type InternalErrorSink = (channel: string, error: unknown) => void;

/**
 * Validates a raw payload for `channel` and runs its handler. Never throws: unknown channels,
 * invalid payloads and failing handlers all come back as an error envelope, so no message from
 * a renderer or a browser can crash the main side.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  payload: unknown,
  onInternalError: InternalErrorSink,
): Promise<Envelope<unknown>> {
  if (!isCallChannel(channel)) {
    return {
      ok: false,
      error: { code: 'unknown-channel', message: `no such channel "${channel}"` },
    };
  }
  const parsed = calls[channel].input.safeParse(payload ?? {});
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    const first = issues[0];
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: `invalid arguments for ${channel}${first ? `: ${first.path}: ${first.message}` : ''}`,
        issues,
      },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof BatonError) return { ok: false, error: error.toInfo() };
    onInternalError(channel, error);
    return { ok: false, error: { code: 'internal', message: `${channel} failed unexpectedly` } };
  }
}
