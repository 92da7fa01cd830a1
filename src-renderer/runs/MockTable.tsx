import { Plus, Trash2, X } from 'lucide-react';
import type { Catalog, MockBehaviour } from '../../src-shared/model/catalog';
import { MockOutcome } from '../../src-shared/model/catalog';
import { DraftNumberField, latencyOfText, textOfLatency } from './DraftNumberField';
import { recordAt, setEntry, setField, type MockTarget, type RawScenario } from './scenarioDraft';
import { IconButton } from '../ui/IconButton';

interface Props {
  readonly raw: RawScenario;
  readonly onChange: (raw: RawScenario) => void;
  readonly targets: readonly MockTarget[];
  /** Service tasks that can have a mock of their own. */
  readonly tasks: readonly { id: string; name: string; service: string }[];
  /** The workspace's catalog, then the document's own (for defaults shown as placeholders). */
  readonly catalogs: readonly (Catalog | null | undefined)[];
  readonly disabled: boolean;
}

const OUTCOMES = MockOutcome.options;

/** An operation's default mock: the workspace catalog's, else the one the document carries. */
function defaultsOf(
  catalogs: readonly (Catalog | null | undefined)[],
  service: string,
  operation: string,
) {
  for (const catalog of catalogs) {
    const mock = catalog?.services
      .find((item) => item.name === service)
      ?.operations.find((item) => item.name === operation)?.mock;
    if (mock) return mock;
  }
  return undefined;
}

const describeDefault = (mock: MockBehaviour | undefined) =>
  mock
    ? `catalog: ${textOfLatency(mock.latencyMs)} ms, fail rate ${mock.failRate}` +
      (mock.outcomes?.length ? `, ${mock.outcomes.join(' → ')}` : '')
    : 'not in the catalog';

/**
 * The scenario's mocks: one row per operation the document calls (`Service.operation`), and one
 * per step given a behaviour of its own (its element id wins). Outcomes apply per attempt, the
 * last one repeating; an empty field falls back to the catalog's default.
 */
export function MockTable({ raw, onChange, targets, tasks, catalogs, disabled }: Props) {
  const mocks = recordAt(raw, 'mocks');
  const known = new Set(targets.map((target) => target.key));
  const taskById = new Map(tasks.map((task) => [task.id, task]));
  const extraKeys = Object.keys(mocks).filter((key) => !known.has(key));
  const rows = [
    ...targets.map((target) => ({
      key: target.key,
      label: target.label,
      target,
      removable: false,
    })),
    ...extraKeys.map((key) => {
      const task = taskById.get(key);
      return {
        key,
        label: task ? `${task.name} (${key})` : key,
        target: undefined,
        removable: true,
      };
    }),
  ];
  const available = tasks.filter((task) => !Object.hasOwn(mocks, task.id));

  if (rows.length === 0) {
    return <p className="runs-hint">This document calls no service operations.</p>;
  }
  return (
    <>
      <table className="runs-mock-table">
        <thead>
          <tr>
            <th scope="col">Mock</th>
            <th scope="col">Outcome per attempt</th>
            <th scope="col">Latency (ms)</th>
            <th scope="col">Fail rate</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, target, removable }) => {
            const mock = recordAt(mocks, key);
            const outcomes = Array.isArray(mock.outcomes) ? (mock.outcomes as unknown[]) : [];
            const setOutcomes = (next: unknown[]) =>
              onChange(setField(raw, 'mocks', key, 'outcomes', next.length ? next : undefined));
            const service = target?.service ?? taskById.get(key)?.service ?? '';
            const defaults = target
              ? defaultsOf(catalogs, target.service, target.operation)
              : undefined;
            return (
              <tr key={key}>
                <th
                  scope="row"
                  title={target ? `Called by ${target.elements.join(', ')}` : service}
                >
                  <span className="runs-mock-key">{label}</span>
                  {target && <span className="runs-hint">{describeDefault(defaults)}</span>}
                  {removable && (
                    <IconButton
                      icon={Trash2}
                      label={`Remove the mock of ${key}`}
                      size={14}
                      disabled={disabled}
                      onClick={() => onChange(setEntry(raw, 'mocks', key, undefined))}
                    />
                  )}
                </th>
                <td>
                  <div className="runs-outcomes">
                    {outcomes.map((outcome, index) => (
                      <select
                        key={index}
                        aria-label={`${key} attempt ${index + 1}`}
                        value={String(outcome)}
                        disabled={disabled}
                        onChange={(event) =>
                          setOutcomes(
                            outcomes.map((o, at) => (at === index ? event.target.value : o)),
                          )
                        }
                      >
                        {!OUTCOMES.includes(outcome as MockOutcome) && (
                          <option value={String(outcome)}>{String(outcome)}</option>
                        )}
                        {OUTCOMES.map((option) => (
                          <option key={option} value={option}>
                            {option}
                          </option>
                        ))}
                      </select>
                    ))}
                    {outcomes.length === 0 && <span className="runs-hint">default</span>}
                    <IconButton
                      icon={Plus}
                      label={`Add an attempt to ${key}`}
                      size={14}
                      title="Add an attempt (the last one repeats)"
                      disabled={disabled || outcomes.length >= 100}
                      onClick={() =>
                        setOutcomes([...outcomes, outcomes.length === 0 ? 'fail' : 'ok'])
                      }
                    />
                    {outcomes.length > 0 && (
                      <IconButton
                        icon={X}
                        label={`Remove the last attempt of ${key}`}
                        size={14}
                        disabled={disabled}
                        onClick={() => setOutcomes(outcomes.slice(0, -1))}
                      />
                    )}
                  </div>
                </td>
                <td>
                  <DraftNumberField
                    label={`${key} latency`}
                    value={mock.latencyMs}
                    parse={latencyOfText}
                    format={textOfLatency}
                    placeholder={defaults ? textOfLatency(defaults.latencyMs) : '80, 10-400'}
                    className="runs-number runs-latency"
                    disabled={disabled}
                    onChange={(value) => onChange(setField(raw, 'mocks', key, 'latencyMs', value))}
                  />
                </td>
                <td>
                  <DraftNumberField
                    label={`${key} fail rate`}
                    value={mock.failRate}
                    placeholder={defaults ? String(defaults.failRate) : '0 to 1'}
                    disabled={disabled}
                    onChange={(value) => onChange(setField(raw, 'mocks', key, 'failRate', value))}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {available.length > 0 && (
        <label className="runs-inline">
          Give one step its own mock
          <select
            aria-label="Give one step its own mock"
            value=""
            disabled={disabled}
            onChange={(event) => {
              if (event.target.value) onChange(setEntry(raw, 'mocks', event.target.value, {}));
            }}
          >
            <option value="">Choose a step…</option>
            {available.map((task) => (
              <option key={task.id} value={task.id}>
                {task.name} ({task.id})
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}
