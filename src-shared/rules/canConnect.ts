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
  const source = doc.model.elements.find((element) => element.id === sourceId);
  const target = doc.model.elements.find((element) => element.id === targetId);
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
  const duplicate = doc.model.connections.some(
    (connection) => connection.source === sourceId && connection.target === targetId,
  );
  if (duplicate) return refuse('these elements are already connected');
  return allow;
}
