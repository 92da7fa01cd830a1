import type { WorkflowDocument } from '../../src-shared/model/document';

/**
 * The names a person knows the document's elements and connections by, by id: an element's
 * name, a connection's name or else where it goes ("Order received → Delayed?"). Ids stand in for
 * empty names.
 */
export function nameSubjects(model: WorkflowDocument['model']): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const element of model.elements) names.set(element.id, element.name.trim() || element.id);
  for (const connection of model.connections) {
    const own = connection.name?.trim();
    const end = (id: string) => names.get(id) ?? id;
    names.set(connection.id, own || `${end(connection.source)} → ${end(connection.target)}`);
  }
  return names;
}
