import { useState } from 'react';
import type { Reaction } from '../../src-shared/model/document';
import { JsonataField } from './fields/JsonataField';
import { OperationField } from './OperationField';
import { usePanelData } from './PanelDataContext';

type Step = Reaction['operations'][number];

interface ReactionOperationsProps {
  /** The reacting service, whose operations are offered. */
  readonly service: string | undefined;
  readonly operations: readonly Step[];
  /** Applies the whole list; returns why it was refused, or `null`. */
  readonly onCommit: (operations: Step[]) => string | null;
}

const moved = (steps: readonly Step[], from: number, to: number) => {
  const next = [...steps];
  const [step] = next.splice(from, 1);
  if (step) next.splice(to, 0, step);
  return next;
};

/** The operations a reaction calls, in order: add, pick, map the input, reorder, remove. */
export function ReactionOperations({ service, operations, onCommit }: ReactionOperationsProps) {
  const { catalog } = usePanelData();
  const [refusal, setRefusal] = useState<string | null>(null);
  const offered = catalog.services.find((known) => known.name === service)?.operations ?? [];
  const apply = (next: Step[]) => {
    const message = onCommit(next);
    setRefusal(message);
    return message;
  };
  const replace = (index: number, step: Step) =>
    apply(operations.map((current, at) => (at === index ? step : current)));
  const add = () => {
    const unused = offered.find(
      (operation) => !operations.some((s) => s.operation === operation.name),
    );
    const first = unused ?? offered[0];
    if (first) apply([...operations, { operation: first.name }]);
  };

  return (
    <fieldset className="prop-group">
      <legend>Operations</legend>
      {operations.length === 0 ? <p className="prop-hint">No operation is called yet.</p> : null}
      <ol className="prop-steps">
        {operations.map((step, index) => {
          const n = index + 1;
          return (
            <li key={index} className="prop-step">
              <OperationField
                label={`Operation ${n}`}
                service={service}
                value={step.operation}
                noneLabel="Choose an operation…"
                onCommit={(operation) =>
                  operation
                    ? replace(index, { ...step, operation })
                    : 'Choose an operation, or remove this step.'
                }
              />
              <JsonataField
                label={`Input of operation ${n}`}
                value={step.input}
                hint="JSONata over the event's payload merged with the outputs of the calls before."
                sampleLabel="Sample event payload (JSON)"
                onCommit={(input) =>
                  replace(index, input ? { ...step, input } : { operation: step.operation })
                }
              />
              <div className="prop-step-actions">
                <button
                  type="button"
                  aria-label={`Move operation ${n} up`}
                  disabled={index === 0}
                  onClick={() => apply(moved(operations, index, index - 1))}
                >
                  ↑ Up
                </button>
                <button
                  type="button"
                  aria-label={`Move operation ${n} down`}
                  disabled={index === operations.length - 1}
                  onClick={() => apply(moved(operations, index, index + 1))}
                >
                  ↓ Down
                </button>
                <button
                  type="button"
                  aria-label={`Remove operation ${n}`}
                  onClick={() => apply(operations.filter((_, at) => at !== index))}
                >
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {refusal ? <p className="prop-error">{refusal}</p> : null}
      <button type="button" onClick={add} disabled={offered.length === 0}>
        Add operation
      </button>
      {offered.length === 0 ? (
        <p className="prop-hint">
          {service
            ? `${service} has no operations in the catalog to call.`
            : 'Choose the service of the reacting node first.'}
        </p>
      ) : null}
    </fieldset>
  );
}
