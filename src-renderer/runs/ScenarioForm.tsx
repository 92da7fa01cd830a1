import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { Catalog } from '../../src-shared/model/catalog';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { parseJsonSafely } from '../../src-shared/format/parseJsonSafely';
import { DraftNumberField } from './DraftNumberField';
import { MockTable } from './MockTable';
import {
  mockTargetsOf,
  recordAt,
  serviceTasksOf,
  servicesOf,
  setEntry,
  setTop,
  userTasksOf,
  type RawScenario,
} from './scenarioDraft';
import { IconButton } from '../ui/IconButton';

interface Props {
  readonly doc: WorkflowDocument;
  readonly catalog: Catalog | null;
  /** The scenario as the JSON view reads it; null while that text is not a JSON object. */
  readonly raw: RawScenario | null;
  readonly onChange: (raw: RawScenario) => void;
  /** Told when the input data field holds text that is not a JSON object (null when it does). */
  readonly onInputProblem: (problem: string | null) => void;
}

/**
 * The scenario as a form: input data, seed, mocks per operation or step, decisions of user
 * tasks, and for maps the broker and the times services are down. Every edit rewrites the JSON
 * view; while that text is not a JSON object the form is read-only.
 */
export function ScenarioForm({ doc, catalog, raw, onChange, onInputProblem }: Props) {
  const disabled = raw === null;
  const scenario = raw ?? {};
  const userTasks = userTasksOf(doc);
  const approvals = recordAt(scenario, 'approvals');
  const broker = recordAt(scenario, 'broker');
  return (
    <fieldset className="runs-form" disabled={disabled} aria-label="Scenario form">
      {disabled && (
        <p className="runs-hint">The JSON has a problem: fix it there to use the form again.</p>
      )}
      <section aria-labelledby="scenario-input">
        <h3 id="scenario-input">Input data</h3>
        <InputDataField
          value={scenario.input}
          disabled={disabled}
          onChange={(input) => onChange(setTop(scenario, 'input', input))}
          onProblem={onInputProblem}
        />
        <label className="runs-inline">
          Seed
          <DraftNumberField
            label="Seed"
            value={scenario.seed}
            placeholder="1"
            disabled={disabled}
            onChange={(seed) => onChange(setTop(scenario, 'seed', seed))}
          />
        </label>
      </section>
      <section aria-labelledby="scenario-mocks">
        <h3 id="scenario-mocks">Mock services</h3>
        <MockTable
          raw={scenario}
          onChange={onChange}
          targets={mockTargetsOf(doc)}
          tasks={serviceTasksOf(doc)}
          catalogs={[catalog, doc.catalog]}
          disabled={disabled}
        />
      </section>
      {userTasks.length > 0 && (
        <section aria-labelledby="scenario-approvals">
          <h3 id="scenario-approvals">People</h3>
          {userTasks.map((task) => (
            <label key={task.id} className="runs-inline">
              {task.name}
              <select
                aria-label={`Decision for ${task.name}`}
                value={typeof approvals[task.id] === 'string' ? (approvals[task.id] as string) : ''}
                onChange={(event) =>
                  onChange(
                    setEntry(scenario, 'approvals', task.id, event.target.value || undefined),
                  )
                }
              >
                <option value="">Wait for a person</option>
                <option value="approve">Approve</option>
                <option value="reject">Reject</option>
                <option value="ignore">Ignore (let the deadline pass)</option>
              </select>
            </label>
          ))}
        </section>
      )}
      {doc.kind === 'map' && (
        <section aria-labelledby="scenario-broker">
          <h3 id="scenario-broker">Broker</h3>
          <label className="runs-inline">
            Duplicate rate
            <DraftNumberField
              label="Duplicate rate"
              value={broker.duplicateRate}
              placeholder={String(doc.broker?.duplicateRate ?? 0)}
              onChange={(value) => onChange(setEntry(scenario, 'broker', 'duplicateRate', value))}
            />
          </label>
          <label className="runs-inline">
            Max deliveries
            <DraftNumberField
              label="Max deliveries"
              value={broker.maxDeliveries}
              placeholder={String(doc.broker?.maxDeliveries ?? 5)}
              onChange={(value) => onChange(setEntry(scenario, 'broker', 'maxDeliveries', value))}
            />
          </label>
          <DownWindows doc={doc} raw={scenario} onChange={onChange} />
        </section>
      )}
    </fieldset>
  );
}

/** The input data as JSON text; what is not a JSON object stays in the field, named as a problem. */
function InputDataField({
  value,
  disabled,
  onChange,
  onProblem,
}: {
  value: unknown;
  disabled: boolean;
  onChange: (value: unknown) => void;
  onProblem: (problem: string | null) => void;
}) {
  const textOf = (input: unknown) => (input === undefined ? '' : JSON.stringify(input, null, 2));
  const [text, setText] = useState(() => textOf(value));
  const [seen, setSeen] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  if (!Object.is(seen, value)) {
    setSeen(value);
    setText(textOf(value));
    setProblem(null);
  }
  const edit = (next: string) => {
    setText(next);
    let found: string | null = null;
    if (next.trim() === '') {
      setSeen(undefined);
      onChange(undefined);
    } else {
      const parsed = parseJsonSafely(next);
      if (!parsed.ok) found = `input: ${parsed.problem.message}`;
      else if (
        parsed.value === null ||
        typeof parsed.value !== 'object' ||
        Array.isArray(parsed.value)
      )
        found = 'input: the input data is a JSON object: { … }';
      else {
        setSeen(parsed.value);
        onChange(parsed.value);
      }
    }
    setProblem(found);
    onProblem(found);
  };
  return (
    <>
      <textarea
        className="runs-input-data"
        aria-label="Input data (JSON)"
        aria-invalid={problem ? true : undefined}
        spellCheck={false}
        rows={4}
        placeholder='The instance data as JSON, e.g. { "orderId": "o-1", "amount": 120 }'
        value={text}
        disabled={disabled}
        onChange={(event) => edit(event.target.value)}
      />
      {problem && <p className="runs-field-problem">{problem}</p>}
    </>
  );
}

/** For each service of a map, the stretches of virtual time it answers and consumes nothing. */
function DownWindows({
  doc,
  raw,
  onChange,
}: {
  doc: WorkflowDocument;
  raw: RawScenario;
  onChange: (raw: RawScenario) => void;
}) {
  const down = recordAt(raw, 'down');
  const services = [...new Set([...servicesOf(doc), ...Object.keys(down)])];
  if (services.length === 0) return null;
  return (
    <div className="runs-down">
      <h4>Down windows (virtual ms)</h4>
      {services.map((service) => {
        const windows = Array.isArray(down[service]) ? (down[service] as unknown[]) : [];
        const setWindows = (next: unknown[]) =>
          onChange(setEntry(raw, 'down', service, next.length ? next : undefined));
        return (
          <div key={service} className="runs-down-service">
            <span className="runs-mock-key">{service}</span>
            {windows.map((window, index) => {
              const bounds = window !== null && typeof window === 'object' ? window : {};
              const set = (field: 'fromMs' | 'toMs', value: unknown) =>
                setWindows(
                  windows.map((w, at) => {
                    if (at !== index) return w;
                    const { [field]: _old, ...rest } = bounds as Record<string, unknown>;
                    return value === undefined ? rest : { ...rest, [field]: value };
                  }),
                );
              return (
                <span key={index} className="runs-down-window">
                  <DraftNumberField
                    label={`${service} down from (window ${index + 1})`}
                    value={(bounds as Record<string, unknown>).fromMs}
                    placeholder="from"
                    onChange={(value) => set('fromMs', value)}
                  />
                  –
                  <DraftNumberField
                    label={`${service} down until (window ${index + 1})`}
                    value={(bounds as Record<string, unknown>).toMs}
                    placeholder="until"
                    onChange={(value) => set('toMs', value)}
                  />
                  <IconButton
                    icon={Trash2}
                    label={`Remove down window ${index + 1} of ${service}`}
                    size={14}
                    onClick={() => setWindows(windows.filter((_, at) => at !== index))}
                  />
                </span>
              );
            })}
            <IconButton
              icon={Plus}
              label={`Add a down window for ${service}`}
              size={14}
              onClick={() => {
                const last = windows.at(-1) as { toMs?: unknown } | undefined;
                const from = typeof last?.toMs === 'number' ? last.toMs : 0;
                setWindows([...windows, { fromMs: from, toMs: from + 60_000 }]);
              }}
            />
          </div>
        );
      })}
    </div>
  );
}
