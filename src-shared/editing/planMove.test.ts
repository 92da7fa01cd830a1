import { describe, expect, it } from 'vitest';
import { containerFlow } from '../../test/shared/containerFlow';
import { applyCommand } from './commands';
import { dependentsOf, planMove } from './planMove';

const movesOf = (plan: ReturnType<typeof planMove>) =>
  Object.fromEntries(plan.moves.map(({ id, x, y }) => [id, { x, y }]));

describe('dependentsOf', () => {
  it.each([
    ['an activity', ['inner'], ['boundary']],
    ['a sub-process', ['sub'], ['boundary', 'inner']],
    ['a lane', ['lane'], ['boundary', 'inner', 'sub', 'task']],
    ['a group', ['group'], ['task']],
    ['a task outside every container', ['outside'], []],
  ])('given %s moves, then what follows it is found', (_, ids, expected) => {
    expect([...dependentsOf(containerFlow(), ids).keys()].sort()).toEqual(expected);
  });
});

describe('planMove', () => {
  it('given an activity dragged, then its boundary event moves by the same amount', () => {
    const plan = planMove(containerFlow(), [{ id: 'inner', x: 190, y: 110 }], {
      memberships: true,
    });
    expect(movesOf(plan)).toEqual({ inner: { x: 190, y: 110 }, boundary: { x: 252, y: 156 } });
    expect(plan.memberships).toBeUndefined();
  });

  it('given a sub-process dragged, then its contents and their boundary events move with it', () => {
    const plan = planMove(containerFlow(), [{ id: 'sub', x: 100, y: 70 }], { memberships: true });
    expect(movesOf(plan)).toEqual({
      sub: { x: 100, y: 70 },
      inner: { x: 150, y: 120 },
      boundary: { x: 212, y: 166 },
    });
    expect(plan.memberships).toBeUndefined();
  });

  it('given a group dragged, then what lay inside it when the drag started moves with it', () => {
    const plan = planMove(containerFlow(), [{ id: 'group', x: 580, y: 60 }]);
    expect(movesOf(plan)).toEqual({ group: { x: 580, y: 60 }, task: { x: 620, y: 100 } });
  });

  it('given a boundary event dragged over another task, then it is attached to it, centred on its border', () => {
    // Dropped with its centre at (700, 90): 10 above the task's top border at y 100.
    const plan = planMove(containerFlow(), [{ id: 'boundary', x: 682, y: 72 }]);
    expect(movesOf(plan)).toEqual({ boundary: { x: 682, y: 82 } });
    expect(plan.memberships).toEqual([{ id: 'boundary', attachedTo: 'task' }]);
  });

  it('given a boundary event dropped away from any activity, then it snaps back onto its own', () => {
    // Centre at (340, 130): 30 to the right of inner's right border (x 310).
    const plan = planMove(containerFlow(), [{ id: 'boundary', x: 322, y: 112 }]);
    expect(movesOf(plan)).toEqual({ boundary: { x: 292, y: 112 } });
    expect(plan.memberships).toBeUndefined();
  });

  it('given a boundary event dragged with its activity, then it keeps its place on it', () => {
    const plan = planMove(containerFlow(), [
      { id: 'inner', x: 160, y: 100 },
      { id: 'boundary', x: 222, y: 146 },
    ]);
    expect(movesOf(plan)).toEqual({ inner: { x: 160, y: 100 }, boundary: { x: 222, y: 146 } });
  });

  it('given a task dropped inside the sub-process, then it is put in it and in the lane', () => {
    const plan = planMove(containerFlow(), [{ id: 'outside', x: 260, y: 170 }], {
      memberships: true,
    });
    expect(plan.memberships).toEqual([{ id: 'outside', parent: 'sub', lane: 'lane' }]);
  });

  it('given a task dragged out of its sub-process but not its lane, then only its parent is cleared', () => {
    const plan = planMove(containerFlow(), [{ id: 'inner', x: 500, y: 350 }], {
      memberships: true,
    });
    expect(plan.memberships).toEqual([{ id: 'inner', parent: null }]);
  });

  it('given a task dragged out of every container, then its lane is cleared', () => {
    const plan = planMove(containerFlow(), [{ id: 'task', x: 1200, y: 900 }], {
      memberships: true,
    });
    expect(plan.memberships).toEqual([{ id: 'task', lane: null }]);
  });

  it('given a live preview (no memberships), then only the moves and a re-attachment are planned', () => {
    const plan = planMove(containerFlow(), [{ id: 'outside', x: 260, y: 170 }]);
    expect(plan).toEqual({ type: 'nodes.move', moves: [{ id: 'outside', x: 260, y: 170 }] });
  });

  it('given a lane dragged, then its members move with it and keep their memberships', () => {
    const doc = containerFlow();
    const plan = planMove(doc, [{ id: 'lane', x: 10, y: 20 }], { memberships: true });
    expect(plan.memberships).toBeUndefined();
    const moved = applyCommand(doc, plan);
    expect(moved.diagram.shapes.task).toEqual({ x: 610, y: 120 });
    expect(moved.diagram.shapes.boundary).toEqual({ x: 222, y: 166 });
    expect(moved.diagram.shapes.outside).toEqual({ x: 600, y: 700 });
  });
});
