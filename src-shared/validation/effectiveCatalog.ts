import type { Catalog, EventTypeDefinition, Service } from '../model/catalog';
import type { WorkflowDocument } from '../model/document';
import type { FlowContext } from './Diagnostic';

/**
 * The services and events a document is checked against: the workspace's catalog
 * (`context.catalog`) merged with what the document carries (`doc.catalog`). Services,
 * operations and event types are merged by name; where both define the same operation or event
 * type, the workspace's wins, since it is what runs use. Order is stable: the workspace's first,
 * then the document's own. `events` is present when either side has an events catalog.
 */
export function effectiveCatalog(doc: WorkflowDocument, context: FlowContext): Catalog {
  const ownServices = doc.catalog?.services ?? [];
  const ownEvents = doc.catalog?.events ?? [];
  if (ownServices.length === 0 && ownEvents.length === 0) return context.catalog;
  const services = mergeServices(context.catalog.services, ownServices);
  const events = mergeEvents(context.catalog.events, doc.catalog?.events);
  return events === undefined ? { services } : { services, events };
}

function mergeServices(workspace: readonly Service[], own: readonly Service[]): Service[] {
  if (own.length === 0) return [...workspace];
  const merged = new Map<string, Service>();
  for (const service of [...workspace, ...own]) {
    const known = merged.get(service.name);
    merged.set(service.name, known ? mergeService(known, service) : service);
  }
  return [...merged.values()];
}

function mergeService(known: Service, extra: Service): Service {
  const names = new Set(known.operations.map((operation) => operation.name));
  const added = extra.operations.filter((operation) => !names.has(operation.name));
  return added.length === 0 ? known : { ...known, operations: [...known.operations, ...added] };
}

function mergeEvents(
  workspace: readonly EventTypeDefinition[] | undefined,
  own: readonly EventTypeDefinition[] | undefined,
): EventTypeDefinition[] | undefined {
  if (workspace === undefined && own === undefined) return undefined;
  const merged = new Map<string, EventTypeDefinition>();
  for (const event of [...(workspace ?? []), ...(own ?? [])]) {
    if (!merged.has(event.name)) merged.set(event.name, event);
  }
  return [...merged.values()];
}
