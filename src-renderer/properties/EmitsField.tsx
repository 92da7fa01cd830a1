import { useId, useState } from 'react';
import { useEditor } from '../editor/EditorContext';
import { elementName } from './describeConnection';

interface EmitsFieldProps {
  readonly legend: string;
  readonly hint: string;
  /** The reacting service node: the events it has publish edges to are offered first. */
  readonly publisher: string;
  /** Ids of event type nodes, in the order they are published. */
  readonly value: readonly string[];
  /** Applies the list; returns why it was refused, or `null`. */
  readonly onCommit: (ids: string[]) => string | null;
}

/**
 * The event type nodes a reaction publishes, one checkbox each. Ticking one adds it at the end
 * of the list (the order of publishing, shown as #1, #2…). The events the service publishes
 * (has a publish edge to) are offered; the map's other event types on request, and ids that are
 * not event types of the map are listed too, so they can be unticked.
 */
export function EmitsField({ legend, hint, publisher, value, onCommit }: EmitsFieldProps) {
  const id = useId();
  const doc = useEditor((state) => state.editor.doc);
  const [showAll, setShowAll] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const events = doc.model.elements.filter((element) => element.type === 'eventType');
  const published = new Set(
    doc.model.connections
      .filter((connection) => connection.source === publisher)
      .map((connection) => connection.target),
  );
  const known = new Set(events.map((event) => event.id));
  const everything = showAll || published.size === 0;
  const choices = [
    ...events
      .filter((event) => everything || published.has(event.id) || value.includes(event.id))
      .map((event) => ({ id: event.id, label: event.name || event.id })),
    ...value
      .filter((eventId) => !known.has(eventId))
      .map((eventId) => ({ id: eventId, label: `${eventId} (not an event type of this map)` })),
  ];
  const hidden = events.length - choices.filter((choice) => known.has(choice.id)).length;
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
      {hidden > 0 ? (
        <button type="button" className="prop-link" onClick={() => setShowAll(true)}>
          Show the map&apos;s other {hidden === 1 ? 'event type' : `${hidden} event types`}
        </button>
      ) : null}
      {refusal ? (
        <p className="prop-error" id={`${id}-error`}>
          {refusal}
        </p>
      ) : null}
      <p className="prop-hint" id={`${id}-hint`}>
        {hint}
        {published.size === 0
          ? ` ${elementName(doc, publisher)} publishes no event yet: draw a publish edge from it.`
          : ''}
      </p>
    </fieldset>
  );
}
