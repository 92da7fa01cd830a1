/** The part of asl-validator 4 Baton uses (the package ships no types). */
declare module 'asl-validator' {
  interface ValidationError {
    readonly 'Error code'?: string;
    readonly Message?: string;
    readonly message?: string;
    readonly path?: string;
    readonly instancePath?: string;
  }
  interface ValidationResult {
    readonly isValid: boolean;
    readonly errors: readonly ValidationError[];
    readonly errorsText: (separator?: string) => string;
  }
  function validator(
    definition: unknown,
    options?: { readonly checkPaths: boolean; readonly checkArn: boolean },
  ): ValidationResult;
  export = validator;
}
