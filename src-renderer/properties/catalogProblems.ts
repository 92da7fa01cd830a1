import type { Catalog } from '../../src-shared/model/catalog';

// What the pickers say about a stored name the catalog does not know. Each returns `null` when
// all is well, and when the name is blank (a separate "choose one" matter).

export function unknownService(catalog: Catalog, service: string | undefined): string | null {
  if (!service || catalog.services.some((candidate) => candidate.name === service)) return null;
  return `Unknown service “${service}”: it is not in the catalog.`;
}

export function unknownOperation(
  catalog: Catalog,
  service: string | undefined,
  operation: string | undefined,
): string | null {
  if (!operation) return null;
  const known = catalog.services.find((candidate) => candidate.name === service);
  if (!service || !known) {
    return `Unknown operation “${operation}”: choose a service of the catalog first.`;
  }
  if (known.operations.some((candidate) => candidate.name === operation)) return null;
  return `Unknown operation “${service}.${operation}”: ${service} has no such operation in the catalog.`;
}

export function unknownEventType(catalog: Catalog, eventType: string | undefined): string | null {
  if (!eventType || (catalog.events ?? []).some((event) => event.name === eventType)) return null;
  return `Unknown event type “${eventType}”: it is not in the events catalog.`;
}
