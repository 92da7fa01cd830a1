import { useId, useState } from 'react';
import { useEditor } from '../editor/EditorContext';

interface EmitsFieldProps {
  readonly legend: string;
  readonly hint: string;
  /** Ids of event type nodes, in the order they are published. */
  readonly value: readonly string[];
  /** Applies the list; returns why it was refused, or `null`. */
  readonly onCommit: (ids: string[]) => string | null;
}

/**
 * The event type nodes a reaction publishes, one checkbox each. Ticking one adds it at the end
 * of the list (the order of publishing, shown as #1, #2…); ids that are not event types of the
 * map are listed too, so they can be unticked.
 */
export function EmitsField({ legend, hint, value, onCommit }: EmitsFieldProps) {
  const id = useId();
  const doc = useEditor((state) => state.editor.doc);
  const [refusal, setRefusal] = useState<string | null>(null);
  const events = doc.model.elements.filter((element) => element.type === 'eventType');
  const known = new Set(events.map((event) => event.id));
  const choices = [
    ...events.map((event) => ({ id: event.id, label: event.name || event.id })),
    ...value
      .filter((eventId) => !known.has(eventId))
      .map((eventId) => ({ id: eventId, label: `${eventId} (not an event type of this map)` })),
  ];
  const toggle = (eventId: string, checked: boolean) => {
    const next = checked ? [...value, eventId] : value.filter((other) => other !== eventId);
    setRefusal(onCommit(next));
  };
  const describedBy = refusal ? `${id}-error ${id}-hint` : `${id}-hint`;
  return (
    <fieldset className="prop-group" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {choices.length === 0 ? <p className="prop-hint">The map has no event types yet.</p> : null}
      {choices.map((choice) => (
        <label key={choice.id} className="prop-check">
          <input
            type="checkbox"
            checked={value.includes(choice.id)}
            aria-invalid={known.has(choice.id) ? undefined : true}
            onChange={(change) => toggle(choice.id, change.currentTarget.checked)}
          />{' '}
          {choice.label}
          {value.length > 1 && value.includes(choice.id) ? (
            <span className="prop-order"> #{value.indexOf(choice.id) + 1}</span>
          ) : null}
        </label>
      ))}
      {refusal ? (
        <p className="prop-error" id={`${id}-error`}>
          {refusal}
        </p>
      ) : null}
      <p className="prop-hint" id={`${id}-hint`}>
        {hint}
      </p>
    </fieldset>
  );
}
