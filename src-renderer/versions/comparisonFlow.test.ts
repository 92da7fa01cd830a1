import { describe, expect, it } from 'vitest';
import { sampleFlow } from '../../test/shared/documents';
import { applyCommand, type Command } from '../../src-shared/editing/commands';
import { compareWith } from './comparison';
import { comparedEdges, comparedNodes } from './comparisonFlow';

const version = { id: 1, workflowId: 'w', number: 4, label: '', createdAt: 0 };

/** The sample flow with its task deleted, its end renamed and a new start → end connection. */
function edited() {
  const commands: Command[] = [
    { type: 'elements.delete', ids: ['task'] },
    { type: 'elements.rename', id: 'end', name: 'Done' },
    { type: 'connections.create', connection: { id: 'flow_3', source: 'start', target: 'end' } },
  ];
  return commands.reduce(applyCommand, sampleFlow());
}

describe('the canvas in diff mode', () => {
  it('given no comparison, then nodes and edges carry no diff classes and no ghosts', () => {
    const nodes = comparedNodes(sampleFlow(), [], null);
    const edges = comparedEdges(sampleFlow(), [], null);

    expect(nodes.map((node) => node.className)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(edges.map((edge) => edge.id)).toEqual(['flow_1', 'flow_2']);
  });

  it('given a version with a task the draft lost, then the task is a read-only ghost at its old place, the renamed end is changed and the new connection added', () => {
    const current = edited();
    const comparison = compareWith(version, sampleFlow(), current);

    const nodes = comparedNodes(current, [], comparison);
    const edges = comparedEdges(current, [], comparison);

    expect(nodes.map((node) => [node.id, node.className])).toEqual([
      ['start', undefined],
      ['gateway', undefined],
      ['end', 'diff-changed'],
      ['removed:task', 'diff-removed'],
    ]);
    expect(nodes.at(-1)).toMatchObject({
      position: { x: 200, y: 0 },
      selectable: false,
      draggable: false,
      deletable: false,
      ariaLabel: 'Charge card (serviceTask), removed since version 4',
    });
    expect(edges.map((edge) => [edge.id, edge.source, edge.target, edge.className])).toEqual([
      ['flow_3', 'start', 'end', 'diff-added'],
      ['removed:flow_1', 'start', 'removed:task', 'diff-removed'],
      ['removed:flow_2', 'removed:task', 'end', 'diff-removed'],
    ]);
  });
});
