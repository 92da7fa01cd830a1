import type { RetryPolicy } from '../../src-shared/model/expressions';
import { CheckboxField } from './fields/CheckboxField';
import { DurationField } from './fields/DurationField';
import { SelectField } from './fields/SelectField';
import { TextField } from './fields/TextField';
import { MAX_ATTEMPTS_LIMITS, RETRY_DELAY_LIMITS } from './limits';
import { parseWholeNumber } from './parseWholeNumber';

/** What a new retry policy starts from: a few attempts, backing off from one second. */
const STARTING_POLICY: RetryPolicy = {
  maxAttempts: 3,
  backoff: 'exponential',
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
};

interface RetryPolicyFieldsProps {
  readonly retry: RetryPolicy | undefined;
  /** Applies the policy (`undefined`: no retries); returns why it was refused, or `null`. */
  readonly onCommit: (retry: RetryPolicy | undefined) => string | null;
}

/** Whether and how a failed call is tried again: attempts, backoff, first and longest delay. */
export function RetryPolicyFields({ retry, onCommit }: RetryPolicyFieldsProps) {
  const change = (patch: Partial<RetryPolicy>) => (retry ? onCommit({ ...retry, ...patch }) : null);
  return (
    <>
      <CheckboxField
        label="Retry when the call fails"
        checked={retry !== undefined}
        onCommit={(checked) => onCommit(checked ? STARTING_POLICY : undefined)}
      />
      {retry ? (
        <div className="prop-subgroup">
          <TextField
            label="Max attempts"
            inputMode="numeric"
            value={String(retry.maxAttempts)}
            hint="Attempts in all, the first one included (1 = no retry)."
            validate={(text) => {
              const parsed = parseWholeNumber(text, MAX_ATTEMPTS_LIMITS);
              return parsed.ok ? null : parsed.message;
            }}
            onCommit={(text) => change({ maxAttempts: Number(text.trim()) })}
          />
          <SelectField
            label="Backoff"
            value={retry.backoff}
            options={[
              { value: 'fixed', label: 'Fixed' },
              { value: 'exponential', label: 'Exponential' },
            ]}
            hint={
              retry.backoff === 'fixed'
                ? 'The same delay before each attempt.'
                : 'The delay doubles after each attempt, up to the max delay.'
            }
            onCommit={(backoff) => change({ backoff: backoff as RetryPolicy['backoff'] })}
          />
          <DurationField
            label="Initial delay"
            required
            valueMs={retry.initialDelayMs}
            limits={RETRY_DELAY_LIMITS}
            onCommit={(ms) => change({ initialDelayMs: ms ?? 0 })}
          />
          <DurationField
            label="Max delay"
            required
            valueMs={retry.maxDelayMs}
            limits={RETRY_DELAY_LIMITS}
            hint={
              retry.maxDelayMs < retry.initialDelayMs
                ? 'The max delay is shorter than the initial delay: every wait will be the max delay.'
                : 'No wait between attempts is longer than this.'
            }
            onCommit={(ms) => change({ maxDelayMs: ms ?? 0 })}
          />
        </div>
      ) : null}
    </>
  );
}
