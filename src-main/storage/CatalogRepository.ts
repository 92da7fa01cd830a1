import { BatonError } from '../../src-shared/contract/errors';
import { describeIssues } from '../../src-shared/contract/dispatch';
import { Service, type Catalog } from '../../src-shared/model/catalog';
import type { Workspace } from './openWorkspace';

/** The workspace's services catalog: services, their operations and default mock behaviour. */
export class CatalogRepository {
  constructor(private readonly db: Workspace) {}

  /** Every service, by name. */
  get(): Catalog {
    const rows = this.db
      .prepare<[], { name: string; definition: string }>(
        'SELECT name, definition FROM catalog_services ORDER BY name',
      )
      .all();
    const services = rows.map((row) => {
      const parsed = Service.safeParse(JSON.parse(row.definition));
      if (!parsed.success) {
        throw new BatonError(
          'internal',
          `the stored service ${row.name} is not valid`,
          describeIssues(parsed.error),
        );
      }
      return parsed.data;
    });
    return { services };
  }

  /** Replaces the whole catalog in one transaction. */
  replace(catalog: Catalog): Catalog {
    this.assertUniqueNames(catalog);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM catalog_services').run();
      this.insertAll(catalog.services);
    })();
    return this.get();
  }

  /** Adds the services the catalog does not have yet; existing ones are kept. Returns the names added. */
  addMissing(services: readonly Service[]): string[] {
    return this.db.transaction(() => {
      const known = new Set(this.get().services.map((service) => service.name));
      const added = services.filter((service) => !known.has(service.name));
      this.insertAll(added);
      return added.map((service) => service.name);
    })();
  }

  private insertAll(services: readonly Service[]): void {
    const insert = this.db.prepare('INSERT INTO catalog_services (name, definition) VALUES (?, ?)');
    for (const service of services) insert.run(service.name, JSON.stringify(service));
  }

  private assertUniqueNames(catalog: Catalog): void {
    const seen = new Set<string>();
    for (const { name } of catalog.services) {
      if (seen.has(name))
        throw new BatonError('invalid-input', `the catalog lists service "${name}" twice`);
      seen.add(name);
    }
  }
}
