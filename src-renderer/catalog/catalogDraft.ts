import { Catalog, type Service } from '../../src-shared/model/catalog';

type Operation = Service['operations'][number];

/** A new operation with the mock defaults a person would start from. */
export const newOperation = (name: string): Operation => ({
  name,
  mock: { latencyMs: 50, failRate: 0, honoursIdempotency: true },
});

/** The first free name like `base`, `base2`, `base3`… among `taken`. */
export function freeName(base: string, taken: readonly string[]): string {
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : `${base}${n}`;
    if (!taken.includes(name)) return name;
  }
}

/** Problems in a catalog draft as `where: what` lines, naming services and operations by name. */
export function catalogProblems(draft: Catalog): string[] {
  const checked = Catalog.safeParse(draft);
  if (checked.success) return duplicateNames(draft);
  return checked.error.issues.map(
    (issue) => `${describePath(draft, issue.path)}: ${issue.message}`,
  );
}

function duplicateNames(draft: Catalog): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const service of draft.services) {
    if (seen.has(service.name)) problems.push(`Service ${service.name}: the name is used twice`);
    seen.add(service.name);
    const operations = new Set<string>();
    for (const operation of service.operations) {
      if (operations.has(operation.name)) {
        problems.push(`${service.name}.${operation.name}: the name is used twice`);
      }
      operations.add(operation.name);
    }
  }
  const events = new Set<string>();
  for (const event of draft.events ?? []) {
    if (events.has(event.name)) problems.push(`Event ${event.name}: the name is used twice`);
    events.add(event.name);
  }
  return problems;
}

function describePath(draft: Catalog, path: readonly PropertyKey[]): string {
  const [section, index, ...rest] = path;
  if (section === 'services' && typeof index === 'number') {
    const service = draft.services[index];
    const label = `Service ${service?.name || `#${index + 1}`}`;
    if (rest[0] === 'operations' && typeof rest[1] === 'number') {
      const operation = service?.operations[rest[1]];
      return `${label}, operation ${operation?.name || `#${rest[1] + 1}`}${rest.length > 2 ? ` (${rest.slice(2).join('.')})` : ''}`;
    }
    return rest.length ? `${label} (${rest.join('.')})` : label;
  }
  if (section === 'events' && typeof index === 'number') {
    const event = draft.events?.[index];
    const label = `Event ${event?.name || `#${index + 1}`}`;
    return rest.length ? `${label} (${rest.join('.')})` : label;
  }
  return path.map(String).join('.') || 'catalog';
}
