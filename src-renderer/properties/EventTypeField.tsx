import { unknownEventType } from './catalogProblems';
import { SelectField } from './fields/SelectField';
import { usePanelData } from './PanelDataContext';

interface EventTypeFieldProps {
  readonly value: string | undefined;
  /** Required: no "none" choice is offered. */
  readonly required?: boolean;
  /** Applies the event type (`undefined`: none); returns why it was refused, or `null`. */
  readonly onCommit: (eventType: string | undefined) => string | null;
}

/** Picks an event type of the events catalog; one the catalog does not know is an error. */
export function EventTypeField({ value, required = false, onCommit }: EventTypeFieldProps) {
  const { catalog, catalogLoaded } = usePanelData();
  const current = value ?? '';
  const events = catalog.events ?? [];
  const options = [
    ...(required && value ? [] : [{ value: '', label: 'Choose an event type…' }]),
    ...events.map((event) => ({ value: event.name, label: `${event.name} (${event.owner})` })),
  ];
  const problem = catalogLoaded ? unknownEventType(catalog, value) : null;
  if (problem) options.push({ value: current, label: `${current} (not in the catalog)` });
  const chosen = events.find((event) => event.name === value);
  return (
    <SelectField
      label="Event type"
      value={current}
      options={options}
      problem={problem}
      hint={chosen?.description}
      onCommit={(eventType) => (eventType ? onCommit(eventType) : onCommit(undefined))}
    />
  );
}
