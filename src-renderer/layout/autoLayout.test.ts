import { describe, expect, it } from 'vitest';
import { generateFlow } from '../../bench/generateFlow';
import { createEditorState, execute, redo, undo } from '../../src-shared/editing/history';
import type { Command } from '../../src-shared/editing/commands';
import { WorkflowDocument } from '../../src-shared/model/document';
import {
  applied,
  boxesOf,
  loadExample,
  loopConnections,
  nestedFlow,
  overlappingPairs,
} from '../../test/helpers/layoutDocuments';
import { autoLayout } from './autoLayout';
import { boundsOf } from './geometry';

const EXAMPLES = [
  'order-saga',
  'travel-booking',
  'kyc-onboarding',
  'customs-clearance',
  'media-encoding',
  'customer-onboarding',
  'order-fanout',
  'choreography-saga',
  'logistics-hybrid',
];

/** The shapes with the moves of a command set, each keeping its size. */
function placed(doc: WorkflowDocument, command: Command | null): WorkflowDocument {
  if (command?.type !== 'nodes.move') return doc;
  const shapes = { ...doc.diagram.shapes };
  for (const { id, x, y } of command.moves) shapes[id] = { ...shapes[id]!, x, y };
  return { ...doc, diagram: { shapes } };
}

const centreY = (box: { y: number; height: number }) => box.y + box.height / 2;

describe('autoLayout: whole documents', () => {
  it.each(['order-saga', 'travel-booking'])(
    'given %s, when laid out, then it returns one nodes.move',
    async (name) => {
      const doc = loadExample(name);

      const command = await autoLayout(doc);

      expect(command?.type).toBe('nodes.move');
    },
  );

  it.each(EXAMPLES)('given %s, when laid out, then no two element boxes overlap', async (name) => {
    const doc = loadExample(name);

    const after = applied(doc, await autoLayout(doc));

    expect(overlappingPairs(after)).toEqual([]);
  });

  it.each(EXAMPLES)(
    'given %s, when laid out, then every connection not on a loop goes left to right',
    async (name) => {
      const doc = loadExample(name);
      const loops = loopConnections(doc);

      const after = applied(doc, await autoLayout(doc));

      const backwards = after.model.connections
        .filter((connection) => !loops.has(connection.id))
        .filter(
          ({ source, target }) =>
            after.diagram.shapes[target]!.x <= after.diagram.shapes[source]!.x,
        )
        .map(({ source, target }) => `${source} → ${target}`);
      expect(backwards).toEqual([]);
    },
  );

  it('given travel-booking, when laid out, then its three bookings are stacked between fork and join', async () => {
    const doc = loadExample('travel-booking');

    const boxes = boxesOf(applied(doc, await autoLayout(doc)));

    const fork = boxes.get('bookAll')!;
    const join = boxes.get('allBooked')!;
    const branches = ['bookFlight', 'reserveHotel', 'reserveCar'].map((id) => boxes.get(id)!);
    for (const branch of branches) {
      expect(branch.x).toBeGreaterThan(fork.x + fork.width);
      expect(branch.x + branch.width).toBeLessThan(join.x);
      expect(branch.x).toBe(branches[0]!.x);
    }
    const [flight, hotel, car] = branches as [(typeof branches)[0], typeof fork, typeof fork];
    expect(hotel.y).toBeGreaterThanOrEqual(flight.y + flight.height);
    expect(car.y).toBeGreaterThanOrEqual(hotel.y + hotel.height);
    // The fork and the join sit level with the middle branch.
    expect(centreY(fork)).toBe(centreY(hotel));
    expect(centreY(join)).toBe(centreY(hotel));
  });

  it('given order-saga, when laid out, then its steps sit on one line and the note above its step', async () => {
    const doc = loadExample('order-saga');

    const boxes = boxesOf(applied(doc, await autoLayout(doc)));

    const line = ['orderPlaced', 'createOrder', 'chargePayment', 'shipOrder', 'orderCompleted'];
    expect(new Set(line.map((id) => centreY(boxes.get(id)!))).size).toBe(1);
    const note = boxes.get('pivotNote')!;
    const step = boxes.get('shipOrder')!;
    expect(note.y + note.height).toBeLessThanOrEqual(step.y);
    expect(step.y - (note.y + note.height)).toBeLessThan(60);
    expect(note.x + note.width).toBeGreaterThan(step.x);
    expect(note.x).toBeLessThan(step.x + step.width);
  });

  it('given kyc-onboarding, when laid out, then the boundary event sits centred on its task’s bottom edge', async () => {
    const doc = loadExample('kyc-onboarding');

    const boxes = boxesOf(applied(doc, await autoLayout(doc)));

    const task = boxes.get('managerApproval')!;
    const boundary = boxes.get('approvalOverdue')!;
    expect(centreY(boundary)).toBe(task.y + task.height);
    expect(boundary.x).toBeGreaterThanOrEqual(task.x);
    expect(boundary.x + boundary.width).toBeLessThanOrEqual(task.x + task.width);
    // Its path leaves after the task.
    expect(boxes.get('seniorReview')!.x).toBeGreaterThan(task.x + task.width);
  });

  it('given a laid-out document, when laid out again, then it gives the same positions', async () => {
    for (const name of ['order-saga', 'travel-booking', 'kyc-onboarding', 'order-fanout']) {
      const doc = loadExample(name);

      const first = await autoLayout(doc);
      const second = await autoLayout(doc);
      const again = await autoLayout(applied(doc, first));

      expect(second).toEqual(first);
      expect(again).toBeNull();
    }
  });

  it('given a document, when laid out, then the diagram keeps its top-left corner', async () => {
    const doc = loadExample('kyc-onboarding');

    const after = applied(doc, await autoLayout(doc));

    const before = boundsOf(boxesOf(doc).values())!;
    const now = boundsOf(boxesOf(after).values())!;
    expect([now.left, now.top]).toEqual([before.left, before.top]);
  });
});

describe('autoLayout: sub-processes', () => {
  it('given a sub-process holding a flow, when laid out, then its contents are inside it and left to right', async () => {
    const doc = nestedFlow();

    const after = placed(doc, await autoLayout(doc));

    const boxes = boxesOf(after);
    const sub = boxes.get('sub')!;
    for (const id of ['s1', 't1', 't2', 'e1', 'e2', 'n1']) {
      const box = boxes.get(id)!;
      expect(box.x, id).toBeGreaterThan(sub.x);
      expect(box.y, id).toBeGreaterThan(sub.y);
      expect(box.x + box.width, id).toBeLessThan(sub.x + sub.width);
      expect(box.y + box.height, id).toBeLessThan(sub.y + sub.height);
    }
    expect(boxes.get('t1')!.x).toBeGreaterThan(boxes.get('s1')!.x);
    expect(boxes.get('t2')!.x).toBeGreaterThan(boxes.get('t1')!.x);
    expect(boxes.get('sub')!.x).toBeGreaterThan(boxes.get('start')!.x);
    expect(boxes.get('end')!.x).toBeGreaterThan(sub.x + sub.width);
    expect(overlappingPairs(after)).toEqual([]);
  });

  it('given boundary events on a task inside and on the sub-process, when laid out, then each sits on its owner’s bottom edge', async () => {
    const doc = nestedFlow();

    const boxes = boxesOf(placed(doc, await autoLayout(doc)));

    for (const [boundary, owner] of [
      ['b1', 't1'],
      ['b2', 'sub'],
    ] as const) {
      const event = boxes.get(boundary)!;
      const task = boxes.get(owner)!;
      expect(centreY(event)).toBe(task.y + task.height);
      expect(event.x).toBeGreaterThanOrEqual(task.x);
      expect(event.x + event.width).toBeLessThanOrEqual(task.x + task.width);
    }
  });
});

/** A small flow from elements and the pairs of ids they connect, piled up near the origin. */
function flowOf(elements: object[], connections: [string, string][]): WorkflowDocument {
  return WorkflowDocument.parse({
    formatVersion: 1,
    kind: 'flow',
    model: {
      elements,
      connections: connections.map(([source, target], index) => ({
        id: `c${index}`,
        source,
        target,
      })),
    },
    diagram: {
      shapes: Object.fromEntries(
        elements.map((element, index) => [(element as { id: string }).id, { x: index * 7, y: 0 }]),
      ),
    },
  });
}
const element = (type: string, id: string, extra: object = {}) => ({
  type,
  id,
  name: id,
  ...extra,
});

describe('autoLayout: boundary events and hand-written oddities', () => {
  it('given two boundary events on one task, when laid out, then they sit side by side on its bottom edge', async () => {
    const doc = flowOf(
      [
        element('startEvent', 'start'),
        element('serviceTask', 'task'),
        element('boundaryEvent', 'failed', { attachedTo: 'task', trigger: 'error' }),
        element('boundaryEvent', 'late', {
          attachedTo: 'task',
          trigger: 'timer',
          timer: { durationMs: 5000 },
        }),
        element('endEvent', 'done'),
        element('endEvent', 'gaveUp'),
        element('endEvent', 'timedOut'),
      ],
      [
        ['start', 'task'],
        ['task', 'done'],
        ['failed', 'gaveUp'],
        ['late', 'timedOut'],
      ],
    );

    const after = applied(doc, await autoLayout(doc));

    const boxes = boxesOf(after);
    const task = boxes.get('task')!;
    for (const id of ['failed', 'late']) expect(centreY(boxes.get(id)!)).toBe(task.y + task.height);
    expect(overlappingPairs(after)).toEqual([]);
    expect(boxes.get('gaveUp')!.x).toBeGreaterThan(task.x + task.width);
  });

  it('given a boundary event leading back to its own task, when laid out, then it still rides on the task', async () => {
    const doc = flowOf(
      [
        element('startEvent', 'start'),
        element('serviceTask', 'task'),
        element('boundaryEvent', 'retry', { attachedTo: 'task', trigger: 'error' }),
        element('endEvent', 'done'),
      ],
      [
        ['start', 'task'],
        ['task', 'done'],
        ['retry', 'task'],
      ],
    );

    const boxes = boxesOf(applied(doc, await autoLayout(doc)));

    const task = boxes.get('task')!;
    expect(centreY(boxes.get('retry')!)).toBe(task.y + task.height);
  });

  // Regression: sub-processes that name each other as parent made the layout loop for ever.
  it('given two sub-processes that contain each other, when laid out, then it finishes', async () => {
    const doc = flowOf(
      [
        element('subProcess', 'outer', { parent: 'inner' }),
        element('subProcess', 'inner', { parent: 'outer' }),
        element('serviceTask', 'task', { parent: 'outer' }),
      ],
      [['task', 'inner']],
    );

    const command = await autoLayout(doc);

    expect(command?.type).toBe('nodes.move');
  });
});

describe('autoLayout: a selection', () => {
  it('given a selection, when laid out, then the shapes not selected stay where they are', async () => {
    const doc = loadExample('kyc-onboarding');
    const selection = ['managerApproval', 'seniorReview', 'applicationDeclined', 'riskLevel'];

    const command = await autoLayout(doc, { ids: selection });
    const after = applied(doc, command);

    expect(command).not.toBeNull();
    const moved = doc.model.elements
      .map((element) => element.id)
      .filter((id) => after.diagram.shapes[id] !== doc.diagram.shapes[id]);
    // The boundary event rides on its task; nothing else outside the selection moves.
    expect(moved.every((id) => [...selection, 'approvalOverdue'].includes(id))).toBe(true);
  });

  it('given a selection, when laid out, then its bounding box keeps its top-left corner', async () => {
    const doc = loadExample('travel-booking');
    const selection = ['bookAll', 'bookFlight', 'reserveHotel', 'reserveCar', 'allBooked'];
    const boxesBefore = boxesOf(doc);

    const boxesAfter = boxesOf(applied(doc, await autoLayout(doc, { ids: selection })));

    const pick = (boxes: typeof boxesBefore) => selection.map((id) => boxes.get(id)!);
    const before = boundsOf(pick(boxesBefore))!;
    const after = boundsOf(pick(boxesAfter))!;
    expect([after.left, after.top]).toEqual([before.left, before.top]);
  });

  it('given a selection of a sub-process, when laid out, then its contents move with it', async () => {
    const doc = nestedFlow();

    const command = await autoLayout(doc, { ids: ['sub'] });

    const moved = command?.type === 'nodes.move' ? command.moves.map((move) => move.id) : [];
    expect(moved).toEqual(expect.arrayContaining(['s1', 't1', 'b1', 't2', 'e1', 'e2', 'n1']));
    expect(moved).not.toContain('start');
    expect(moved).not.toContain('late');
  });

  it('given a selection of connections only, when laid out, then nothing moves', async () => {
    const doc = loadExample('order-saga');
    const connectionIds = doc.model.connections.map((connection) => connection.id);

    expect(await autoLayout(doc, { ids: connectionIds })).toBeNull();
  });
});

describe('autoLayout: history', () => {
  it('given a layout, when executed, undone and redone, then each step restores the exact document', async () => {
    const doc = loadExample('travel-booking');
    const command = (await autoLayout(doc))!;
    const given = createEditorState(doc);

    const executed = execute(given, command);
    const undone = undo(executed);
    const redone = redo(undone);

    expect(executed.past).toHaveLength(1);
    expect(executed.doc.diagram).not.toEqual(doc.diagram);
    expect(undone.doc).toBe(doc);
    expect(redone.doc).toBe(executed.doc);
  });
});

describe('autoLayout: a large flow', () => {
  it('given a generated flow of 1,000 elements, when laid out, then it completes without overlaps', async () => {
    const doc = generateFlow(1000);

    const started = performance.now();
    const command = await autoLayout(doc);
    const elapsed = performance.now() - started;

    console.info(
      `auto-layout of ${doc.model.elements.length} elements took ${Math.round(elapsed)} ms`,
    );
    expect(command?.type).toBe('nodes.move');
    expect(overlappingPairs(applied(doc, command))).toEqual([]);
  }, 120_000);
});
