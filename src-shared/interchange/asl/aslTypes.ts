/** The parts of the Amazon States Language (JSONata mode) the export writes. */
export interface AslCatcher {
  readonly ErrorEquals: readonly string[];
  readonly Next: string;
  readonly Output?: string;
}

export interface AslRetrier {
  readonly ErrorEquals: readonly string[];
  readonly IntervalSeconds: number;
  readonly MaxAttempts: number;
  readonly BackoffRate: number;
  readonly MaxDelaySeconds?: number;
}

export interface AslChoiceRule {
  readonly Condition: string;
  readonly Next: string;
}

/** One state; the fields used depend on `Type`. Key order is the order written. */
export interface AslState {
  Type: 'Task' | 'Choice' | 'Parallel' | 'Wait' | 'Pass' | 'Succeed' | 'Fail';
  Comment?: string;
  Resource?: string;
  Arguments?: unknown;
  Output?: string;
  Assign?: Record<string, string>;
  TimeoutSeconds?: number;
  Seconds?: number;
  Timestamp?: string;
  Choices?: AslChoiceRule[];
  Default?: string;
  Branches?: AslMachine[];
  Retry?: AslRetrier[];
  Catch?: AslCatcher[];
  Error?: string;
  Cause?: string;
  Next?: string;
  End?: true;
}

/** A state machine, or a branch of a Parallel state. */
export interface AslMachine {
  Comment?: string;
  QueryLanguage?: 'JSONata';
  StartAt: string;
  States: Record<string, AslState>;
}
