/**
 * The choreography map `deriveMap` is building: its nodes, edges and catalog events with the ids
 * and names taken, the mapping and the report, and the ways to add events, services, reactions and
 * publish edges to it. Event names say what happened to whom (`InventoryReserved`).
 */
import {
  findOperation,
  type Catalog,
  type EventTypeDefinition,
  type PayloadField,
} from '../model/catalog';
import type { Connection, Element, ElementOf } from '../model/document';
import { DEFAULT_BROKER } from '../model/document';
import type { Task } from './deriveMapGraph';
import { camel, pascal, pastTense, unique, type DeriveReportEntry } from './deriveShared';

/** The map so far, with the memo tables that keep one node per service and per event. */
export interface MapDraft {
  readonly flowCatalog: Catalog;
  /** The payload every derived event declares: the initial event's (it accumulates along the chain). */
  readonly fields: readonly PayloadField[];
  readonly elements: Element[];
  readonly connections: Connection[];
  readonly events: EventTypeDefinition[];
  readonly ids: Set<string>;
  readonly eventNames: Set<string>;
  /** Service name → its node id. */
  readonly serviceNodes: Map<string, string>;
  /** Task id → the id of its completion event. */
  readonly completion: Map<string, string>;
  /** `service->event` of the publish edges drawn. */
  readonly published: Set<string>;
  readonly mapping: Record<string, string[]>;
  readonly report: DeriveReportEntry[];
}

/** One reaction to add: `service` (a node id) reacts to `event` by calling `operation`. */
export interface ReactionSpec {
  readonly id: string;
  readonly event: string;
  readonly service: string;
  readonly name: string;
  readonly operation: string;
  readonly input: string | undefined;
  readonly emitsOnSuccess: string[];
  readonly emitsOnFailure: string[];
  readonly condition?: string;
  readonly maxAttempts?: number;
}

export function newDraft(
  flowCatalog: Catalog,
  fields: readonly PayloadField[],
  report: DeriveReportEntry[],
): MapDraft {
  return {
    flowCatalog,
    fields,
    elements: [],
    connections: [],
    events: [],
    ids: new Set(),
    eventNames: new Set(),
    serviceNodes: new Map(),
    completion: new Map(),
    published: new Set(),
    mapping: {},
    report,
  };
}

/** Records that the map ids stand for the flow element. */
export function link(draft: MapDraft, flowId: string, ...mapIds: string[]): void {
  draft.mapping[flowId] = [...(draft.mapping[flowId] ?? []), ...mapIds];
}

/** Adds an event node and its catalog definition; returns the node id. */
export function addEvent(
  draft: MapDraft,
  name: string,
  owner: string,
  description: string,
  extra: Partial<ElementOf<'eventType'>> = {},
): string {
  const id = unique(camel(name), draft.ids);
  draft.elements.push({
    type: 'eventType',
    id,
    name: name.replace(/([a-z0-9])([A-Z])/g, '$1 $2'),
    eventType: name,
    ...extra,
  });
  draft.events.push({
    name,
    owner,
    version: 1,
    description,
    payload: { fields: draft.fields.map((field) => ({ ...field })) },
  });
  return id;
}

/** The node of a service, added on first use. */
export function serviceNode(draft: MapDraft, service: string): string {
  let id = draft.serviceNodes.get(service);
  if (id === undefined) {
    id = unique(camel(service), draft.ids);
    draft.serviceNodes.set(service, id);
    draft.elements.push({ type: 'service', id, name: service, service });
  }
  return id;
}

/** The completion event of a task, added on first use. */
export function completionOf(draft: MapDraft, task: Task): string {
  let id = draft.completion.get(task.id);
  if (id === undefined) {
    const { subject, verb } = subjectAndVerb(task);
    const name = unique(`${subject}${pascal(pastTense(verb))}`, draft.eventNames);
    id = addEvent(draft, name, task.service ?? 'Outside', `${task.name || task.id} succeeded.`);
    draft.completion.set(task.id, id);
  }
  return id;
}

/** `Charge payment` → subject `Payment`, verb `charge` (the event names say what happened to whom). */
export function subjectAndVerb(task: Task): { subject: string; verb: string } {
  const words = (task.name || task.id).split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
  const prefix = pascal(task.service ?? 'Step');
  if (words.length >= 2) {
    return { subject: eventName(pascal(words.slice(1).join(' ')), prefix), verb: words[0]! };
  }
  return { subject: prefix, verb: task.operation ?? 'done' };
}

/** Event types start with a letter: `1080p` becomes `Transcoder1080p`. */
export const eventName = (name: string, prefix: string) =>
  /^[A-Za-z]/.test(name) ? name : `${prefix}${name}`;

/** Whether the catalog's mock of the operation honours idempotency keys (yes if it does not say). */
export function honours(draft: MapDraft, serviceNodeId: string, operation: string): boolean {
  const node = draft.elements.find((element) => element.id === serviceNodeId);
  const name = node?.type === 'service' ? node.service : undefined;
  return name === undefined
    ? true
    : (findOperation(draft.flowCatalog, name, operation)?.mock.honoursIdempotency ?? true);
}

/** Adds a reaction edge from the event to the service; returns its id. */
export function addReaction(draft: MapDraft, spec: ReactionSpec): string {
  const { event, service, operation, input, condition, maxAttempts } = spec;
  // Only what the service's mock really does: a map on an at-least-once broker needs it. Where
  // it is not, the consumer keeps an inbox: the flow calls the step once per instance.
  const idempotent = honours(draft, service, operation);
  draft.connections.push({
    id: unique(`react_${event}_${spec.id}`, draft.ids),
    source: event,
    target: service,
    name: spec.name,
    reaction: {
      ...(condition === undefined ? {} : { condition }),
      operations: [{ operation, ...(input === undefined ? {} : { input }) }],
      emitsOnSuccess: spec.emitsOnSuccess,
      emitsOnFailure: spec.emitsOnFailure,
      idempotent,
      ...(idempotent ? {} : { deduplicates: true }),
      ...(maxAttempts !== undefined && maxAttempts > 1 ? { maxAttempts } : {}),
    },
  });
  return draft.connections.at(-1)!.id;
}

/** Adds the publish edge from the service to the event, once. */
export function publish(draft: MapDraft, service: string, event: string): void {
  const key = `${service}->${event}`;
  if (draft.published.has(key)) return;
  draft.published.add(key);
  draft.connections.push({
    id: unique(`publish_${service}_${event}`, draft.ids),
    source: service,
    target: event,
  });
}

/** A task's attempts as a reaction's deliveries: at most what the derived map's broker allows. */
export function attemptsOf(task: { readonly retry?: { readonly maxAttempts: number } }) {
  return task.retry ? Math.min(task.retry.maxAttempts, DEFAULT_BROKER.maxDeliveries) : undefined;
}
