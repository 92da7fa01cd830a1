import { describe, expect, it } from 'vitest';
import type { Command } from '../../src-shared/editing/commands';
import { createEditorState, execute, redo, undo } from '../../src-shared/editing/history';
import { applied, boxesOf, loadExample, nestedFlow } from '../../test/helpers/layoutDocuments';
import {
  alignCommand,
  arrangeableBoxes,
  canAlign,
  canDistribute,
  distributeCommand,
  type AlignEdge,
} from './alignDistribute';

/** kyc-onboarding's tasks and gateways, of three different sizes, at different places. */
const doc = loadExample('kyc-onboarding');
const mixed = ['collectDocuments', 'riskLevel', 'applicationDeclined', 'seniorReview'];

const boxesAfter = (command: Command | null, ids: readonly string[]) => {
  const boxes = boxesOf(applied(doc, command));
  return ids.map((id) => boxes.get(id)!);
};

describe('align', () => {
  const cases: [
    AlignEdge,
    (box: { x: number; y: number; width: number; height: number }) => number,
  ][] = [
    ['left', (box) => box.x],
    ['center', (box) => box.x + box.width / 2],
    ['right', (box) => box.x + box.width],
    ['top', (box) => box.y],
    ['middle', (box) => box.y + box.height / 2],
    ['bottom', (box) => box.y + box.height],
  ];

  it.each(cases)(
    'given shapes of different sizes, when aligned %s, then that edge or centre is the same for all',
    (edge, measure) => {
      const command = alignCommand(doc, mixed, edge);

      const values = boxesAfter(command, mixed).map(measure);
      expect(new Set(values).size).toBe(1);
    },
  );

  it('given shapes, when aligned left, then they share the leftmost x and keep their y', () => {
    const before = boxesAfter(null, mixed);

    const after = boxesAfter(alignCommand(doc, mixed, 'left'), mixed);

    const leftmost = Math.min(...before.map((box) => box.x));
    expect(after.map((box) => box.x)).toEqual(mixed.map(() => leftmost));
    expect(after.map((box) => box.y)).toEqual(before.map((box) => box.y));
  });

  it('given shapes, when centred, then the centre of their bounding box is kept', () => {
    const before = boxesAfter(null, mixed);

    const after = boxesAfter(alignCommand(doc, mixed, 'center'), mixed);

    const left = Math.min(...before.map((box) => box.x));
    const right = Math.max(...before.map((box) => box.x + box.width));
    expect(after[0]!.x + after[0]!.width / 2).toBe((left + right) / 2);
  });

  it('given shapes already aligned, when aligned again, then there is nothing to do', () => {
    const once = applied(doc, alignCommand(doc, mixed, 'top'));

    expect(alignCommand(once, mixed, 'top')).toBeNull();
  });

  it('given fewer than two shapes, when aligned, then there is nothing to do', () => {
    expect(canAlign(doc, ['riskLevel'])).toBe(false);
    expect(alignCommand(doc, ['riskLevel'], 'left')).toBeNull();
    // Connections and unknown ids do not count.
    expect(canAlign(doc, ['riskLevel', doc.model.connections[0]!.id, 'nowhere'])).toBe(false);
    expect(canAlign(doc, ['riskLevel', 'approved'])).toBe(true);
  });

  it('given a task with a boundary event, when aligned, then the boundary event moves with its task', () => {
    const command = alignCommand(doc, ['managerApproval', 'seniorReview'], 'left');

    const before = boxesOf(doc);
    const after = boxesOf(applied(doc, command));
    const offset = (boxes: typeof before) =>
      boxes.get('approvalOverdue')!.x - boxes.get('managerApproval')!.x;
    expect(offset(after)).toBe(offset(before));
    expect(after.get('approvalOverdue')!.y).toBe(before.get('approvalOverdue')!.y);
  });

  it('given a task and its boundary event selected, when counted, then the boundary event rides along', () => {
    const ids = ['managerApproval', 'approvalOverdue'];

    expect(arrangeableBoxes(doc, ids).map((box) => box.id)).toEqual(['managerApproval']);
    expect(canAlign(doc, ids)).toBe(false);
  });

  it('given a sub-process, when aligned, then its contents move with it', () => {
    const nested = nestedFlow();

    const command = alignCommand(nested, ['sub', 'start'], 'left');

    const moved = command?.type === 'nodes.move' ? command.moves.map((move) => move.id) : [];
    expect(moved.toSorted()).toEqual(['b1', 'b2', 'e1', 'e2', 'n1', 's1', 'sub', 't1', 't2']);
    const before = boxesOf(nested);
    const after = boxesOf(applied(nested, command));
    expect(after.get('t1')!.x - after.get('sub')!.x).toBe(
      before.get('t1')!.x - before.get('sub')!.x,
    );
  });
});

describe('distribute', () => {
  const gaps = (
    boxes: { x: number; y: number; width: number; height: number }[],
    axis: 'x' | 'y',
  ) => {
    const size = axis === 'x' ? 'width' : 'height';
    const sorted = [...boxes].sort((a, b) => a[axis] - b[axis]);
    return sorted
      .slice(1)
      .map((box, index) => box[axis] - (sorted[index]![axis] + sorted[index]![size]));
  };

  it('given shapes of different widths, when distributed horizontally, then the gaps between them are equal', () => {
    const ids = [
      'collectDocuments',
      'riskLevel',
      'managerApproval',
      'openAccount',
      'welcomeCustomer',
    ];

    const after = boxesAfter(distributeCommand(doc, ids, 'horizontal'), ids);

    const spaces = gaps(after, 'x');
    for (const space of spaces) expect(space).toBeCloseTo(spaces[0]!, 9);
    expect(spaces[0]).not.toBeCloseTo(gaps(boxesAfter(null, ids), 'x')[0]!, 3);
  });

  it('given shapes, when distributed vertically, then the gaps are equal and the outer shapes stay', () => {
    const ids = ['riskLevel', 'managerApproval', 'seniorReview', 'applicationDeclined'];
    const before = boxesAfter(null, ids);

    const after = boxesAfter(distributeCommand(doc, ids, 'vertical'), ids);

    const spaces = gaps(after, 'y');
    for (const space of spaces) expect(space).toBeCloseTo(spaces[0]!, 9);
    const top = (boxes: typeof before) => Math.min(...boxes.map((box) => box.y));
    const bottom = (boxes: typeof before) => Math.max(...boxes.map((box) => box.y + box.height));
    expect(top(after)).toBe(top(before));
    expect(bottom(after)).toBe(bottom(before));
    expect(after.map((box) => box.x)).toEqual(before.map((box) => box.x));
  });

  it('given fewer than three shapes, when distributed, then there is nothing to do', () => {
    const two = ['riskLevel', 'approved'];

    expect(canDistribute(doc, two)).toBe(false);
    expect(distributeCommand(doc, two, 'horizontal')).toBeNull();
    expect(canDistribute(doc, [...two, 'openAccount'])).toBe(true);
  });

  it('given shapes already evenly spread, when distributed again, then nothing moves', () => {
    const ids = ['createOrder', 'reserveInventory', 'chargePayment', 'shipOrder'];
    const saga = loadExample('order-saga');

    expect(distributeCommand(saga, ids, 'horizontal')).toBeNull();
  });
});

describe('align and distribute: history', () => {
  it.each([
    ['align left', alignCommand(doc, mixed, 'left')],
    ['distribute vertically', distributeCommand(doc, mixed, 'vertical')],
  ])(
    'given %s, when executed, undone and redone, then each step restores the exact document',
    (_, command) => {
      const given = createEditorState(doc);

      const executed = execute(given, command!);
      const undone = undo(executed);
      const redone = redo(undone);

      expect(executed.past).toHaveLength(1);
      expect(executed.doc).not.toBe(doc);
      expect(undone.doc).toBe(doc);
      expect(redone.doc).toBe(executed.doc);
    },
  );
});
