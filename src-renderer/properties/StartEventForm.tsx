import type { ElementOf } from '../../src-shared/model/document';
import { EventTypeField } from './EventTypeField';
import { SelectField } from './fields/SelectField';
import { TimerFields } from './TimerFields';
import { useUpdateElement } from './useUpdateElement';

type Trigger = NonNullable<ElementOf<'startEvent'>['trigger']>;

/** How an instance begins: plainly, on a timer, or when an event arrives. */
export function StartEventForm({ element }: { element: ElementOf<'startEvent'> }) {
  const update = useUpdateElement(element);
  const trigger = element.trigger ?? 'none';
  const changeTrigger = (next: Trigger) =>
    update({
      trigger: next === 'none' ? undefined : next,
      timer: next === 'timer' ? (element.timer ?? { durationMs: 60_000 }) : undefined,
      eventType: next === 'message' ? element.eventType : undefined,
    });
  return (
    <>
      <SelectField
        label="Trigger"
        value={trigger}
        options={[
          { value: 'none', label: 'None: started by hand or by a run' },
          { value: 'timer', label: 'Timer' },
          { value: 'message', label: 'Message: when an event arrives' },
        ]}
        onCommit={(next) => changeTrigger(next as Trigger)}
      />
      {trigger === 'timer' ? (
        <TimerFields timer={element.timer} onCommit={(timer) => update({ timer })} />
      ) : null}
      {trigger === 'message' ? (
        <EventTypeField value={element.eventType} onCommit={(eventType) => update({ eventType })} />
      ) : null}
    </>
  );
}
