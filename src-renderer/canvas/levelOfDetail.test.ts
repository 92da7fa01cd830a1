import type { Edge } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { edgesForReactFlow, nodesForReactFlow, sameIds } from './levelOfDetail';
import type { ElementFlowNode } from './toFlow';

const node = (id: string, selected = false): ElementFlowNode => ({
  id,
  type: 'element',
  position: { x: 0, y: 0 },
  data: { element: { id, type: 'serviceTask', name: id } },
  selected,
});
const edge = (id: string, source: string, target: string): Edge => ({ id, source, target });

describe('nodesForReactFlow', () => {
  it('hides every node but the live ones', () => {
    // Given three nodes of which one is selected
    const nodes = [node('a'), node('b', true), node('c')];
    // When they are given to React Flow with the selected ones live
    const { nodes: shown, hidden } = nodesForReactFlow(nodes, (each) => each.selected === true);
    // Then the others are hidden and the live one is the node itself
    expect(shown.map((each) => each.hidden ?? false)).toEqual([true, false, true]);
    expect(shown[1]).toBe(nodes[1]);
    expect([...hidden]).toEqual(['a', 'c']);
  });

  it('leaves out of the painting what a collapsed sub-process hides', () => {
    const inside: ElementFlowNode = { ...node('inside'), hidden: true };
    const { nodes: shown, hidden } = nodesForReactFlow([node('a'), inside], () => false);
    expect(shown[1]).toBe(inside);
    expect([...hidden]).toEqual(['a']);
  });

  it('gives the same hidden node for the same node, so React Flow does not adopt it again', () => {
    const nodes = [node('a')];
    const first = nodesForReactFlow(nodes, () => false).nodes[0];
    const second = nodesForReactFlow(nodes, () => false).nodes[0];
    expect(second).toBe(first);
    expect(nodes[0]?.hidden).toBeUndefined();
  });
});

describe('edgesForReactFlow', () => {
  it('keeps only the connections between two nodes React Flow draws', () => {
    const edges = [edge('ab', 'a', 'b'), edge('bc', 'b', 'c'), edge('cd', 'c', 'd')];
    const kept = edgesForReactFlow(edges, new Set(['a', 'd']));
    expect(kept.map((each) => each.id)).toEqual(['bc']);
  });
});

describe('sameIds', () => {
  it.each([
    [['a', 'b'], ['b', 'a'], true],
    [['a'], ['a', 'b'], false],
    [['a', 'c'], ['a', 'b'], false],
    [[], [], true],
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameIds(new Set(a), new Set(b))).toBe(same);
  });
});
