import type { Connection, Reaction } from '../../src-shared/model/document';
import { EmitsField } from './EmitsField';
import { CheckboxField } from './fields/CheckboxField';
import { JsonataField } from './fields/JsonataField';
import { TextField } from './fields/TextField';
import { FlowReferenceFields } from './FlowReferenceFields';
import { CONCURRENCY_LIMITS, REACTION_ATTEMPTS_LIMITS } from './limits';
import { parseWholeNumber } from './parseWholeNumber';
import { ReactionOperations } from './ReactionOperations';
import { useUpdateConnection } from './useUpdateConnection';
import { compact } from './compact';

/** What a new reaction starts from: nothing called, nothing emitted, safe to run twice. */
const EMPTY_REACTION: Reaction = {
  operations: [],
  emitsOnSuccess: [],
  emitsOnFailure: [],
  idempotent: true,
};

interface ReactionFormProps {
  readonly connection: Connection;
  /** The reacting service's name in the catalog (the edge's target). */
  readonly service: string | undefined;
}

/**
 * What a service does when the event arrives: when, which operations in order, which events it
 * publishes on success or failure, whether it is idempotent, how many at once, which flow it starts.
 */
export function ReactionForm({ connection, service }: ReactionFormProps) {
  const update = useUpdateConnection(connection);
  const { reaction } = connection;
  if (!reaction) {
    return (
      <button type="button" onClick={() => update({ reaction: EMPTY_REACTION })}>
        Make this a reaction
      </button>
    );
  }
  const change = (patch: Partial<Reaction>) =>
    update({ reaction: compact({ ...reaction, ...patch }) });
  return (
    <>
      <JsonataField
        label="Condition"
        value={reaction.condition}
        placeholder="amount > 0"
        hint="JSONata over the event's payload. When false, the event is acknowledged and ignored."
        sampleLabel="Sample event payload (JSON)"
        onCommit={(condition) => change({ condition })}
      />
      <ReactionOperations
        service={service}
        operations={reaction.operations}
        onCommit={(operations) => change({ operations })}
      />
      <EmitsField
        legend="Emits on success"
        publisher={connection.target}
        hint="Published in this order when every call succeeded."
        value={reaction.emitsOnSuccess}
        onCommit={(emitsOnSuccess) => change({ emitsOnSuccess })}
      />
      <EmitsField
        legend="Emits on failure"
        publisher={connection.target}
        hint="Published when a call fails: how the map compensates. None: the event is redelivered."
        value={reaction.emitsOnFailure}
        onCommit={(emitsOnFailure) => change({ emitsOnFailure })}
      />
      {reaction.emitsOnFailure.length > 0 && (
        <TextField
          label="Attempts before failure events"
          inputMode="numeric"
          value={reaction.maxAttempts === undefined ? '' : String(reaction.maxAttempts)}
          placeholder="1"
          hint="A failed call gives the event back to the broker, which delivers it again, this many times in all before the failure events are published (at most the broker's deliveries). Empty: 1, at once."
          validate={(text) => {
            if (text.trim() === '') return null;
            const parsed = parseWholeNumber(text, REACTION_ATTEMPTS_LIMITS);
            return parsed.ok ? null : parsed.message;
          }}
          onCommit={(text) =>
            change({ maxAttempts: text.trim() === '' ? undefined : Number(text.trim()) })
          }
        />
      )}
      <CheckboxField
        label="Idempotent: safe to run twice for the same event"
        checked={reaction.idempotent}
        hint="An at-least-once broker may deliver an event twice."
        onCommit={(idempotent) => change({ idempotent })}
      />
      <CheckboxField
        label="Deduplicates: drops a copy of an event it has handled"
        checked={reaction.deduplicates === true}
        hint="The service keeps the ids of the events it handled (an inbox). Makes a reaction that is not idempotent safe on an at-least-once broker."
        onCommit={(deduplicates) => change({ deduplicates: deduplicates || undefined })}
      />
      <TextField
        label="Concurrency"
        inputMode="numeric"
        value={reaction.concurrency === undefined ? '' : String(reaction.concurrency)}
        placeholder="1"
        hint="How many events the service handles at once for this reaction. Empty: 1."
        validate={(text) => {
          if (text.trim() === '') return null;
          const parsed = parseWholeNumber(text, CONCURRENCY_LIMITS);
          return parsed.ok ? null : parsed.message;
        }}
        onCommit={(text) =>
          change({ concurrency: text.trim() === '' ? undefined : Number(text.trim()) })
        }
      />
      <FlowReferenceFields
        label="Starts flow"
        noneLabel="No flow"
        value={reaction.startsFlow}
        onCommit={(startsFlow) => change({ startsFlow })}
      />
    </>
  );
}
