import type { ElementOf } from '../../src-shared/model/document';
import { useEditor } from '../editor/EditorContext';
import { elementName } from './describeConnection';
import { errorCodeProblem } from './errorCode';
import { SelectField } from './fields/SelectField';
import { TextField } from './fields/TextField';
import { TimerFields } from './TimerFields';
import { useUpdateElement } from './useUpdateElement';

/** An error or timeout path of a task: what it catches. */
export function BoundaryEventForm({ element }: { element: ElementOf<'boundaryEvent'> }) {
  const update = useUpdateElement(element);
  const attachedTo = useEditor((state) => elementName(state.editor.doc, element.attachedTo));
  return (
    <>
      <p className="prop-hint">Attached to {attachedTo}.</p>
      <SelectField
        label="Trigger"
        value={element.trigger}
        options={[
          { value: 'error', label: 'Error: the task failed' },
          { value: 'timer', label: 'Timer: the task took too long' },
        ]}
        onCommit={(trigger) =>
          trigger === 'timer'
            ? update({
                trigger,
                errorCode: undefined,
                timer: element.timer ?? { durationMs: 60_000 },
              })
            : update({ trigger: 'error', timer: undefined })
        }
      />
      {element.trigger === 'error' ? (
        <TextField
          label="Error code"
          value={element.errorCode ?? ''}
          placeholder="Any error"
          hint="The error caught. Empty: any error."
          validate={errorCodeProblem}
          onCommit={(code) => update({ errorCode: code.trim() || undefined })}
        />
      ) : (
        <TimerFields timer={element.timer} onCommit={(timer) => update({ timer })} />
      )}
    </>
  );
}
