import type { WorkflowDocument } from '../model/document';
import { elementTypeInfo, type ElementType } from '../model/elementTypes';
import { nextElementId } from '../model/ids';
import { createElement } from '../model/createElement';
import type { Command } from './commands';

function takenIds(doc: WorkflowDocument): Set<string> {
  return new Set([
    ...doc.model.elements.map((element) => element.id),
    ...doc.model.connections.map((connection) => connection.id),
  ]);
}

/** The command that adds a new element of `type` centred on `centre` (diagram coordinates). */
export function addElementCommand(
  doc: WorkflowDocument,
  type: ElementType,
  centre: { x: number; y: number },
): Command {
  const info = elementTypeInfo[type];
  return {
    type: 'elements.add',
    element: createElement(type, nextElementId(info.idPrefix, takenIds(doc)), info.defaultName),
    shape: {
      x: Math.round(centre.x - info.size.width / 2),
      y: Math.round(centre.y - info.size.height / 2),
    },
  };
}

/**
 * The command that connects two elements, with a fresh readable id. In a map, an edge from an
 * event to a service is a subscription, so it starts with an empty reaction for the user to fill
 * in (idempotent, as an at-least-once broker wants).
 */
export function connectCommand(doc: WorkflowDocument, source: string, target: string): Command {
  const prefix = doc.kind === 'flow' ? 'flow' : 'link';
  const id = nextElementId(prefix, takenIds(doc));
  const types = new Map(doc.model.elements.map((element) => [element.id, element.type]));
  const subscribes = types.get(source) === 'eventType' && types.get(target) === 'service';
  const reaction = { operations: [], emitsOnSuccess: [], emitsOnFailure: [], idempotent: true };
  return {
    type: 'connections.create',
    connection: subscribes ? { id, source, target, reaction } : { id, source, target },
  };
}
