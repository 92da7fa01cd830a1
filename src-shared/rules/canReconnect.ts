import type { WorkflowDocument } from '../model/document';
import { canConnect, type ConnectVerdict } from './canConnect';

/**
 * May connection `connectionId` be moved to run from `sourceId` to `targetId`? The rules of a new
 * connection, with this one set aside (it does not stand in its own way). Keeping both ends is
 * allowed: nothing changes.
 */
export function canReconnect(
  doc: WorkflowDocument,
  connectionId: string,
  sourceId: string,
  targetId: string,
): ConnectVerdict {
  const current = doc.model.connections.find((connection) => connection.id === connectionId);
  if (!current) return { allowed: false, reason: `no connection "${connectionId}"` };
  if (current.source === sourceId && current.target === targetId) return { allowed: true };
  const without = {
    ...doc,
    model: {
      ...doc.model,
      connections: doc.model.connections.filter((connection) => connection !== current),
    },
  };
  return canConnect(without, sourceId, targetId);
}
