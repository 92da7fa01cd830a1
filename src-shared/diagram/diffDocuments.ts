import type { WorkflowDocument } from '../model/document';

/** What happened to the elements or the connections of a document between two of its states. */
export interface ItemDiff {
  /** In the newer document only, in its order. */
  readonly added: readonly string[];
  /** In the older document only, in its order. */
  readonly removed: readonly string[];
  /** In both, with model properties that differ (whether or not they also moved). */
  readonly changed: readonly string[];
  /** In both with the same properties: only the shape (or a connection's route) differs. */
  readonly moved: readonly string[];
}

/** How one document differs from another, by element and connection id. */
export interface DocumentDiff {
  readonly elements: ItemDiff;
  readonly connections: ItemDiff;
  /** For each changed id, what changed, one line per property: `timeoutMs 5000 → 3000`. */
  readonly details: Readonly<Record<string, readonly string[]>>;
  /** What changed in the document itself (its name, a map's broker), in the same form. */
  readonly document: readonly string[];
}

/** The longest a value is shown in a line of `details` before it is cut with "…". */
const MAX_VALUE_LENGTH = 40;

/**
 * Compares an older document (`before`, such as a saved version) with a newer one (`after`, such
 * as the draft): which elements and connections were added, removed, changed in the model, or
 * only moved on the diagram, with a short line per changed property. Logic and layout are kept
 * apart as in the document: a move alone is never a change.
 */
export function diffDocuments(before: WorkflowDocument, after: WorkflowDocument): DocumentDiff {
  const details: Record<string, readonly string[]> = {};
  const elements = diffItems(
    before.model.elements,
    after.model.elements,
    (id) => JSON.stringify(shapeOf(before, id)) !== JSON.stringify(shapeOf(after, id)),
    details,
  );
  const connections = diffItems(
    before.model.connections,
    after.model.connections,
    (id) => JSON.stringify(routeOf(before, id)) !== JSON.stringify(routeOf(after, id)),
    details,
  );
  const document = describeChanges(
    { name: before.name, broker: before.broker },
    { name: after.name, broker: after.broker },
  );
  return { elements, connections, details, document };
}

/** Whether two documents hold the same model and diagram (nothing added, removed, changed or moved). */
export function isEmptyDiff(diff: DocumentDiff): boolean {
  const { elements, connections } = diff;
  return (
    diff.document.length === 0 &&
    [elements, connections].every(
      (items) =>
        items.added.length + items.removed.length + items.changed.length + items.moved.length === 0,
    )
  );
}

function diffItems<T extends { readonly id: string }>(
  before: readonly T[],
  after: readonly T[],
  layoutDiffers: (id: string) => boolean,
  details: Record<string, readonly string[]>,
): ItemDiff {
  const old = new Map(before.map((item) => [item.id, item]));
  const kept = new Set(after.map((item) => item.id));
  const added: string[] = [];
  const changed: string[] = [];
  const moved: string[] = [];
  for (const item of after) {
    const previous = old.get(item.id);
    if (!previous) {
      added.push(item.id);
      continue;
    }
    const lines = describeChanges(previous, item);
    if (lines.length > 0) {
      changed.push(item.id);
      details[item.id] = lines;
    } else if (layoutDiffers(item.id)) {
      moved.push(item.id);
    }
  }
  const removed = before.filter((item) => !kept.has(item.id)).map((item) => item.id);
  return { added, removed, changed, moved };
}

/**
 * One line per property path whose value differs, in the order the properties appear (the older
 * object's first). Nested objects are followed (`retry.maxAttempts`); arrays are compared whole.
 */
function describeChanges(before: unknown, after: unknown, path = ''): string[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) =>
      describeChanges(before[key], after[key], path ? `${path}.${key}` : key),
    );
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [`${path} ${formatValue(before)} → ${formatValue(after)}`];
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatValue(value: unknown): string {
  if (value === undefined) return 'none';
  const text = typeof value === 'number' ? String(value) : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function shapeOf(doc: WorkflowDocument, id: string) {
  return Object.hasOwn(doc.diagram.shapes, id) ? doc.diagram.shapes[id] : undefined;
}

function routeOf(doc: WorkflowDocument, id: string) {
  const edges = doc.diagram.edges;
  return edges && Object.hasOwn(edges, id) ? edges[id] : undefined;
}
