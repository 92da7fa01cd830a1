import type { Connection, WorkflowDocument } from '../../src-shared/model/document';

/** The name of an element, for people (its id when it has none). */
export function elementName(doc: WorkflowDocument, id: string): string {
  const element = doc.model.elements.find((candidate) => candidate.id === id);
  return element?.name || id;
}

/** A connection as a person picks it from a list: its name and where it goes. */
export function describeConnection(doc: WorkflowDocument, connection: Connection): string {
  const target = `to ${elementName(doc, connection.target)}`;
  return connection.name ? `${connection.name} (${target})` : target;
}
