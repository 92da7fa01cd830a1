import type { ElementOf } from '../../src-shared/model/document';
import { useEditor } from '../editor/EditorContext';
import { SelectField } from './fields/SelectField';
import { TextField } from './fields/TextField';
import { useUpdateElement } from './useUpdateElement';

/** Elements a note can comment on: the drawing's own, not other notes or containers. */
const NOT_ANNOTATABLE = new Set(['annotation', 'lane', 'group']);

/** A note for people, and what it comments on. */
export function AnnotationForm({ element }: { element: ElementOf<'annotation'> }) {
  const update = useUpdateElement(element);
  const elements = useEditor((state) => state.editor.doc.model.elements);
  const options = [
    { value: '', label: 'Nothing in particular' },
    ...elements
      .filter((candidate) => !NOT_ANNOTATABLE.has(candidate.type))
      .map((candidate) => ({ value: candidate.id, label: candidate.name || candidate.id })),
  ];
  return (
    <>
      <TextField
        label="Text"
        multiline
        value={element.text}
        hint="Applied when you leave the field, or with Ctrl+Enter."
        onCommit={(text) => update({ text })}
      />
      <SelectField
        label="Comments on"
        value={element.annotates ?? ''}
        options={options}
        onCommit={(annotates) => update({ annotates: annotates || undefined })}
        hint="The element the note is drawn next to and explains."
      />
    </>
  );
}
