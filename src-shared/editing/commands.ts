import { BatonError } from '../contract/errors';
import {
  MAX_NAME_LENGTH,
  type Connection,
  type Element,
  type Shape,
  type WorkflowDocument,
} from '../model/document';
import { paletteByKind } from '../model/elementTypes';
import { canConnect } from '../rules/canConnect';

/** Every change to a document, as data. Ids follow `noun.verb`. */
export type Command =
  | { readonly type: 'elements.add'; readonly element: Element; readonly shape: Shape }
  | {
      readonly type: 'nodes.move';
      readonly moves: readonly { readonly id: string; readonly x: number; readonly y: number }[];
    }
  | { readonly type: 'connections.create'; readonly connection: Connection }
  | { readonly type: 'elements.delete'; readonly ids: readonly string[] }
  | { readonly type: 'elements.rename'; readonly id: string; readonly name: string };

/** The words a person sees for a command in the undo menu. */
export function describeCommand(command: Command): string {
  switch (command.type) {
    case 'elements.add':
      return `Add ${command.element.name}`;
    case 'nodes.move':
      return command.moves.length === 1 ? 'Move element' : `Move ${command.moves.length} elements`;
    case 'connections.create':
      return 'Connect';
    case 'elements.delete':
      return command.ids.length === 1 ? 'Delete' : `Delete ${command.ids.length} items`;
    case 'elements.rename':
      return 'Rename element';
  }
}

/**
 * Applies a command to a document and returns the new document; the input is never modified.
 * Throws a `BatonError('conflict')` when the command does not fit the document.
 */
export function applyCommand(doc: WorkflowDocument, command: Command): WorkflowDocument {
  switch (command.type) {
    case 'elements.add':
      return addElement(doc, command.element, command.shape);
    case 'nodes.move':
      return moveNodes(doc, command.moves);
    case 'connections.create':
      return createConnection(doc, command.connection);
    case 'elements.delete':
      return deleteItems(doc, new Set(command.ids));
    case 'elements.rename':
      return renameElement(doc, command.id, command.name);
  }
}

function hasId(doc: WorkflowDocument, id: string): boolean {
  return (
    doc.model.elements.some((element) => element.id === id) ||
    doc.model.connections.some((connection) => connection.id === id)
  );
}

function addElement(doc: WorkflowDocument, element: Element, shape: Shape): WorkflowDocument {
  if (hasId(doc, element.id)) throw new BatonError('conflict', `id "${element.id}" is taken`);
  if (!paletteByKind[doc.kind].includes(element.type)) {
    throw new BatonError('conflict', `a ${doc.kind} cannot contain a ${element.type}`);
  }
  return {
    ...doc,
    model: { ...doc.model, elements: [...doc.model.elements, element] },
    diagram: { shapes: { ...doc.diagram.shapes, [element.id]: shape } },
  };
}

function moveNodes(
  doc: WorkflowDocument,
  moves: Extract<Command, { type: 'nodes.move' }>['moves'],
) {
  const shapes = new Map(Object.entries(doc.diagram.shapes));
  let changed = false;
  for (const move of moves) {
    const shape = shapes.get(move.id);
    if (!shape) throw new BatonError('conflict', `no shape for "${move.id}"`);
    if (!Number.isFinite(move.x) || !Number.isFinite(move.y)) {
      throw new BatonError(
        'conflict',
        `"${move.id}" cannot move to a position that is not a number`,
      );
    }
    if (shape.x === move.x && shape.y === move.y) continue;
    shapes.set(move.id, { x: move.x, y: move.y });
    changed = true;
  }
  return changed ? { ...doc, diagram: { shapes: Object.fromEntries(shapes) } } : doc;
}

function createConnection(doc: WorkflowDocument, connection: Connection): WorkflowDocument {
  if (hasId(doc, connection.id)) throw new BatonError('conflict', `id "${connection.id}" is taken`);
  const verdict = canConnect(doc, connection.source, connection.target);
  if (!verdict.allowed) throw new BatonError('conflict', verdict.reason);
  return { ...doc, model: { ...doc.model, connections: [...doc.model.connections, connection] } };
}

function deleteItems(doc: WorkflowDocument, ids: ReadonlySet<string>): WorkflowDocument {
  if (![...ids].some((id) => hasId(doc, id))) return doc;
  const elements = doc.model.elements.filter((element) => !ids.has(element.id));
  const connections = doc.model.connections.filter(
    (connection) =>
      !ids.has(connection.id) && !ids.has(connection.source) && !ids.has(connection.target),
  );
  const shapes = Object.fromEntries(
    Object.entries(doc.diagram.shapes).filter(([id]) => !ids.has(id)),
  );
  return { ...doc, model: { elements, connections }, diagram: { shapes } };
}

function renameElement(doc: WorkflowDocument, id: string, name: string): WorkflowDocument {
  const element = doc.model.elements.find((candidate) => candidate.id === id);
  if (!element) throw new BatonError('conflict', `no element "${id}"`);
  if (name.length > MAX_NAME_LENGTH) {
    throw new BatonError('conflict', `a name is at most ${MAX_NAME_LENGTH} characters`);
  }
  if (element.name === name) return doc;
  const elements = doc.model.elements.map((element) =>
    element.id === id ? { ...element, name } : element,
  );
  return { ...doc, model: { ...doc.model, elements } };
}
