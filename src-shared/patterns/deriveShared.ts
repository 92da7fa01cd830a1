import type { Shape } from '../model/document';

/** What became of one element of the source document in the derived one (as the BPMN import reports). */
export interface DeriveReportEntry {
  readonly elementId: string;
  readonly type: string;
  readonly action: 'converted' | 'approximated' | 'skipped';
  readonly detail: string;
}

/** Which derived elements stand for one source element (both views highlight together). */
export type ElementMapping = Readonly<Record<string, readonly string[]>>;

/** The report entry for one source element (its id and type), in the order the report lists them. */
export function reportEntry(
  element: { readonly id: string; readonly type: string },
  action: DeriveReportEntry['action'],
  detail: string,
): DeriveReportEntry {
  return { elementId: element.id, type: element.type, action, detail };
}

/** One report line, as the CLI or the app would list it. */
export function formatDeriveReportEntry(entry: DeriveReportEntry): string {
  return `${entry.action} ${entry.type} ${entry.elementId}: ${entry.detail}`;
}

/** `reserve inventory` → `ReserveInventory`. */
export function pascal(words: string): string {
  return words
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** `ReserveInventory` → `reserveInventory`. */
export function camel(words: string): string {
  const name = pascal(words);
  return name.length === 0 ? name : name[0]!.toLowerCase() + name.slice(1);
}

const IRREGULAR: Readonly<Record<string, string>> = {
  send: 'sent',
  cancel: 'cancelled',
  pay: 'paid',
  make: 'made',
  take: 'taken',
  get: 'got',
  hold: 'held',
  run: 'ran',
  build: 'built',
  set: 'set',
  put: 'put',
  write: 'written',
};

/** The past participle of an English verb, well enough for event names (`ship` → `shipped`). */
export function pastTense(verb: string): string {
  const lower = verb.toLowerCase();
  const irregular = IRREGULAR[lower];
  if (irregular !== undefined) return irregular;
  if (lower.endsWith('e')) return `${lower}d`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ied`;
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(lower)) return `${lower}${lower.at(-1)}ed`;
  return `${lower}ed`;
}

/** A name not yet in `taken` (adds it): `base`, `base2`, `base3`… */
export function unique(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

/** Left-to-right placement: one column per rank, rows in order of arrival. */
export function placeInColumns(
  ranks: ReadonlyMap<string, number>,
  columnWidth: number,
  rowHeight: number,
): Record<string, Shape> {
  const rows = new Map<number, number>();
  const shapes: Record<string, Shape> = {};
  for (const [id, rank] of ranks) {
    const row = rows.get(rank) ?? 0;
    rows.set(rank, row + 1);
    shapes[id] = { x: 50 + rank * columnWidth, y: 50 + row * rowHeight };
  }
  return shapes;
}
