import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../src-shared/editing/commands';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { documentOf } from '../../test/shared/documents';
import type { ConnectionEdgeData } from './edgeRoute';
import { toEdges } from './toFlow';

/** Two tasks side by side (160 × 64, at x 0 and 200), their connection routed below them. */
function routedPair(): WorkflowDocument {
  const doc = documentOf(
    'flow',
    [
      ['a', 'serviceTask'],
      ['b', 'serviceTask'],
    ],
    [['ab', 'a', 'b']],
  );
  return {
    ...doc,
    diagram: {
      ...doc.diagram,
      edges: {
        ab: {
          waypoints: [
            { x: 180, y: 32 },
            { x: 180, y: 120 },
          ],
        },
      },
    },
  };
}

const dataOf = (doc: WorkflowDocument, previous = toEdges(doc, [])) =>
  toEdges(doc, previous)[0]?.data as ConnectionEdgeData | undefined;

describe('toEdges: routes', () => {
  it('gives a routed connection its bends and where React Flow draws its ends', () => {
    const data = dataOf(routedPair());
    expect(data?.waypoints).toEqual([
      { x: 180, y: 32 },
      { x: 180, y: 120 },
    ]);
    // A task's 1.5 px border is laid out 1 px wide; its handles (10 px) straddle its inner edge.
    expect(data?.ends).toEqual({ start: { x: 164, y: 32 }, end: { x: 196, y: 32 } });
  });

  it('gives a connection without a route no data', () => {
    const doc = routedPair();
    expect(dataOf({ ...doc, diagram: { shapes: doc.diagram.shapes } })).toBeUndefined();
  });

  it('keeps the same edge while nothing about it changed, and makes a new one when an end moved', () => {
    const doc = routedPair();
    const first = toEdges(doc, []);
    const renamed = applyCommand(doc, { type: 'elements.rename', id: 'a', name: 'A' });
    expect(toEdges(renamed, first)[0]).toBe(first[0]);

    const moved = applyCommand(doc, { type: 'nodes.move', moves: [{ id: 'b', x: 200, y: 40 }] });
    const after = toEdges(moved, first)[0]?.data as ConnectionEdgeData;
    expect(after.ends?.end).toEqual({ x: 196, y: 72 });
    expect(after.waypoints).toEqual([
      { x: 180, y: 32 },
      { x: 180, y: 72 },
    ]);
  });
});
