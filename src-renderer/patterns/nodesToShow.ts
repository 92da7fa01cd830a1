import type { WorkflowDocument } from '../../src-shared/model/document';

/**
 * The nodes to bring into view for these element and connection ids: the elements themselves, or
 * the ends of the connections when only connections are asked for (a connection's ends may lie
 * far apart, so they widen the view only when there is nothing else to show).
 */
export function nodesToShow(doc: WorkflowDocument, ids: readonly string[]): { id: string }[] {
  const wanted = new Set(ids);
  const elements = doc.model.elements.filter((element) => wanted.has(element.id));
  if (elements.length > 0) return elements.map((element) => ({ id: element.id }));
  const ends = new Set<string>();
  for (const connection of doc.model.connections) {
    if (!wanted.has(connection.id)) continue;
    ends.add(connection.source);
    ends.add(connection.target);
  }
  return [...ends].map((id) => ({ id }));
}
