import type { Catalog, Operation } from '../../model/catalog';
import type { Diagnostic, FlowContext } from '../Diagnostic';
import type { FlowIndex } from '../flowIndex';

/** What a rule may look up besides the flow: the effective catalog and the workspace's flows. */
export interface RuleContext {
  readonly catalog: Catalog;
  /** The catalog's operations by service name, then operation name. */
  readonly operations: CatalogIndex;
  readonly flowVersions?: FlowContext['flowVersions'];
  /** The names of the events catalog; absent when the catalog has no events to check against. */
  readonly eventTypes?: ReadonlySet<string>;
}

export type CatalogIndex = ReadonlyMap<string, ReadonlyMap<string, Operation>>;

/** The catalog's operations by service and name, for lookups in constant time. */
export function indexCatalog(catalog: Catalog): CatalogIndex {
  const index = new Map<string, Map<string, Operation>>();
  for (const service of catalog.services) {
    const operations = index.get(service.name) ?? new Map<string, Operation>();
    for (const operation of service.operations) {
      if (!operations.has(operation.name)) operations.set(operation.name, operation);
    }
    index.set(service.name, operations);
  }
  return index;
}

/** The names of the catalog's event types, or `undefined` when it has none. */
export function eventTypeNames(catalog: Catalog): ReadonlySet<string> | undefined {
  const events = catalog.events ?? [];
  return events.length === 0 ? undefined : new Set(events.map((event) => event.name));
}

/** One family of checks: a pure function from the indexed flow to its findings. */
export type FlowRule = (flow: FlowIndex, context: RuleContext) => Diagnostic[];

/** An expression that is absent or only spaces counts as not written. */
export const isBlank = (expression: string | undefined): boolean =>
  expression === undefined || expression.trim() === '';
