import { describe, expect, it } from 'vitest';
import { deepFreeze, sampleFlow } from '../../test/shared/documents';
import { loadExamples } from '../../test/shared/exampleFiles';
import { applyCommand, type Command } from '../editing/commands';
import { createEmptyDocument, type WorkflowDocument } from '../model/document';
import { diffDocuments, isEmptyDiff } from './diffDocuments';

const nothing = { added: [], removed: [], changed: [], moved: [] };

function orderSaga(): WorkflowDocument {
  const found = loadExamples('flow').find(([name]) => name === 'order-saga');
  if (!found) throw new Error('assets/examples/order-saga.json is missing');
  return deepFreeze(found[1]);
}

/** The document after the commands, each applied as the editor would. */
const edited = (doc: WorkflowDocument, ...commands: Command[]) =>
  commands.reduce(applyCommand, doc);

/** The sample flow with its task's properties replaced by `change`. */
function withTask(change: Record<string, unknown>): WorkflowDocument {
  const doc = sampleFlow();
  const elements = doc.model.elements.map((element) =>
    element.id === 'task' ? { ...element, ...change } : element,
  );
  return { ...doc, model: { ...doc.model, elements } };
}

describe('diffDocuments: the order saga', () => {
  it('given a copy with one task removed, one renamed and one new connection, then each is named with what changed', () => {
    const before = orderSaga();
    const after = edited(
      before,
      { type: 'elements.delete', ids: ['reserveInventory'] },
      { type: 'elements.rename', id: 'chargePayment', name: 'Charge card' },
      {
        type: 'connections.create',
        connection: { id: 'flow_create_charge', source: 'createOrder', target: 'chargePayment' },
      },
    );

    const diff = diffDocuments(before, after);

    expect(diff).toEqual({
      elements: { added: [], removed: ['reserveInventory'], changed: ['chargePayment'], moved: [] },
      connections: {
        added: ['flow_create_charge'],
        removed: ['flow_create_reserve', 'flow_reserve_charge'],
        changed: [],
        moved: [],
      },
      details: { chargePayment: ['name "Charge payment" → "Charge card"'] },
      document: [],
    });
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('given the saga compared the other way round, then what was removed is added and the rename reads backwards', () => {
    const before = orderSaga();
    const after = edited(
      before,
      { type: 'elements.delete', ids: ['reserveInventory'] },
      { type: 'elements.rename', id: 'chargePayment', name: 'Charge card' },
    );

    const diff = diffDocuments(after, before);

    expect(diff.elements.added).toEqual(['reserveInventory']);
    expect(diff.connections.added).toEqual(['flow_create_reserve', 'flow_reserve_charge']);
    expect(diff.details).toEqual({ chargePayment: ['name "Charge card" → "Charge payment"'] });
  });

  it('given the saga and itself, then nothing differs', () => {
    const diff = diffDocuments(orderSaga(), structuredClone(orderSaga()));

    expect(diff).toEqual({ elements: nothing, connections: nothing, details: {}, document: [] });
    expect(isEmptyDiff(diff)).toBe(true);
  });
});

describe('diffDocuments: changed properties', () => {
  it.each([
    [{ timeoutMs: 5000 }, { timeoutMs: 3000 }, ['timeoutMs 5000 → 3000']],
    [{}, { pivot: true }, ['pivot none → true']],
    [{ service: 'Payment' }, {}, ['service "Payment" → none']],
    [
      { retry: { maxAttempts: 2, backoff: 'fixed', initialDelayMs: 100, maxDelayMs: 100 } },
      { retry: { maxAttempts: 4, backoff: 'exponential', initialDelayMs: 100, maxDelayMs: 100 } },
      ['retry.maxAttempts 2 → 4', 'retry.backoff "fixed" → "exponential"'],
    ],
    [
      { compensation: { operation: 'refund', input: '{ "paymentId": paymentId }' } },
      {},
      ['compensation {"operation":"refund","input":"{ \\"paym… → none'],
    ],
    [{ type: 'serviceTask' }, { type: 'userTask' }, ['type "serviceTask" → "userTask"']],
  ])('given a task with %j, when it becomes %j, then the lines are %j', (from, to, lines) => {
    const diff = diffDocuments(withTask(from), withTask(to));

    expect(diff.elements).toEqual({ ...nothing, changed: ['task'] });
    expect(diff.details).toEqual({ task: lines });
  });

  it('given a connection that gains a condition, then it is changed and the line names the condition', () => {
    const before = sampleFlow();
    const after = edited(before, {
      type: 'connections.update',
      connection: { id: 'flow_2', source: 'task', target: 'end', condition: 'amount > 100' },
    });

    const diff = diffDocuments(before, after);

    expect(diff.connections).toEqual({ ...nothing, changed: ['flow_2'] });
    expect(diff.details).toEqual({ flow_2: ['condition none → "amount > 100"'] });
    expect(diff.elements).toEqual(nothing);
  });

  it('given a map whose broker delivers differently, then the document lines say how', () => {
    const before = createEmptyDocument('map');
    const after: WorkflowDocument = {
      ...before,
      broker: {
        delivery: 'exactly-once',
        duplicateRate: 0,
        maxDeliveries: 5,
        deadLetterQueue: true,
      },
    };

    const diff = diffDocuments(before, after);

    expect(diff.document).toEqual(['broker none → {"delivery":"exactly-once","duplicateRa…']);
    expect(isEmptyDiff(diff)).toBe(false);
  });
});

describe('diffDocuments: layout', () => {
  it('given a shape that only moved, then the element is moved and not changed', () => {
    const before = sampleFlow();
    const after = edited(before, { type: 'nodes.move', moves: [{ id: 'task', x: 10, y: 90 }] });

    const diff = diffDocuments(before, after);

    expect(diff.elements).toEqual({ ...nothing, moved: ['task'] });
    expect(diff.details).toEqual({});
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('given an element renamed and moved, then it is changed only', () => {
    const before = sampleFlow();
    const after = edited(
      before,
      { type: 'nodes.move', moves: [{ id: 'task', x: 10, y: 90 }] },
      { type: 'elements.rename', id: 'task', name: 'Refund' },
    );

    expect(diffDocuments(before, after).elements).toEqual({ ...nothing, changed: ['task'] });
  });

  it('given a connection whose route alone changed, then it is moved', () => {
    const before = sampleFlow();
    const after: WorkflowDocument = {
      ...before,
      diagram: { ...before.diagram, edges: { flow_1: { waypoints: [{ x: 50, y: 50 }] } } },
    };

    expect(diffDocuments(before, after).connections).toEqual({ ...nothing, moved: ['flow_1'] });
  });

  it('given elements added, then they are listed in the newer document’s order', () => {
    const before = sampleFlow();
    const after = edited(
      before,
      {
        type: 'elements.add',
        element: { id: 'notify', type: 'serviceTask', name: 'Notify' },
        shape: { x: 0, y: 200 },
      },
      {
        type: 'elements.add',
        element: { id: 'audit', type: 'serviceTask', name: 'Audit' },
        shape: { x: 200, y: 200 },
      },
    );

    expect(diffDocuments(before, after).elements.added).toEqual(['notify', 'audit']);
  });
});
