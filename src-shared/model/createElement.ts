import type { ElementType } from './elementTypes';
import type { Element } from './elements';

/**
 * A new element of `type` with the properties a user would start from. Properties that must
 * point somewhere (a boundary's task, a call's flow) start empty and are reported by validation
 * until filled in.
 */
export function createElement(type: ElementType, id: string, name: string): Element {
  const common = { id, name };
  switch (type) {
    case 'timerEvent':
      return { type, ...common, timer: { durationMs: 60_000 } };
    case 'messageCatch':
    case 'messageThrow':
      return { type, ...common, eventType: 'Event' };
    case 'boundaryEvent':
      return { type, ...common, attachedTo: id, trigger: 'error' };
    case 'callActivity':
      return { type, ...common, flowId: '', version: 'latest' };
    case 'annotation':
      return { type, ...common, text: '' };
    default:
      return { type, ...common };
  }
}
