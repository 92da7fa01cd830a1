import { elementSize } from '../../diagram/elementSize';
import type { Shape } from '../../model/document';
import type { Element } from '../../model/elements';

/** A point of a BPMN edge. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * The route BPMN is given for a connection Baton draws without waypoints: a straight line from
 * the middle of the source's right side to the middle of the target's left side (the way flows
 * read), or between the centres when the target is not to the right.
 */
export function straightRoute(
  connection: { readonly source: string; readonly target: string },
  elements: ReadonlyMap<string, Element>,
  shapes: Readonly<Record<string, Shape>>,
): Point[] {
  const box = (id: string) => {
    const element = elements.get(id);
    const shape = shapes[id] ?? { x: 0, y: 0 };
    const size = element ? elementSize(element.type, shape) : { width: 0, height: 0 };
    return { x: shape.x, y: shape.y, ...size };
  };
  const from = box(connection.source);
  const to = box(connection.target);
  const fromY = from.y + from.height / 2;
  const toY = to.y + to.height / 2;
  if (to.x >= from.x + from.width) {
    return [
      { x: from.x + from.width, y: fromY },
      { x: to.x, y: toY },
    ];
  }
  return [
    { x: from.x + from.width / 2, y: fromY },
    { x: to.x + to.width / 2, y: toY },
  ];
}
