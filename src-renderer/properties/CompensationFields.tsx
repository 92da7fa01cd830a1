import type { ElementOf } from '../../src-shared/model/document';
import { CheckboxField } from './fields/CheckboxField';
import { JsonataField } from './fields/JsonataField';
import { OperationField } from './OperationField';
import { usePanelData } from './PanelDataContext';

interface CompensationFieldsProps {
  readonly element: ElementOf<'serviceTask'>;
  readonly update: (patch: Partial<ElementOf<'serviceTask'>>) => string | null;
}

/** How the step is undone when a later one fails, or that it cannot be (a pivot). */
export function CompensationFields({ element, update }: CompensationFieldsProps) {
  const { catalog } = usePanelData();
  const { compensation } = element;
  const suggested = catalog.services
    .find((service) => service.name === element.service)
    ?.operations.find((operation) => operation.name === element.operation)?.compensatedBy;
  return (
    <fieldset className="prop-group">
      <legend>Compensation</legend>
      <OperationField
        label="Compensating operation"
        service={element.service}
        value={compensation?.operation}
        noneLabel="None"
        onCommit={(operation) =>
          update({ compensation: operation ? { ...compensation, operation } : undefined })
        }
      />
      {suggested && suggested !== compensation?.operation ? (
        <p className="prop-hint">
          The catalog names {element.service}.{suggested} as what undoes {element.operation}.
        </p>
      ) : null}
      {compensation ? (
        <JsonataField
          label="Compensation input"
          value={compensation.input}
          hint="JSONata over the instance data when the step is undone."
          sampleLabel="Sample instance data (JSON)"
          onCommit={(input) =>
            update({
              compensation: input
                ? { operation: compensation.operation, input }
                : { operation: compensation.operation },
            })
          }
        />
      ) : null}
      <CheckboxField
        label="Pivot: cannot be undone"
        checked={element.pivot === true}
        hint="After a pivot the flow only goes forward: later steps should retry rather than compensate."
        onCommit={(pivot) => update({ pivot: pivot ? true : undefined })}
      />
    </fieldset>
  );
}
