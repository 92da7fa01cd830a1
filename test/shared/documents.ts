import type { Connection, Element, WorkflowDocument } from '../../src-shared/model/document';
import { FORMAT_VERSION } from '../../src-shared/model/document';
import { createElement } from '../../src-shared/model/createElement';
import type { ElementType, WorkflowKind } from '../../src-shared/model/elementTypes';

/** `[id, type]` or `[id, type, name]` of one element of a test document. */
export type ElementSpec = readonly [id: string, type: ElementType, name?: string];
/** `[id, source, target]` of one connection of a test document. */
export type ConnectionSpec = readonly [id: string, source: string, target: string];

/**
 * A valid document built from short specs; each element gets a shape on a row, 200 units apart,
 * so tests can tell shapes apart.
 */
export function documentOf(
  kind: WorkflowKind,
  elements: readonly ElementSpec[],
  connections: readonly ConnectionSpec[] = [],
): WorkflowDocument {
  const modelElements: Element[] = elements.map(([id, type, name]) =>
    createElement(type, id, name ?? id),
  );
  const modelConnections: Connection[] = connections.map(([id, source, target]) => ({
    id,
    source,
    target,
  }));
  return {
    formatVersion: FORMAT_VERSION,
    kind,
    model: { elements: modelElements, connections: modelConnections },
    diagram: {
      shapes: Object.fromEntries(elements.map(([id], index) => [id, { x: index * 200, y: 0 }])),
    },
  };
}

/** A small flow: start → task → end, with `gateway` unconnected. */
export function sampleFlow(): WorkflowDocument {
  return documentOf(
    'flow',
    [
      ['start', 'startEvent', 'Start'],
      ['task', 'serviceTask', 'Charge card'],
      ['gateway', 'exclusiveGateway', 'Paid?'],
      ['end', 'endEvent', 'End'],
    ],
    [
      ['flow_1', 'start', 'task'],
      ['flow_2', 'task', 'end'],
    ],
  );
}

/**
 * Freezes a value and everything reachable from it, so that any mutation by the code under test
 * throws in strict mode instead of passing unnoticed.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) {
      deepFreeze((value as Record<PropertyKey, unknown>)[key]);
    }
  }
  return value;
}
