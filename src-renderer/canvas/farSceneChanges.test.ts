import type { Edge, InternalNode } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { changedAreas, type SceneSource } from './farSceneChanges';
import type { ElementFlowNode } from './toFlow';

const internal = (id: string, x: number, y: number): InternalNode<ElementFlowNode> =>
  ({
    id,
    measured: { width: 100, height: 60 },
    internals: { positionAbsolute: { x, y } },
  }) as InternalNode<ElementFlowNode>;
const edge = (id: string, source: string, target: string): Edge => ({ id, source, target });

const a = internal('a', 0, 0);
const b = internal('b', 200, 0);
const c = internal('c', 1000, 1000);
const ab = edge('ab', 'a', 'b');
const source = (nodes: InternalNode<ElementFlowNode>[], between: Edge[]): SceneSource => ({
  nodes: new Map(nodes.map((node) => [node.id, node])),
  between,
});

describe('changedAreas', () => {
  it('is empty when nothing painted changed', () => {
    expect(changedAreas(source([a, b, c], [ab]), source([a, b, c], [ab]))).toEqual([]);
  });

  it('marks an element that leaves the picture and its connection, not the others', () => {
    // Given a, b and c painted with a connection from a to b
    const before = source([a, b, c], [ab]);
    // When b is mounted under the pointer (no longer painted), taking the connection with it
    const areas = changedAreas(before, source([a, c], []));
    // Then b's box and the connection's route are painted again, and c's is not
    expect(areas).toEqual([
      { x: 200, y: 0, width: 100, height: 60 },
      { x: -20, y: -20, width: 340, height: 100 },
    ]);
  });

  it('marks where a moved element was and is, and its connection both ways', () => {
    const moved = internal('b', 400, 300);
    const areas = changedAreas(source([a, b], [ab]), source([a, moved], [ab]));
    expect(areas).toContainEqual({ x: 200, y: 0, width: 100, height: 60 });
    expect(areas).toContainEqual({ x: 400, y: 300, width: 100, height: 60 });
    expect(areas).toContainEqual({ x: -20, y: -20, width: 340, height: 100 });
    expect(areas).toContainEqual({ x: -20, y: -20, width: 540, height: 400 });
  });

  it('asks for the whole picture when too much changed', () => {
    const many = Array.from({ length: 100 }, (_, index) => internal(`n${index}`, index * 10, 0));
    expect(changedAreas(source(many, []), source([], []))).toBeNull();
  });
});
