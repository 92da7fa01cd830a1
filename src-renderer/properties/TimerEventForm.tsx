import type { ElementOf } from '../../src-shared/model/document';
import { TimerFields } from './TimerFields';
import { useUpdateElement } from './useUpdateElement';

/** A timer event: wait for a duration or until a date and time. */
export function TimerEventForm({ element }: { element: ElementOf<'timerEvent'> }) {
  const update = useUpdateElement(element);
  return <TimerFields timer={element.timer} onCommit={(timer) => update({ timer })} />;
}
