import type { NodeChange } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { containerFlow } from '../../test/shared/containerFlow';
import { dragEndCommand, previewDrag } from './dragPreview';
import { toNodes, type ElementFlowNode } from './toFlow';

const dragging = (id: string, x: number, y: number): NodeChange<ElementFlowNode> => ({
  type: 'position',
  id,
  position: { x, y },
  dragging: true,
});

const positionOf = (nodes: readonly ElementFlowNode[], id: string) =>
  nodes.find((node) => node.id === id)?.position;

describe('previewDrag', () => {
  it('given a sub-process dragged, then its contents and their boundary events move along in the preview', () => {
    const doc = containerFlow();
    const nodes = toNodes(doc, []).map((node) =>
      node.id === 'sub' ? { ...node, position: { x: 140, y: 50 } } : node,
    );
    const shown = previewDrag(doc, nodes, [dragging('sub', 140, 50)]);
    expect(positionOf(shown, 'inner')).toEqual({ x: 190, y: 100 });
    expect(positionOf(shown, 'boundary')).toEqual({ x: 252, y: 146 });
    expect(positionOf(shown, 'task')).toEqual({ x: 600, y: 100 });
  });

  it('given a task dragged over the sub-process, then the sub-process is marked as where it would drop, until the drag ends', () => {
    const doc = containerFlow();
    const shown = previewDrag(doc, toNodes(doc, []), [dragging('outside', 260, 170)]);
    expect(shown.filter((node) => node.className).map((node) => node.id)).toEqual(['sub']);
    const ended = previewDrag(doc, shown, [
      { type: 'position', id: 'outside', position: { x: 260, y: 170 }, dragging: false },
    ]);
    expect(ended.filter((node) => node.className)).toEqual([]);
  });

  it('given a boundary event dragged over another task, then that task is marked', () => {
    const doc = containerFlow();
    const shown = previewDrag(doc, toNodes(doc, []), [dragging('boundary', 682, 72)]);
    expect(shown.filter((node) => node.className).map((node) => node.id)).toEqual(['task']);
  });

  it('given a task with nothing on it dragged, then the nodes are kept as React Flow moved them', () => {
    const doc = containerFlow();
    const nodes = toNodes(doc, []);
    expect(previewDrag(doc, nodes, [dragging('outside', 1640, 1720)])).toBe(nodes);
  });

  it('given changes that are not a drag, then the nodes are kept', () => {
    const doc = containerFlow();
    const nodes = toNodes(doc, []);
    expect(previewDrag(doc, nodes, [{ type: 'select', id: 'task', selected: true }])).toBe(nodes);
  });
});

describe('dragEndCommand', () => {
  it('given a task dropped into the sub-process, then one nodes.move carries its new parent', () => {
    const doc = containerFlow();
    const dropped = toNodes(doc, [])
      .filter((node) => node.id === 'outside')
      .map((node) => ({ ...node, position: { x: 260.4, y: 169.6 } }));
    expect(dragEndCommand(doc, dropped)).toEqual({
      type: 'nodes.move',
      moves: [{ id: 'outside', x: 260, y: 170 }],
      memberships: [{ id: 'outside', parent: 'sub', lane: 'lane' }],
    });
  });

  it('given a drag that ends where it started, then there is no command', () => {
    const doc = containerFlow();
    expect(dragEndCommand(doc, toNodes(doc, []).slice(0, 1))).toBeNull();
  });
});
