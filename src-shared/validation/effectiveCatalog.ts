import type { Catalog, Service } from '../model/catalog';
import type { WorkflowDocument } from '../model/document';
import type { FlowContext } from './Diagnostic';

/**
 * The services a flow is checked against: the workspace's catalog (`context.catalog`) merged
 * with the services the document carries (`doc.catalog`). Services and operations are merged by
 * name; where both define the same operation, the workspace's wins, since it is what runs use.
 * Order is stable: the workspace's services first, then the document's own.
 */
export function effectiveCatalog(doc: WorkflowDocument, context: FlowContext): Catalog {
  const own = doc.catalog?.services ?? [];
  if (own.length === 0) return context.catalog;
  const merged = new Map<string, Service>();
  for (const service of [...context.catalog.services, ...own]) {
    const known = merged.get(service.name);
    merged.set(service.name, known ? mergeService(known, service) : service);
  }
  return { services: [...merged.values()] };
}

function mergeService(known: Service, extra: Service): Service {
  const names = new Set(known.operations.map((operation) => operation.name));
  const added = extra.operations.filter((operation) => !names.has(operation.name));
  return added.length === 0 ? known : { ...known, operations: [...known.operations, ...added] };
}
