import type { ElementOf } from '../../src-shared/model/document';
import { useEditor } from '../editor/EditorContext';
import { SelectField } from './fields/SelectField';
import { describeConnection } from './describeConnection';
import { useUpdateElement } from './useUpdateElement';

/** An exclusive gateway: which outgoing path is taken when no condition holds. */
export function GatewayForm({ element }: { element: ElementOf<'exclusiveGateway'> }) {
  const update = useUpdateElement(element);
  const doc = useEditor((state) => state.editor.doc);
  const outgoing = doc.model.connections.filter((connection) => connection.source === element.id);
  const current = element.default ?? '';
  const leaves = outgoing.some((connection) => connection.id === current);
  const options = [
    { value: '', label: 'No default path' },
    ...outgoing.map((connection) => ({
      value: connection.id,
      label: describeConnection(doc, connection),
    })),
    ...(current && !leaves ? [{ value: current, label: `${current} (not an outgoing path)` }] : []),
  ];
  return (
    <SelectField
      label="Default path"
      value={current}
      options={options}
      problem={
        current && !leaves ? `The default path “${current}” does not leave this gateway.` : null
      }
      hint={
        outgoing.length === 0
          ? 'Connect this gateway to the next steps to choose a default path.'
          : 'Taken when no condition of the other paths holds.'
      }
      onCommit={(id) => update({ default: id || undefined })}
    />
  );
}
