import type { WorkflowDocument } from '../model/document';
import { elementTypeInfo } from '../model/elementTypes';

/** Why a connection is refused, or `null` when it is allowed. */
export type ConnectVerdict =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const refuse = (reason: string): ConnectVerdict => ({ allowed: false, reason });
const allow: ConnectVerdict = { allowed: true };

/**
 * May a connection run from `sourceId` to `targetId`? Used by the canvas for hover feedback and
 * by the editing commands before they change the document.
 */
export function canConnect(
  doc: WorkflowDocument,
  sourceId: string,
  targetId: string,
): ConnectVerdict {
  if (sourceId === targetId) return refuse('an element cannot connect to itself');
  const byId = elementIndex(doc.model.elements);
  const source = byId.get(sourceId);
  const target = byId.get(targetId);
  if (!source || !target) return refuse('both ends must be elements of this document');
  if (!elementTypeInfo[source.type].accepts.outgoing) {
    return refuse(`a ${elementTypeInfo[source.type].label.toLowerCase()} has no outgoing paths`);
  }
  if (!elementTypeInfo[target.type].accepts.incoming) {
    return refuse(`a ${elementTypeInfo[target.type].label.toLowerCase()} has no incoming paths`);
  }
  if (doc.kind === 'map' && source.type === target.type) {
    return refuse('in a map, services publish events and events reach services');
  }
  if (connectedPairs(doc.model.connections).get(sourceId)?.has(targetId)) {
    return refuse('these elements are already connected');
  }
  return allow;
}

type Elements = WorkflowDocument['model']['elements'];
type Connections = WorkflowDocument['model']['connections'];

// Indexes made once per (immutable) list: the canvas asks about every element of a large diagram
// when a connection starts, and about the one under the pointer on every move while it is drawn.
const elementIndexes = new WeakMap<Elements, ReadonlyMap<string, Elements[number]>>();
const pairIndexes = new WeakMap<Connections, ReadonlyMap<string, ReadonlySet<string>>>();

function elementIndex(elements: Elements): ReadonlyMap<string, Elements[number]> {
  let index = elementIndexes.get(elements);
  if (!index) {
    index = new Map(elements.map((element) => [element.id, element]));
    elementIndexes.set(elements, index);
  }
  return index;
}

/** For each source, the targets it is already connected to. */
function connectedPairs(connections: Connections): ReadonlyMap<string, ReadonlySet<string>> {
  let index = pairIndexes.get(connections);
  if (!index) {
    const pairs = new Map<string, Set<string>>();
    for (const { source, target } of connections) {
      let targets = pairs.get(source);
      if (!targets) pairs.set(source, (targets = new Set()));
      targets.add(target);
    }
    index = pairs;
    pairIndexes.set(connections, index);
  }
  return index;
}
