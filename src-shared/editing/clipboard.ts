import type { Point } from '../diagram/geometry';
import type { Connection, Element, Shape, WorkflowDocument } from '../model/document';
import { paletteByKind } from '../model/elementTypes';
import { nextElementId } from '../model/ids';
import type { Command } from './commands';
import { waypointsOf } from './routes';

/** What a copy holds: elements, the connections between them, their shapes, and where from. */
export interface Clip {
  readonly kind: WorkflowDocument['kind'];
  readonly elements: readonly Element[];
  readonly connections: readonly Connection[];
  readonly shapes: Readonly<Record<string, Shape>>;
  /** The bend points of the copied connections that have any, by connection id. */
  readonly routes?: Readonly<Record<string, readonly Point[]>>;
}

/**
 * Copies the selected elements with the connections that run between two of them (a connection
 * selected on its own comes with both its ends only if they are selected too).
 */
export function copySelection(doc: WorkflowDocument, selection: readonly string[]): Clip | null {
  const picked = new Set(selection);
  const elements = doc.model.elements.filter((element) => picked.has(element.id));
  if (elements.length === 0) return null;
  const ids = new Set(elements.map((element) => element.id));
  const connections = doc.model.connections.filter(
    (connection) => ids.has(connection.source) && ids.has(connection.target),
  );
  const shapes: Record<string, Shape> = {};
  for (const element of elements) {
    const shape = doc.diagram.shapes[element.id];
    if (shape) shapes[element.id] = shape;
  }
  const routes: Record<string, readonly Point[]> = {};
  for (const connection of connections) {
    const waypoints = waypointsOf(doc, connection.id);
    if (waypoints.length > 0) routes[connection.id] = waypoints;
  }
  return { kind: doc.kind, elements, connections, shapes, routes };
}

export interface PastePlan {
  readonly command: Command | null;
  /** The ids the pasted elements got, by their ids in the clip. */
  readonly renamed: ReadonlyMap<string, string>;
  /** Elements this kind of document cannot hold (a service task into a map), left out. */
  readonly refused: readonly Element[];
}

/**
 * Turns a clip into one `items.paste` command for `doc`: fresh ids where the clip's are taken,
 * shapes moved by `offset`, references between pasted elements (parents, boundary attachments,
 * gateway defaults, reaction emits) following the new ids, and connections' bend points moved with
 * the shapes. Elements the document's kind cannot hold are left out, with what depended on them.
 */
export function planPaste(
  doc: WorkflowDocument,
  clip: Clip,
  offset: { readonly x: number; readonly y: number } = { x: 40, y: 40 },
): PastePlan {
  const allowed = new Set(paletteByKind[doc.kind]);
  const refused = clip.elements.filter((element) => !allowed.has(element.type));
  const kept = clip.elements.filter((element) => allowed.has(element.type));
  const taken = new Set([
    ...doc.model.elements.map((element) => element.id),
    ...doc.model.connections.map((connection) => connection.id),
  ]);
  const renamed = new Map<string, string>();
  const fresh = (id: string) => {
    const next = taken.has(id) ? nextElementId(id.replace(/_\d+$/, ''), taken) : id;
    taken.add(next);
    return next;
  };
  for (const element of kept) renamed.set(element.id, fresh(element.id));
  // Boundary events without their task, and elements whose sub-process stays behind, lose the link.
  const elements: Element[] = [];
  for (const element of kept) {
    const id = renamed.get(element.id) as string;
    if (element.type === 'boundaryEvent') {
      const host = renamed.get(element.attachedTo);
      if (!host) continue;
      elements.push({ ...element, id, attachedTo: host });
      continue;
    }
    const moved: Element = { ...element, id };
    if (element.parent !== undefined) {
      const parent = renamed.get(element.parent);
      if (parent) moved.parent = parent;
      else delete moved.parent;
    }
    if (moved.type === 'exclusiveGateway' && moved.default !== undefined) delete moved.default;
    elements.push(moved);
  }
  const present = new Set(elements.map((element) => element.id));
  const connections: Connection[] = [];
  const connectionIds = new Map<string, string>();
  const routes: Record<string, readonly Point[]> = {};
  for (const connection of clip.connections) {
    const source = renamed.get(connection.source);
    const target = renamed.get(connection.target);
    if (!source || !target || !present.has(source) || !present.has(target)) continue;
    const id = fresh(connection.id);
    connectionIds.set(connection.id, id);
    const waypoints = clip.routes?.[connection.id];
    if (waypoints?.length) {
      routes[id] = waypoints.map((point) => ({ x: point.x + offset.x, y: point.y + offset.y }));
    }
    connections.push({ ...connection, id, source, target, ...rewireReaction(connection, renamed) });
  }
  // A gateway's default path is kept when its connection came along.
  for (const [index, element] of elements.entries()) {
    const original = kept.find((candidate) => renamed.get(candidate.id) === element.id);
    if (
      original?.type === 'exclusiveGateway' &&
      original.default &&
      element.type === 'exclusiveGateway'
    ) {
      const path = connectionIds.get(original.default);
      if (path) elements[index] = { ...element, default: path };
    }
  }
  const shapes: Record<string, Shape> = {};
  for (const element of elements) {
    const original = [...renamed].find(([, to]) => to === element.id)?.[0] ?? element.id;
    const shape = clip.shapes[original] ?? { x: 0, y: 0 };
    shapes[element.id] = { x: shape.x + offset.x, y: shape.y + offset.y };
  }
  return {
    command:
      elements.length > 0
        ? {
            type: 'items.paste',
            elements,
            connections,
            shapes,
            ...(Object.keys(routes).length > 0 ? { routes } : {}),
          }
        : null,
    renamed,
    refused,
  };
}

function rewireReaction(connection: Connection, renamed: ReadonlyMap<string, string>) {
  const reaction = connection.reaction;
  if (!reaction) return {};
  const keep = (ids: readonly string[]) =>
    ids.map((id) => renamed.get(id)).filter((id): id is string => id !== undefined);
  return {
    reaction: {
      ...reaction,
      emitsOnSuccess: keep(reaction.emitsOnSuccess),
      emitsOnFailure: keep(reaction.emitsOnFailure),
    },
  };
}
