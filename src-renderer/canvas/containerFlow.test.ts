import { describe, expect, it } from 'vitest';
import { containerFlow } from '../../test/shared/containerFlow';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { hideEdges } from './containerFlow';
import { toEdges, toNodes } from './toFlow';

const collapsed = (doc: WorkflowDocument): WorkflowDocument => ({
  ...doc,
  diagram: { shapes: { ...doc.diagram.shapes, sub: { x: 100, y: 50, collapsed: true } } },
});

const byId = <T extends { id: string }>(items: readonly T[], id: string) =>
  items.find((item) => item.id === id)!;

describe('containers on the canvas', () => {
  it('given a flow with containers, then lanes lie under sub-processes and groups, which lie under the rest, and boundary events on top', () => {
    const nodes = toNodes(containerFlow(), []);
    const z = (id: string) => byId(nodes, id).zIndex ?? 0;
    expect(z('lane')).toBeLessThan(z('sub'));
    expect(z('lane')).toBeLessThan(z('group'));
    expect(z('sub')).toBeLessThan(z('inner'));
    expect(z('inner')).toBeLessThan(z('boundary'));
  });

  it('given a sub-process nested in another, then the inner one is drawn over the outer one', () => {
    const doc = containerFlow();
    const nested: WorkflowDocument = {
      ...doc,
      model: {
        ...doc.model,
        elements: [
          { id: 'deep', type: 'subProcess', name: 'Deep', parent: 'sub' },
          ...doc.model.elements,
        ],
      },
      diagram: { shapes: { ...doc.diagram.shapes, deep: { x: 120, y: 60 } } },
    };
    const nodes = toNodes(nested, []);
    expect(byId(nodes, 'deep').zIndex).toBeGreaterThan(byId(nodes, 'sub').zIndex!);
  });

  it('given a collapsed sub-process, then it is task-sized and marked collapsed, and its contents and their connections are hidden', () => {
    const doc = collapsed(containerFlow());
    const nodes = toNodes(doc, toNodes(containerFlow(), []));
    expect(byId(nodes, 'sub').data).toMatchObject({
      collapsed: true,
      size: { width: 160, height: 64 },
    });
    expect(byId(nodes, 'inner').hidden).toBe(true);
    expect(byId(nodes, 'boundary').hidden).toBe(true);
    expect(byId(nodes, 'task').hidden).toBeUndefined();
    const edges = hideEdges(doc, toEdges(doc, []));
    expect(byId(edges, 'flow_1').hidden).toBe(true);
  });

  it('given a selected element hidden by a collapse, then it is no longer selected', () => {
    const selected = toNodes(containerFlow(), []).map((node) =>
      node.id === 'inner' || node.id === 'task' ? { ...node, selected: true } : node,
    );
    const nodes = toNodes(collapsed(containerFlow()), selected);
    expect(byId(nodes, 'inner').selected).toBe(false);
    expect(byId(nodes, 'task').selected).toBe(true);
  });

  it('given the sub-process expanded again, then nothing is hidden', () => {
    const hiddenBefore = toNodes(collapsed(containerFlow()), []);
    const nodes = toNodes(containerFlow(), hiddenBefore);
    expect(nodes.filter((node) => node.hidden)).toEqual([]);
    expect(byId(nodes, 'sub').data.collapsed).toBeUndefined();
    const edges = hideEdges(containerFlow(), [
      { ...toEdges(containerFlow(), [])[0]!, hidden: true },
    ]);
    expect(edges[0]).not.toHaveProperty('hidden');
  });

  it('given a boundary event moved onto the top of its task, then its caption goes above it', () => {
    const doc = containerFlow();
    const below = toNodes(doc, []);
    expect(byId(below, 'boundary').data.captionAbove).toBeUndefined();
    const onTop = {
      ...doc,
      diagram: { shapes: { ...doc.diagram.shapes, boundary: { x: 212, y: 82 } } },
    };
    expect(byId(toNodes(onTop, below), 'boundary').data.captionAbove).toBe(true);
  });

  it('given nothing collapsed, then the edges are returned as they are', () => {
    const edges = toEdges(containerFlow(), []);
    expect(hideEdges(containerFlow(), edges)).toBe(edges);
  });
});
