import aslValidator from 'asl-validator';
import type { Parser } from '@asyncapi/parser';

/** A validator's verdict on an export: its messages when it is not valid. */
export interface ExportValidation {
  readonly valid: boolean;
  readonly messages: readonly string[];
}

/**
 * Checks an ASL definition with asl-validator in JSONata mode. Task resources are Baton's mock
 * ARNs, so the ARN check is off (`--no-arn-check`); paths and JSONata syntax are checked.
 * The validator writes into the definition it reads, so it gets a copy.
 */
export function validateAsl(definition: unknown): ExportValidation {
  const result = aslValidator(structuredClone(definition), { checkPaths: true, checkArn: false });
  return { valid: result.isValid, messages: result.isValid ? [] : [result.errorsText('\n')] };
}

let parser: Parser | undefined;
/** Spectral's severity of errors (`DiagnosticSeverity.Error`). */
const ERROR_SEVERITY = 0;

/**
 * Checks an AsyncAPI document with @asyncapi/parser (its Spectral rules); only diagnostics of
 * error severity make it invalid, each given as `path: message`. The parser is heavy, so it is
 * loaded and made once, on first use (not when the CLI or the app starts), and never in the
 * renderer.
 */
export async function validateAsyncApi(document: unknown): Promise<ExportValidation> {
  if (!parser) {
    const { Parser: AsyncApiParser } = await import('@asyncapi/parser');
    parser = new AsyncApiParser();
  }
  const diagnostics = await parser.validate(JSON.stringify(document));
  const errors = diagnostics.filter((d) => Number(d.severity) === ERROR_SEVERITY);
  return {
    valid: errors.length === 0,
    messages: errors.map(
      (d) => `${d.path.join('.') || '(root)'}: ${d.message} (${String(d.code)})`,
    ),
  };
}
