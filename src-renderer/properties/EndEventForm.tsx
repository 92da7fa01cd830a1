import type { ElementOf } from '../../src-shared/model/document';
import { errorCodeProblem } from './errorCode';
import { SelectField } from './fields/SelectField';
import { TextField } from './fields/TextField';
import { useUpdateElement } from './useUpdateElement';

type Result = NonNullable<ElementOf<'endEvent'>['result']>;

/** How an instance ends: plainly, with an error (compensating), or terminating everything. */
export function EndEventForm({ element }: { element: ElementOf<'endEvent'> }) {
  const update = useUpdateElement(element);
  const result = element.result ?? 'none';
  return (
    <>
      <SelectField
        label="Result"
        value={result}
        options={[
          { value: 'none', label: 'None: the instance completes' },
          { value: 'error', label: 'Error: the instance fails and compensates' },
          { value: 'terminate', label: 'Terminate: every branch stops' },
        ]}
        onCommit={(next) =>
          update({
            result: next === 'none' ? undefined : (next as Result),
            errorCode: next === 'error' ? element.errorCode : undefined,
          })
        }
      />
      {result === 'error' ? (
        <TextField
          label="Error code"
          value={element.errorCode ?? ''}
          placeholder="APPLICATION_DECLINED"
          validate={errorCodeProblem}
          onCommit={(code) => update({ errorCode: code.trim() || undefined })}
        />
      ) : null}
    </>
  );
}
