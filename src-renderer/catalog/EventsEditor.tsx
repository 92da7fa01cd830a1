import { Plus, Trash2 } from 'lucide-react';
import { FieldType, type Catalog, type EventTypeDefinition } from '../../src-shared/model/catalog';
import { freeName } from './catalogDraft';

interface Props {
  readonly catalog: Catalog;
  readonly onChange: (catalog: Catalog) => void;
}

/** The events catalog: each event type, who owns it, its version and its payload fields. */
export function EventsEditor({ catalog, onChange }: Props) {
  const events = catalog.events ?? [];
  const setEvent = (index: number, event: EventTypeDefinition) =>
    onChange({ ...catalog, events: events.map((e, at) => (at === index ? event : e)) });
  return (
    <div className="catalog-section">
      {events.map((event, index) => (
        <fieldset key={index} className="catalog-item">
          <legend>{event.name || 'New event'}</legend>
          <div className="catalog-row">
            <label>
              Name
              <input
                value={event.name}
                onChange={(e) => setEvent(index, { ...event, name: e.target.value })}
              />
            </label>
            <label>
              Owner
              <select
                value={event.owner}
                onChange={(e) => setEvent(index, { ...event, owner: e.target.value })}
              >
                {!catalog.services.some((service) => service.name === event.owner) && (
                  <option value={event.owner}>{event.owner || '(none)'}</option>
                )}
                {catalog.services.map((service) => (
                  <option key={service.name} value={service.name}>
                    {service.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Version
              <input
                type="number"
                min={1}
                value={event.version}
                onChange={(e) => setEvent(index, { ...event, version: Number(e.target.value) })}
              />
            </label>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove event ${event.name}`}
              onClick={() =>
                onChange({ ...catalog, events: events.filter((_, at) => at !== index) })
              }
            >
              <Trash2 size={14} aria-hidden="true" />
            </button>
          </div>
          <table className="catalog-table">
            <thead>
              <tr>
                <th>Payload field</th>
                <th>Type</th>
                <th>Required</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {event.payload.fields.map((field, fieldIndex) => {
                const setField = (next: typeof field) =>
                  setEvent(index, {
                    ...event,
                    payload: {
                      fields: event.payload.fields.map((f, at) => (at === fieldIndex ? next : f)),
                    },
                  });
                return (
                  <tr key={fieldIndex}>
                    <td>
                      <input
                        aria-label={`Field name in ${event.name}`}
                        value={field.name}
                        onChange={(e) => setField({ ...field, name: e.target.value })}
                      />
                    </td>
                    <td>
                      <select
                        aria-label={`Type of ${event.name}.${field.name}`}
                        value={field.type}
                        onChange={(e) =>
                          setField({ ...field, type: FieldType.parse(e.target.value) })
                        }
                      >
                        {FieldType.options.map((type) => (
                          <option key={type}>{type}</option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        aria-label={`${event.name}.${field.name} is required`}
                        type="checkbox"
                        checked={field.required}
                        onChange={(e) => setField({ ...field, required: e.target.checked })}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={`Remove field ${event.name}.${field.name}`}
                        onClick={() =>
                          setEvent(index, {
                            ...event,
                            payload: {
                              fields: event.payload.fields.filter((_, at) => at !== fieldIndex),
                            },
                          })
                        }
                      >
                        <Trash2 size={14} aria-hidden="true" />
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button
            type="button"
            onClick={() =>
              setEvent(index, {
                ...event,
                payload: {
                  fields: [
                    ...event.payload.fields,
                    {
                      name: freeName(
                        'field',
                        event.payload.fields.map((f) => f.name),
                      ),
                      type: 'string',
                      required: false,
                    },
                  ],
                },
              })
            }
          >
            <Plus size={14} aria-hidden="true" /> Add field
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange({
            ...catalog,
            events: [
              ...events,
              {
                name: freeName(
                  'Event',
                  events.map((e) => e.name),
                ),
                owner: catalog.services[0]?.name ?? '',
                version: 1,
                payload: { fields: [] },
              },
            ],
          })
        }
      >
        <Plus size={14} aria-hidden="true" /> Add event type
      </button>
    </div>
  );
}
