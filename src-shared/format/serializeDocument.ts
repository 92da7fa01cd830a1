import { WorkflowDocument } from '../model/document';
import { orderKeys } from './orderKeys';

/**
 * The text of a document as Baton saves it: keys in the schema's order, the diagram's records
 * (`shapes`, `edges`) in the order of the elements and connections they belong to, two-space
 * indentation and a final newline. The same document always gives the same text, whatever order
 * its properties were set in, so version-control diffs show only what changed; and
 * `serializeDocument(loadDocument(text).document)` gives `text` back for any text it wrote.
 */
export function serializeDocument(doc: WorkflowDocument): string {
  const modelOrder = new Set<string>();
  for (const element of doc.model.elements) modelOrder.add(element.id);
  for (const connection of doc.model.connections) modelOrder.add(connection.id);
  const byModelOrder = (keys: readonly string[]) => {
    const present = new Set(keys);
    const known = [...modelOrder].filter((id) => present.has(id));
    const unknown = keys.filter((key) => !modelOrder.has(key)).sort();
    return [...known, ...unknown];
  };
  return `${JSON.stringify(orderKeys(WorkflowDocument, doc, byModelOrder), null, 2)}\n`;
}
