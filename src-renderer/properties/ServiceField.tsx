import { unknownService } from './catalogProblems';
import { SelectField } from './fields/SelectField';
import { usePanelData } from './PanelDataContext';

interface ServiceFieldProps {
  readonly value: string | undefined;
  /** Applies the service (`undefined`: none); returns why it was refused, or `null`. */
  readonly onCommit: (service: string | undefined) => string | null;
}

/** Picks a service of the catalog; a service the catalog does not know is shown as an error. */
export function ServiceField({ value, onCommit }: ServiceFieldProps) {
  const { catalog, catalogLoaded } = usePanelData();
  const current = value ?? '';
  const options = [
    { value: '', label: 'Choose a service…' },
    ...catalog.services.map((service) => ({ value: service.name, label: service.name })),
  ];
  const problem = catalogLoaded ? unknownService(catalog, value) : null;
  if (problem) options.push({ value: current, label: `${current} (not in the catalog)` });
  const description = catalog.services.find((service) => service.name === value)?.description;
  return (
    <SelectField
      label="Service"
      value={current}
      options={options}
      problem={problem}
      hint={description}
      onCommit={(service) => onCommit(service || undefined)}
    />
  );
}
