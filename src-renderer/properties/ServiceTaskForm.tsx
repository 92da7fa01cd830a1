import type { ElementOf } from '../../src-shared/model/document';
import { CompensationFields } from './CompensationFields';
import { DurationField } from './fields/DurationField';
import { JsonataField } from './fields/JsonataField';
import { TIMEOUT_LIMITS } from './limits';
import { OperationField } from './OperationField';
import { RetryPolicyFields } from './RetryPolicyFields';
import { ServiceField } from './ServiceField';
import { usePanelData } from './PanelDataContext';
import { useUpdateElement } from './useUpdateElement';

/** A service call: what it calls with which data, how long it may take, how it is undone. */
export function ServiceTaskForm({ element }: { element: ElementOf<'serviceTask'> }) {
  const update = useUpdateElement(element);
  const { catalog } = usePanelData();

  const changeService = (service: string | undefined) => {
    // Operations belong to a service: keep those the new service also has, drop the others.
    const operations = catalog.services.find((known) => known.name === service)?.operations ?? [];
    const has = (name: string | undefined) =>
      operations.some((operation) => operation.name === name);
    return update({
      service,
      operation: has(element.operation) ? element.operation : undefined,
      compensation: has(element.compensation?.operation) ? element.compensation : undefined,
    });
  };

  return (
    <>
      <fieldset className="prop-group">
        <legend>Call</legend>
        <ServiceField value={element.service} onCommit={changeService} />
        <OperationField
          label="Operation"
          service={element.service}
          value={element.operation}
          noneLabel="Choose an operation…"
          onCommit={(operation) => update({ operation })}
        />
        <JsonataField
          label="Input"
          value={element.input}
          placeholder='{ "orderId": orderId }'
          hint="JSONata over the instance data: what the call receives."
          sampleLabel="Sample instance data (JSON, as a scenario's input)"
          onCommit={(input) => update({ input })}
        />
        <JsonataField
          label="Output"
          value={element.output}
          placeholder='{ "paymentId": result.paymentId }'
          hint="JSONata over { data, result }: what is merged into the instance data."
          sampleLabel="Sample { data, result } (JSON)"
          onCommit={(output) => update({ output })}
        />
      </fieldset>
      <fieldset className="prop-group">
        <legend>Timeout and retries</legend>
        <DurationField
          label="Timeout"
          valueMs={element.timeoutMs}
          limits={TIMEOUT_LIMITS}
          hint="How long one attempt may take. Leave it empty for none (validation warns)."
          onCommit={(timeoutMs) => update({ timeoutMs })}
        />
        <RetryPolicyFields retry={element.retry} onCommit={(retry) => update({ retry })} />
      </fieldset>
      <CompensationFields element={element} update={update} />
    </>
  );
}
