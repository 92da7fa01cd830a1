import type { ElementOf } from '../../src-shared/model/document';
import { useEditor } from '../editor/EditorContext';
import { elementName } from './describeConnection';
import { TextField } from './fields/TextField';
import { useUpdateElement } from './useUpdateElement';

/** A note for people, and what it comments on. */
export function AnnotationForm({ element }: { element: ElementOf<'annotation'> }) {
  const update = useUpdateElement(element);
  const annotates = useEditor((state) =>
    element.annotates ? elementName(state.editor.doc, element.annotates) : null,
  );
  return (
    <>
      <TextField
        label="Text"
        multiline
        value={element.text}
        hint="Applied when you leave the field, or with Ctrl+Enter."
        onCommit={(text) => update({ text })}
      />
      {annotates ? <p className="prop-hint">Comments on {annotates}.</p> : null}
    </>
  );
}
