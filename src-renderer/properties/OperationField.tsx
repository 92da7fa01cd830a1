import { unknownOperation } from './catalogProblems';
import { SelectField } from './fields/SelectField';
import { usePanelData } from './PanelDataContext';

interface OperationFieldProps {
  readonly label: string;
  /** The service whose operations are offered. */
  readonly service: string | undefined;
  readonly value: string | undefined;
  /** The first choice, meaning "none" (`undefined` is committed for it). */
  readonly noneLabel: string;
  /** Applies the operation; returns why it was refused, or `null`. */
  readonly onCommit: (operation: string | undefined) => string | null;
}

/**
 * Picks one of a service's operations from the catalog. An operation the catalog does not have
 * stays selected and is shown with an inline error ("Unknown operation …").
 */
export function OperationField({
  label,
  service,
  value,
  noneLabel,
  onCommit,
}: OperationFieldProps) {
  const { catalog, catalogLoaded } = usePanelData();
  const current = value ?? '';
  const operations = catalog.services.find((candidate) => candidate.name === service)?.operations;
  const options = [
    { value: '', label: noneLabel },
    ...(operations ?? []).map((operation) => ({ value: operation.name, label: operation.name })),
  ];
  const problem = catalogLoaded ? unknownOperation(catalog, service, value) : null;
  if (problem) options.push({ value: current, label: `${current} (unknown)` });
  const chosen = operations?.find((operation) => operation.name === value);
  return (
    <SelectField
      label={label}
      value={current}
      options={options}
      problem={problem}
      hint={chosen?.description}
      disabled={!service && !value}
      onCommit={(operation) => onCommit(operation || undefined)}
    />
  );
}
