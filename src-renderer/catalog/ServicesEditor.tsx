import { Plus, Trash2 } from 'lucide-react';
import type { Catalog, Latency, Service } from '../../src-shared/model/catalog';
import { freeName, newOperation } from './catalogDraft';

type Operation = Service['operations'][number];

interface Props {
  readonly catalog: Catalog;
  readonly onChange: (catalog: Catalog) => void;
}

const latencyText = (latency: Latency) =>
  typeof latency === 'number' ? String(latency) : `${latency.min}-${latency.max}`;

/** "80" or "30-150" (ms); anything else is kept as typed so the check can name it. */
function parseLatency(text: string): Latency {
  const range = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(text);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  return Number(text.trim() === '' ? Number.NaN : text);
}

/** The services catalog: each service, its operations and their default mock behaviour. */
export function ServicesEditor({ catalog, onChange }: Props) {
  const setService = (index: number, service: Service) =>
    onChange({
      ...catalog,
      services: catalog.services.map((s, at) => (at === index ? service : s)),
    });
  const setOperation = (index: number, opIndex: number, operation: Operation) => {
    const service = catalog.services[index] as Service;
    setService(index, {
      ...service,
      operations: service.operations.map((o, at) => (at === opIndex ? operation : o)),
    });
  };
  return (
    <div className="catalog-section">
      {catalog.services.map((service, index) => (
        <fieldset key={index} className="catalog-item">
          <legend>{service.name || 'New service'}</legend>
          <div className="catalog-row">
            <label>
              Name
              <input
                value={service.name}
                onChange={(e) => setService(index, { ...service, name: e.target.value })}
              />
            </label>
            <label className="grow">
              Description
              <input
                value={service.description ?? ''}
                onChange={(e) =>
                  setService(index, {
                    ...service,
                    ...(e.target.value
                      ? { description: e.target.value }
                      : { description: undefined }),
                  })
                }
              />
            </label>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove service ${service.name}`}
              onClick={() =>
                onChange({ ...catalog, services: catalog.services.filter((_, at) => at !== index) })
              }
            >
              <Trash2 size={14} aria-hidden="true" />
            </button>
          </div>
          <table className="catalog-table">
            <thead>
              <tr>
                <th>Operation</th>
                <th>Latency (ms or min-max)</th>
                <th>Fail rate</th>
                <th>Honours keys</th>
                <th>Undone by</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {service.operations.map((operation, opIndex) => (
                <tr key={opIndex}>
                  <td>
                    <input
                      aria-label={`Operation name in ${service.name}`}
                      value={operation.name}
                      onChange={(e) =>
                        setOperation(index, opIndex, { ...operation, name: e.target.value })
                      }
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`Latency of ${service.name}.${operation.name}`}
                      defaultValue={latencyText(operation.mock.latencyMs)}
                      onBlur={(e) =>
                        setOperation(index, opIndex, {
                          ...operation,
                          mock: { ...operation.mock, latencyMs: parseLatency(e.target.value) },
                        })
                      }
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`Fail rate of ${service.name}.${operation.name}`}
                      type="number"
                      min={0}
                      max={1}
                      step={0.01}
                      value={operation.mock.failRate}
                      onChange={(e) =>
                        setOperation(index, opIndex, {
                          ...operation,
                          mock: { ...operation.mock, failRate: Number(e.target.value) },
                        })
                      }
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`${service.name}.${operation.name} honours idempotency keys`}
                      type="checkbox"
                      checked={operation.mock.honoursIdempotency}
                      onChange={(e) =>
                        setOperation(index, opIndex, {
                          ...operation,
                          mock: { ...operation.mock, honoursIdempotency: e.target.checked },
                        })
                      }
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`What undoes ${service.name}.${operation.name}`}
                      value={operation.compensatedBy ?? ''}
                      onChange={(e) => {
                        const { compensatedBy: _old, ...rest } = operation;
                        setOperation(
                          index,
                          opIndex,
                          e.target.value ? { ...rest, compensatedBy: e.target.value } : rest,
                        );
                      }}
                    >
                      <option value="">nothing</option>
                      {service.operations
                        .filter((other) => other.name !== operation.name)
                        .map((other) => (
                          <option key={other.name} value={other.name}>
                            {other.name}
                          </option>
                        ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Remove operation ${service.name}.${operation.name}`}
                      onClick={() =>
                        setService(index, {
                          ...service,
                          operations: service.operations.filter((_, at) => at !== opIndex),
                        })
                      }
                    >
                      <Trash2 size={14} aria-hidden="true" />
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            onClick={() =>
              setService(index, {
                ...service,
                operations: [
                  ...service.operations,
                  newOperation(
                    freeName(
                      'operation',
                      service.operations.map((o) => o.name),
                    ),
                  ),
                ],
              })
            }
          >
            <Plus size={14} aria-hidden="true" /> Add operation
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange({
            ...catalog,
            services: [
              ...catalog.services,
              {
                name: freeName(
                  'Service',
                  catalog.services.map((s) => s.name),
                ),
                operations: [],
              },
            ],
          })
        }
      >
        <Plus size={14} aria-hidden="true" /> Add service
      </button>
    </div>
  );
}
