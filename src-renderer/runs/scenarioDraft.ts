import { parseJsonSafely } from '../../src-shared/format/parseJsonSafely';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { checkScenario, type Scenario } from '../../src-shared/runtime/scenario';

/**
 * A scenario being edited in the run dialog: the JSON text as typed, and the object it reads as
 * (loosely: the form shows and edits whatever the text holds, even where it is not yet a valid
 * scenario, so the checker can name the field at fault). `raw` is null while the text is not a
 * JSON object; the form is then read-only until the text is fixed.
 */
export interface ScenarioDraft {
  readonly text: string;
  readonly raw: Record<string, unknown> | null;
  /** What keeps it from being started, each naming the field at fault (empty when it can be). */
  readonly problems: readonly string[];
  readonly scenario: Scenario | null;
}

export type RawScenario = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Reads the JSON view's text as a draft. */
export function draftFromText(text: string): ScenarioDraft {
  const parsed = parseJsonSafely(text, { maxLength: 5 * 1024 * 1024 });
  if (!parsed.ok) return { text, raw: null, problems: [parsed.problem.message], scenario: null };
  if (!isRecord(parsed.value)) {
    return { text, raw: null, problems: ['a scenario is a JSON object: { … }'], scenario: null };
  }
  return withCheck(text, parsed.value);
}

/** The draft after an edit in the form: the text is written out again from the object. */
export function draftFromRaw(raw: RawScenario): ScenarioDraft {
  return withCheck(scenarioText(raw), raw);
}

function withCheck(text: string, raw: RawScenario): ScenarioDraft {
  const checked = checkScenario(raw);
  return checked.ok
    ? { text, raw, problems: [], scenario: checked.scenario }
    : { text, raw, problems: checked.problems, scenario: null };
}

/** The scenario file's text, as the JSON view shows it and a scenario file stores it. */
export const scenarioText = (raw: RawScenario) => `${JSON.stringify(raw, null, 2)}\n`;

/** A record inside the draft (`mocks`, `approvals`, `broker`, `down`), or nothing. */
export const recordAt = (raw: RawScenario, key: string): Record<string, unknown> => {
  const value = raw[key];
  return isRecord(value) ? value : {};
};

/**
 * Sets `raw[section][key]` (or removes it when `value` is undefined), dropping a section left
 * empty so the JSON stays as small as what the person chose.
 */
export function setEntry(
  raw: RawScenario,
  section: string,
  key: string,
  value: unknown,
): RawScenario {
  const { [key]: _old, ...rest } = recordAt(raw, section);
  const next = value === undefined ? rest : { ...rest, [key]: value };
  const { [section]: _section, ...others } = raw;
  return Object.keys(next).length === 0 ? others : { ...others, [section]: next };
}

/** Sets a field of an object inside a section (a mock's `failRate`, the broker's `maxDeliveries`). */
export function setField(
  raw: RawScenario,
  section: string,
  key: string,
  field: string,
  value: unknown,
): RawScenario {
  const current = recordAt(recordAt(raw, section), key);
  const { [field]: _old, ...rest } = current;
  const next = value === undefined ? rest : { ...rest, [field]: value };
  return setEntry(raw, section, key, Object.keys(next).length === 0 ? undefined : next);
}

/** Sets a top-level field (`seed`, `input`), removing it when `value` is undefined. */
export function setTop(raw: RawScenario, field: string, value: unknown): RawScenario {
  const { [field]: _old, ...rest } = raw;
  return value === undefined ? rest : { ...rest, [field]: value };
}

/** What a run of the document calls: a row of the form's mocks table. */
export interface MockTarget {
  /** `Service.operation`, or an element id for a per-element override. */
  readonly key: string;
  readonly label: string;
  readonly service: string;
  readonly operation: string;
  /** The elements that call it (for a `Service.operation` row). */
  readonly elements: readonly string[];
}

/**
 * The operations the document calls, as scenario mock keys: service tasks and their
 * compensations in a flow, reactions' operations in a map. Sorted by key.
 */
export function mockTargetsOf(doc: WorkflowDocument): MockTarget[] {
  const targets = new Map<string, { service: string; operation: string; elements: string[] }>();
  const add = (service: string | undefined, operation: string | undefined, elementId: string) => {
    if (!service || !operation) return;
    const key = `${service}.${operation}`;
    const target = targets.get(key) ?? { service, operation, elements: [] };
    if (!target.elements.includes(elementId)) target.elements.push(elementId);
    targets.set(key, target);
  };
  const byId = new Map(doc.model.elements.map((element) => [element.id, element]));
  for (const element of doc.model.elements) {
    if (element.type !== 'serviceTask') continue;
    add(element.service, element.operation, element.id);
    add(element.service, element.compensation?.operation, element.id);
  }
  for (const connection of doc.model.connections) {
    const target = byId.get(connection.target);
    if (!connection.reaction || target?.type !== 'service') continue;
    for (const call of connection.reaction.operations)
      add(target.service, call.operation, target.id);
  }
  return [...targets.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, target]) => ({ key, label: key, ...target }));
}

/** Service tasks that may be given their own mock (the element id wins over `Service.operation`). */
export function serviceTasksOf(doc: WorkflowDocument) {
  return doc.model.elements.flatMap((element) =>
    element.type === 'serviceTask' && element.service && element.operation
      ? [{ id: element.id, name: element.name || element.id, service: element.service }]
      : [],
  );
}

/** The user tasks a scenario can decide. */
export function userTasksOf(doc: WorkflowDocument) {
  return doc.model.elements.flatMap((element) =>
    element.type === 'userTask' ? [{ id: element.id, name: element.name || element.id }] : [],
  );
}

/** The services of a map, which a scenario can take down for a while. */
export function servicesOf(doc: WorkflowDocument): string[] {
  const names = doc.model.elements.flatMap((element) =>
    element.type === 'service' && element.service ? [element.service] : [],
  );
  return [...new Set(names)].sort();
}
