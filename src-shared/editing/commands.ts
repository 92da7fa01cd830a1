import { BatonError } from '../contract/errors';
import {
  MAX_NAME_LENGTH,
  type Connection,
  type Element,
  type Shape,
  WorkflowDocument,
} from '../model/document';
import { Connection as ConnectionSchema, Element as ElementSchema } from '../model/elements';
import { paletteByKind } from '../model/elementTypes';
import { canConnect } from '../rules/canConnect';
import {
  applyMemberships,
  collapseSubProcess,
  leaveDeletedLanes,
  resizeNode,
  withDeletedDependents,
  type MembershipChange,
} from './containerCommands';
import { routesAfterMove, withoutStrayRoutes, setRoutes, type RouteChanges } from './routes';

export type { MembershipChange } from './containerCommands';

/** Every change to a document, as data. Ids follow `noun.verb`. */
export type Command =
  | {
      readonly type: 'elements.add';
      readonly element: Element;
      readonly shape: Shape;
      /** Other elements' new lanes, when the element added is a lane drawn over them. */
      readonly memberships?: readonly MembershipChange[];
    }
  /**
   * Moves elements; the routes of their connections follow (see `routesAfterMove`), and those in
   * `routes` are set as given (a layout's routes go with its moves, as one step).
   */
  | {
      readonly type: 'nodes.move';
      readonly moves: readonly { readonly id: string; readonly x: number; readonly y: number }[];
      /** Where the moved elements now belong (a drop into a sub-process, a lane, onto a task). */
      readonly memberships?: readonly MembershipChange[];
      /** Bend points that change with the move (a layout's routes). */
      readonly routes?: RouteChanges;
    }
  /** Sets a container's (sub-process, lane, group) box at the end of a resize. */
  | {
      readonly type: 'nodes.resize';
      readonly id: string;
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
    }
  /** Draws a sub-process collapsed (task-sized, contents hidden) or expanded again. */
  | { readonly type: 'subProcesses.collapse'; readonly id: string; readonly collapsed: boolean }
  /** Sets connections' bend points, or clears them (`null`) so that they are drawn the default way. */
  | { readonly type: 'connections.route'; readonly routes: RouteChanges }
  | { readonly type: 'connections.create'; readonly connection: Connection }
  | { readonly type: 'elements.delete'; readonly ids: readonly string[] }
  | { readonly type: 'elements.rename'; readonly id: string; readonly name: string }
  /** Replaces an element's properties (the properties panel); its id and type stay. */
  | { readonly type: 'elements.update'; readonly element: Element }
  /** Replaces a connection: its condition, outcome or reaction, or its ends (reconnecting). */
  | { readonly type: 'connections.update'; readonly connection: Connection }
  /** Adds elements, the connections between them and their shapes at once (paste, duplicate). */
  | {
      readonly type: 'items.paste';
      readonly elements: readonly Element[];
      readonly connections: readonly Connection[];
      readonly shapes: Readonly<Record<string, Shape>>;
      /** The pasted connections' bend points, by their (new) ids. */
      readonly routes?: RouteChanges;
    }
  /** Replaces the whole document with a saved version's (restoring version `version`). */
  | {
      readonly type: 'document.replace';
      readonly document: WorkflowDocument;
      readonly version: number;
    };

/** The words a person sees for a command in the undo menu. */
export function describeCommand(command: Command): string {
  switch (command.type) {
    case 'elements.add':
      return `Add ${command.element.name}`;
    case 'nodes.move':
      if (command.moves.length === 0) return 'Route connections';
      return command.moves.length === 1 ? 'Move element' : `Move ${command.moves.length} elements`;
    case 'nodes.resize':
      return 'Resize';
    case 'subProcesses.collapse':
      return command.collapsed ? 'Collapse sub-process' : 'Expand sub-process';
    case 'connections.create':
      return 'Connect';
    case 'elements.delete':
      return command.ids.length === 1 ? 'Delete' : `Delete ${command.ids.length} items`;
    case 'elements.rename':
      return 'Rename element';
    case 'elements.update':
      return `Edit ${command.element.name || command.element.id}`;
    case 'connections.update':
      return 'Edit connection';
    case 'connections.route':
      return Object.values(command.routes).every((waypoints) => !waypoints?.length)
        ? 'Reset route'
        : 'Route connection';
    case 'items.paste':
      return command.elements.length === 1 ? 'Paste' : `Paste ${command.elements.length} elements`;
    case 'document.replace':
      return `Restore version ${command.version}`;
  }
}

/**
 * Applies a command to a document and returns the new document; the input is never modified.
 * Throws a `BatonError('conflict')` when the command does not fit the document.
 */
export function applyCommand(doc: WorkflowDocument, command: Command): WorkflowDocument {
  switch (command.type) {
    case 'elements.add':
      return applyMemberships(
        addElement(doc, command.element, command.shape),
        command.memberships ?? [],
      );
    case 'nodes.move':
      return applyMemberships(
        moveNodes(doc, command.moves, command.routes),
        command.memberships ?? [],
      );
    case 'nodes.resize':
      return resizeNode(doc, command);
    case 'subProcesses.collapse':
      return collapseSubProcess(doc, command);
    case 'connections.create':
      return createConnection(doc, command.connection);
    case 'elements.delete':
      return deleteItems(doc, new Set(command.ids));
    case 'elements.rename':
      return renameElement(doc, command.id, command.name);
    case 'elements.update':
      return updateElement(doc, command.element);
    case 'connections.update':
      return updateConnection(doc, command.connection);
    case 'connections.route':
      return setRoutes(doc, command.routes);
    case 'items.paste':
      return pasteItems(doc, command);
    case 'document.replace':
      return replaceDocument(doc, command.document);
  }
}

/** The first problem the schema finds, as a person reads it. */
function schemaProblem(result: {
  success: boolean;
  error?: { issues: readonly { path: PropertyKey[]; message: string }[] };
}) {
  const issue = result.error?.issues[0];
  if (!issue) return 'it is not valid';
  return issue.path.length
    ? `${issue.path.map(String).join('.')}: ${issue.message}`
    : issue.message;
}

function updateElement(doc: WorkflowDocument, element: Element): WorkflowDocument {
  const index = doc.model.elements.findIndex((candidate) => candidate.id === element.id);
  if (index < 0) throw new BatonError('conflict', `no element "${element.id}"`);
  const current = doc.model.elements[index] as Element;
  if (current.type !== element.type) {
    throw new BatonError('conflict', `"${element.id}" is a ${current.type}, not a ${element.type}`);
  }
  const checked = ElementSchema.safeParse(element);
  if (!checked.success) {
    throw new BatonError(
      'conflict',
      `"${element.id}" cannot take these properties: ${schemaProblem(checked)}`,
    );
  }
  if (JSON.stringify(current) === JSON.stringify(checked.data)) return doc;
  const elements = doc.model.elements.map((candidate, at) =>
    at === index ? checked.data : candidate,
  );
  return { ...doc, model: { ...doc.model, elements } };
}

function updateConnection(doc: WorkflowDocument, connection: Connection): WorkflowDocument {
  const index = doc.model.connections.findIndex((candidate) => candidate.id === connection.id);
  if (index < 0) throw new BatonError('conflict', `no connection "${connection.id}"`);
  const current = doc.model.connections[index] as Connection;
  const checked = ConnectionSchema.safeParse(connection);
  if (!checked.success) {
    throw new BatonError(
      'conflict',
      `the connection cannot take these properties: ${schemaProblem(checked)}`,
    );
  }
  if (current.source !== connection.source || current.target !== connection.target) {
    // Reconnecting an end: the rules apply as to a new connection (this one set aside).
    const without = {
      ...doc,
      model: { ...doc.model, connections: doc.model.connections.filter((_, at) => at !== index) },
    };
    const verdict = canConnect(without, connection.source, connection.target);
    if (!verdict.allowed) throw new BatonError('conflict', verdict.reason);
  }
  if (JSON.stringify(current) === JSON.stringify(checked.data)) return doc;
  const connections = doc.model.connections.map((candidate, at) =>
    at === index ? checked.data : candidate,
  );
  const updated = { ...doc, model: { ...doc.model, connections } };
  // A route drawn for the old ends means nothing for the new ones.
  const reconnected = current.source !== connection.source || current.target !== connection.target;
  return reconnected ? setRoutes(updated, { [connection.id]: null }) : updated;
}

function pasteItems(
  doc: WorkflowDocument,
  { elements, connections, shapes, routes }: Extract<Command, { type: 'items.paste' }>,
): WorkflowDocument {
  let next = doc;
  for (const element of elements) {
    const shape = shapes[element.id];
    if (!shape) throw new BatonError('conflict', `no shape for pasted "${element.id}"`);
    next = addElement(next, element, shape);
  }
  for (const connection of connections) next = createConnection(next, connection);
  return routes ? setRoutes(next, routes) : next;
}

function replaceDocument(doc: WorkflowDocument, replacement: WorkflowDocument): WorkflowDocument {
  if (replacement.kind !== doc.kind) {
    throw new BatonError('conflict', `a ${doc.kind} cannot be replaced by a ${replacement.kind}`);
  }
  const checked = WorkflowDocument.safeParse(replacement);
  if (!checked.success) {
    throw new BatonError('conflict', `the document cannot be restored: ${schemaProblem(checked)}`);
  }
  // The same content leaves no history entry.
  return JSON.stringify(replacement) === JSON.stringify(doc) ? doc : replacement;
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
    diagram: { ...doc.diagram, shapes: { ...doc.diagram.shapes, [element.id]: shape } },
  };
}

function moveNodes(
  doc: WorkflowDocument,
  moves: Extract<Command, { type: 'nodes.move' }>['moves'],
  routes: RouteChanges | undefined,
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
    // A resized shape keeps its size when it moves.
    shapes.set(move.id, { ...shape, x: move.x, y: move.y });
    changed = true;
  }
  let moved = doc;
  if (changed) {
    moved = { ...doc, diagram: { ...doc.diagram, shapes: Object.fromEntries(shapes) } };
    const ids = new Set(moves.map((move) => move.id));
    moved = { ...moved, diagram: routesAfterMove(doc, moved, ids) };
  }
  return routes ? setRoutes(moved, routes) : moved;
}

function createConnection(doc: WorkflowDocument, connection: Connection): WorkflowDocument {
  if (hasId(doc, connection.id)) throw new BatonError('conflict', `id "${connection.id}" is taken`);
  const verdict = canConnect(doc, connection.source, connection.target);
  if (!verdict.allowed) throw new BatonError('conflict', verdict.reason);
  return { ...doc, model: { ...doc.model, connections: [...doc.model.connections, connection] } };
}

function deleteItems(doc: WorkflowDocument, requested: ReadonlySet<string>): WorkflowDocument {
  if (![...requested].some((id) => hasId(doc, id))) return doc;
  // Boundary events and a sub-process's contents go with it; a lane's elements leave it.
  const ids = withDeletedDependents(doc, requested);
  const elements = leaveDeletedLanes(
    doc.model.elements.filter((element) => !ids.has(element.id)),
    ids,
  );
  const connections = doc.model.connections.filter(
    (connection) =>
      !ids.has(connection.id) && !ids.has(connection.source) && !ids.has(connection.target),
  );
  const shapes = Object.fromEntries(
    Object.entries(doc.diagram.shapes).filter(([id]) => !ids.has(id)),
  );
  return withoutStrayRoutes({
    ...doc,
    model: { elements, connections },
    diagram: { ...doc.diagram, shapes },
  });
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
