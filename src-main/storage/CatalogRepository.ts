import type { z } from 'zod';
import { BatonError } from '../../src-shared/contract/errors';
import { describeIssues } from '../../src-shared/contract/dispatch';
import { EventTypeDefinition, Service, type Catalog } from '../../src-shared/model/catalog';
import type { Workspace } from './openWorkspace';

/** One table of the catalog: a row per definition, keyed by the definition's name. */
interface CatalogTable<T extends { readonly name: string }> {
  readonly table: 'catalog_services' | 'catalog_events';
  /** What a row is, for messages: "service", "event type". */
  readonly noun: string;
  readonly schema: z.ZodType<T>;
}

const servicesTable: CatalogTable<Service> = {
  table: 'catalog_services',
  noun: 'service',
  schema: Service,
};
const eventsTable: CatalogTable<EventTypeDefinition> = {
  table: 'catalog_events',
  noun: 'event type',
  schema: EventTypeDefinition,
};

/** What a catalog brings that the workspace lacks: services and event types, by name. */
export interface CatalogAdditions {
  readonly services: readonly Service[];
  readonly events?: readonly EventTypeDefinition[];
}

/**
 * The workspace's catalog: services (their operations and default mock behaviour) and event
 * types (owner, version, payload fields).
 */
export class CatalogRepository {
  constructor(private readonly db: Workspace) {}

  /** Every service and every event type, each sorted by name. */
  get(): Catalog {
    return { services: this.read(servicesTable), events: this.read(eventsTable) };
  }

  /**
   * Replaces the services, and the event types when the catalog lists them, in one transaction.
   * A catalog without `events` (written before the events catalog existed) keeps the stored ones.
   */
  replace(catalog: Catalog): Catalog {
    assertUniqueNames(servicesTable, catalog.services);
    if (catalog.events) assertUniqueNames(eventsTable, catalog.events);
    this.db.transaction(() => {
      this.replaceAll(servicesTable, catalog.services);
      if (catalog.events) this.replaceAll(eventsTable, catalog.events);
    })();
    return this.get();
  }

  /**
   * Adds the services and event types the workspace does not have yet; existing definitions are
   * kept as they are. Returns the names added.
   */
  addMissing(additions: CatalogAdditions): { services: string[]; events: string[] } {
    return this.db.transaction(() => ({
      services: this.insertMissing(servicesTable, additions.services),
      events: this.insertMissing(eventsTable, additions.events ?? []),
    }))();
  }

  /**
   * Fills in what undoes what where the workspace does not say it yet: an operation of a known
   * service without `compensatedBy` takes the one the given services name, if the workspace's
   * service has that operation. Nothing else changes. Returns the pairs added
   * (`Inventory.reserve → release`).
   */
  addMissingUndos(services: readonly Service[]): string[] {
    return this.db.transaction(() => {
      const added: string[] = [];
      const stored = new Map(this.read(servicesTable).map((service) => [service.name, service]));
      const update = this.db.prepare(`UPDATE catalog_services SET definition = ? WHERE name = ?`);
      for (const given of services) {
        const service = stored.get(given.name);
        if (!service) continue;
        const names = new Set(service.operations.map((operation) => operation.name));
        const undoOf = new Map(
          given.operations.flatMap((operation) =>
            operation.compensatedBy ? [[operation.name, operation.compensatedBy] as const] : [],
          ),
        );
        let changed = false;
        const operations = service.operations.map((operation) => {
          const undo = undoOf.get(operation.name);
          if (operation.compensatedBy || !undo || !names.has(undo) || undo === operation.name)
            return operation;
          changed = true;
          added.push(`${service.name}.${operation.name} → ${undo}`);
          return { ...operation, compensatedBy: undo };
        });
        if (changed) update.run(JSON.stringify({ ...service, operations }), service.name);
      }
      return added;
    })();
  }

  private read<T extends { readonly name: string }>(table: CatalogTable<T>): T[] {
    const rows = this.db
      .prepare<[], { name: string; definition: string }>(
        `SELECT name, definition FROM ${table.table} ORDER BY name`,
      )
      .all();
    return rows.map((row) => {
      const parsed = table.schema.safeParse(JSON.parse(row.definition));
      if (!parsed.success) {
        throw new BatonError(
          'internal',
          `the stored ${table.noun} ${row.name} is not valid`,
          describeIssues(parsed.error),
        );
      }
      return parsed.data;
    });
  }

  private replaceAll<T extends { readonly name: string }>(
    table: CatalogTable<T>,
    definitions: readonly T[],
  ): void {
    this.db.prepare(`DELETE FROM ${table.table}`).run();
    this.insertAll(table, definitions);
  }

  private insertMissing<T extends { readonly name: string }>(
    table: CatalogTable<T>,
    definitions: readonly T[],
  ): string[] {
    const known = new Set(
      this.db.prepare<[], string>(`SELECT name FROM ${table.table}`).pluck().all(),
    );
    const added: T[] = [];
    for (const definition of definitions) {
      if (known.has(definition.name)) continue;
      known.add(definition.name);
      added.push(definition);
    }
    this.insertAll(table, added);
    return added.map((definition) => definition.name);
  }

  private insertAll<T extends { readonly name: string }>(
    table: CatalogTable<T>,
    definitions: readonly T[],
  ): void {
    const insert = this.db.prepare(`INSERT INTO ${table.table} (name, definition) VALUES (?, ?)`);
    for (const definition of definitions) insert.run(definition.name, JSON.stringify(definition));
  }
}

function assertUniqueNames(
  table: { readonly noun: string },
  definitions: readonly { readonly name: string }[],
): void {
  const seen = new Set<string>();
  for (const { name } of definitions) {
    if (seen.has(name)) {
      throw new BatonError('invalid-input', `the catalog lists ${table.noun} "${name}" twice`);
    }
    seen.add(name);
  }
}
