import type { ElementOf } from '../../src-shared/model/document';
import { EventTypeField } from './EventTypeField';
import { CheckboxField } from './fields/CheckboxField';
import { SelectField } from './fields/SelectField';
import { useUpdateElement } from './useUpdateElement';

type Terminal = NonNullable<ElementOf<'eventType'>['terminal']>;

/** An event type on a choreography map: which one, whether it starts or ends an instance. */
export function EventTypeNodeForm({ element }: { element: ElementOf<'eventType'> }) {
  const update = useUpdateElement(element);
  return (
    <>
      <EventTypeField value={element.eventType} onCommit={(eventType) => update({ eventType })} />
      <CheckboxField
        label="Initial: starts an instance"
        checked={element.initial === true}
        hint="Published from outside (a shop front publishing OrderPlaced) to start an instance."
        onCommit={(initial) => update({ initial: initial ? true : undefined })}
      />
      <SelectField
        label="Terminal status"
        value={element.terminal ?? ''}
        options={[
          { value: '', label: 'Not terminal' },
          { value: 'completed', label: 'Completed' },
          { value: 'compensated', label: 'Compensated (undone)' },
          { value: 'failed', label: 'Failed' },
        ]}
        hint="Publishing a terminal event ends the instance with this status."
        onCommit={(terminal) =>
          update({ terminal: (terminal || undefined) as Terminal | undefined })
        }
      />
    </>
  );
}
