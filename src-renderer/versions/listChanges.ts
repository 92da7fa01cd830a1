import type { ItemDiff } from '../../src-shared/diagram/diffDocuments';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { elementTypeInfo } from '../../src-shared/model/elementTypes';
import type { Comparison } from './comparison';

export type ChangeStatus = 'removed' | 'added' | 'changed' | 'moved';

/** One line of the comparison's list: an element or connection and what happened to it. */
export interface ChangeRow {
  readonly id: string;
  readonly status: ChangeStatus;
  /** Its name for people: an element's name, a connection's "from → to". */
  readonly name: string;
  /** "Service task", "Connection". */
  readonly kind: string;
  /** What changed, one line per property (changed items only). */
  readonly details: readonly string[];
  /** Whether it is in the current document (so the canvas can select it). */
  readonly inDocument: boolean;
}

const order: readonly ChangeStatus[] = ['removed', 'added', 'changed', 'moved'];

/**
 * The comparison as a list for people: removed items first, then added, changed and moved ones;
 * elements before connections, each in document order.
 */
export function listChanges(comparison: Comparison, current: WorkflowDocument): ChangeRow[] {
  const { base, diff } = comparison;
  const docFor = (status: ChangeStatus) => (status === 'removed' ? base : current);
  const rowsOf = (items: ItemDiff, describe: (id: string, doc: WorkflowDocument) => Named) =>
    order.flatMap((status) =>
      items[status].map((id): ChangeRow => {
        const { name, kind } = describe(id, docFor(status));
        return {
          id,
          status,
          name,
          kind,
          details: diff.details[id] ?? [],
          inDocument: status !== 'removed',
        };
      }),
    );
  const rows = [
    ...rowsOf(diff.elements, describeElement),
    ...rowsOf(diff.connections, (id, doc) => describeConnection(id, doc, base, current)),
  ];
  return order.flatMap((status) => rows.filter((row) => row.status === status));
}

interface Named {
  readonly name: string;
  readonly kind: string;
}

function describeElement(id: string, doc: WorkflowDocument): Named {
  const element = doc.model.elements.find((candidate) => candidate.id === id);
  if (!element) return { name: id, kind: 'Element' };
  return { name: element.name || id, kind: elementTypeInfo[element.type].label };
}

/** "Create order → Reserve inventory": each end named from whichever document still has it. */
function describeConnection(
  id: string,
  doc: WorkflowDocument,
  base: WorkflowDocument,
  current: WorkflowDocument,
): Named {
  const connection = doc.model.connections.find((candidate) => candidate.id === id);
  if (!connection) return { name: id, kind: 'Connection' };
  const endName = (end: string) => {
    const element =
      doc.model.elements.find((candidate) => candidate.id === end) ??
      current.model.elements.find((candidate) => candidate.id === end) ??
      base.model.elements.find((candidate) => candidate.id === end);
    return element?.name || end;
  };
  const route = `${endName(connection.source)} → ${endName(connection.target)}`;
  return { name: connection.name ? `${connection.name} (${route})` : route, kind: 'Connection' };
}
