import type { ElementOf } from '../../src-shared/model/document';
import { DurationField } from './fields/DurationField';
import { TextField } from './fields/TextField';
import { TIMEOUT_LIMITS } from './limits';
import { useUpdateElement } from './useUpdateElement';

/** A person's decision: who decides and how long they have. */
export function UserTaskForm({ element }: { element: ElementOf<'userTask'> }) {
  const update = useUpdateElement(element);
  return (
    <>
      <TextField
        label="Assignee"
        value={element.assignee ?? ''}
        placeholder="compliance manager"
        hint="Who approves or rejects: a person or a role."
        onCommit={(assignee) => update({ assignee: assignee.trim() || undefined })}
      />
      <DurationField
        label="Timeout"
        valueMs={element.timeoutMs}
        limits={TIMEOUT_LIMITS}
        hint="How long the person has; a timer boundary event gives the escalation path."
        onCommit={(timeoutMs) => update({ timeoutMs })}
      />
    </>
  );
}
