import { describe, expect, it } from 'vitest';
import { createElement } from '../../src-shared/model/createElement';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { toEdges, toNodes } from './toFlow';

const doc: WorkflowDocument = {
  formatVersion: 1,
  kind: 'flow',
  name: 'Order',
  model: {
    elements: [
      createElement('startEvent', 'start', 'Start'),
      createElement('serviceTask', 'charge', 'Charge'),
      createElement('endEvent', 'end', 'End'),
    ],
    connections: [
      { id: 'flow_1', source: 'start', target: 'charge' },
      { id: 'flow_2', source: 'charge', target: 'end' },
    ],
  },
  diagram: {
    shapes: { start: { x: 0, y: 0 }, charge: { x: 100, y: 0 }, end: { x: 300, y: 0 } },
  },
};

const renamed = (name: string): WorkflowDocument => ({
  ...doc,
  model: {
    ...doc.model,
    elements: doc.model.elements.map((element) =>
      element.id === 'charge' ? { ...element, name } : element,
    ),
  },
});

describe('toNodes', () => {
  it('gives a new node its size and handles before React Flow has measured it', () => {
    const [start, charge] = toNodes(doc, []);
    expect(start?.measured).toEqual({ width: 48, height: 48 });
    expect(start?.handles?.map((handle) => handle.type)).toEqual(['source']);
    expect(charge?.measured).toEqual({ width: 160, height: 64 });
    expect(charge?.handles?.map(({ type, position, x }) => ({ type, position, x }))).toEqual([
      // The task's 1.5 px border is laid out as 1 px.
      { type: 'target', position: 'left', x: -4 },
      { type: 'source', position: 'right', x: 154 },
    ]);
  });

  it('keeps the nodes of unchanged elements, with their measurements, when another changes', () => {
    // Given nodes React Flow has measured and one of them selected
    const measured = toNodes(doc, []).map((node) => ({
      ...node,
      measured: { width: 50, height: 50 },
      selected: node.id === 'end',
    }));
    // When one element is renamed
    const next = toNodes(renamed('Charge card'), measured);
    // Then the others are the same objects, and the renamed one is new but keeps its measurements
    expect(next[0]).toBe(measured[0]);
    expect(next[2]).toBe(measured[2]);
    expect(next[1]).not.toBe(measured[1]);
    expect(next[1]?.data.element.name).toBe('Charge card');
    expect(next[1]?.measured).toEqual({ width: 50, height: 50 });
    expect(next[1]?.handles).toBeUndefined();
    expect(next[2]?.selected).toBe(true);
  });

  it('moves a node to its shape and keeps its data when only the shape moved', () => {
    const before = toNodes(doc, []);
    const moved = {
      ...doc,
      diagram: { shapes: { ...doc.diagram.shapes, charge: { x: 120, y: 40 } } },
    };
    const next = toNodes(moved, before);
    expect(next[1]?.position).toEqual({ x: 120, y: 40 });
    expect(next[1]?.data).toBe(before[1]?.data);
    expect(next[0]).toBe(before[0]);
  });

  it('does not keep what another view added to a node (a comparison mark)', () => {
    const marked = toNodes(doc, []).map((node) => ({ ...node, className: 'diff-changed' }));
    const next = toNodes(doc, marked);
    expect(next[0]).not.toBe(marked[0]);
    expect(next[0]?.className).toBeUndefined();
  });
});

describe('toEdges', () => {
  it('keeps unchanged edges and their selection', () => {
    const before = toEdges(doc, []).map((edge) => ({ ...edge, selected: edge.id === 'flow_2' }));
    const next = toEdges(renamed('Charge card'), before);
    expect(next[0]).toBe(before[0]);
    expect(next[1]).toBe(before[1]);
    expect(next[1]?.selected).toBe(true);
  });

  it('draws a connection again when its ends change', () => {
    const before = toEdges(doc, []);
    const rewired = {
      ...doc,
      model: {
        ...doc.model,
        connections: [{ id: 'flow_1', source: 'start', target: 'end' }, doc.model.connections[1]!],
      },
    };
    const next = toEdges(rewired, before);
    expect(next[0]).not.toBe(before[0]);
    expect(next[0]?.target).toBe('end');
    expect(next[1]).toBe(before[1]);
  });
});

describe('edge labels', () => {
  const gateway = {
    ...createElement('exclusiveGateway', 'big', 'Big order?'),
    default: 'small_path',
  };
  const labelled: WorkflowDocument = {
    ...doc,
    model: {
      elements: [...doc.model.elements, gateway, createElement('userTask', 'approve', 'Approve')],
      connections: [
        {
          id: 'big_path',
          source: 'big',
          target: 'charge',
          condition: 'amount > 1000 and customer.tier = "gold"',
        },
        { id: 'small_path', source: 'big', target: 'end' },
        { id: 'yes', source: 'approve', target: 'charge', outcome: 'approve' },
        { id: 'named', source: 'approve', target: 'end', name: 'Too late' },
      ],
    },
  };

  it.each([
    ['big_path', 'amount > 1000 and customer.tier…'],
    ['small_path', 'default'],
    ['yes', 'approve'],
    ['named', 'Too late'],
  ])('labels %s as %j', (id, label) => {
    expect(toEdges(labelled, []).find((edge) => edge.id === id)?.label).toBe(label);
  });
});
