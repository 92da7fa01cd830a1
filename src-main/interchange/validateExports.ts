import aslValidator from 'asl-validator';

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
