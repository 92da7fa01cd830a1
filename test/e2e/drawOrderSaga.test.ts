import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedWorkflow, WorkflowSummary } from '../../src-shared/contract/contract';
import { loadDocument } from '../../src-shared/format/loadDocument';
import { emptyCatalog, type Catalog } from '../../src-shared/model/catalog';
import type { Element, WorkflowDocument } from '../../src-shared/model/document';
import { validateDocument } from '../../src-shared/validation/validateDocument';
import {
  connectByDrag,
  dragFromPalette,
  front,
  openApp,
  screenshot,
  startSession,
  waitForSaved,
  callHost,
  type Session,
} from './harness';
import {
  choose,
  properties,
  rename,
  select,
  typeDuration,
  typeAndCommit,
  type Duration,
} from './propertiesPanel';

const readDocument = (text: string): WorkflowDocument => {
  const loaded = loadDocument(text);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.document;
};
const example = readDocument(readFileSync('assets/examples/order-saga.json', 'utf8'));

interface TaskInput {
  readonly id: string;
  readonly x: number;
  readonly name: string;
  readonly service: string;
  readonly operation: string;
  readonly input: string;
  readonly output?: string;
  readonly timeout: Duration;
  readonly retry: { maxAttempts: string; initialDelay: Duration; maxDelay: Duration };
  readonly compensation?: { operation: string; input: string };
  readonly pivot?: true;
}

const ms = (value: string): Duration => ({ value, unit: 'ms' });
const s = (value: string): Duration => ({ value, unit: 's' });

/** What a person types into the properties panel for each task, in the units they think in. */
const tasks: readonly TaskInput[] = [
  {
    id: 'serviceTask_1',
    x: 195,
    name: 'Create order',
    service: 'Orders',
    operation: 'create',
    input: '{ "orderId": orderId, "customerId": customerId, "items": items }',
    // Typed in milliseconds, as the catalog's latencies are: the unit picker applies it.
    timeout: ms('2000'),
    retry: { maxAttempts: '3', initialDelay: ms('200'), maxDelay: s('2') },
    compensation: { operation: 'cancel', input: '{ "orderId": orderId }' },
  },
  {
    id: 'serviceTask_2',
    x: 390,
    name: 'Reserve inventory',
    service: 'Inventory',
    operation: 'reserve',
    input: '{ "orderId": orderId, "items": items }',
    output: '{ "reservationId": result.reservationId }',
    timeout: s('3'),
    retry: { maxAttempts: '3', initialDelay: ms('200'), maxDelay: s('2') },
    compensation: { operation: 'release', input: '{ "reservationId": reservationId }' },
  },
  {
    id: 'serviceTask_3',
    x: 585,
    name: 'Charge payment',
    service: 'Payment',
    operation: 'charge',
    input: '{ "orderId": orderId, "amount": amount, "currency": currency }',
    output: '{ "paymentId": result.paymentId }',
    timeout: s('5'),
    retry: { maxAttempts: '2', initialDelay: ms('500'), maxDelay: s('2') },
    compensation: { operation: 'refund', input: '{ "paymentId": paymentId, "amount": amount }' },
  },
  {
    id: 'serviceTask_4',
    x: 780,
    name: 'Ship order',
    service: 'Shipping',
    operation: 'createShipment',
    input: '{ "orderId": orderId, "address": shippingAddress, "items": items }',
    output: '{ "trackingNumber": result.trackingNumber }',
    timeout: s('10'),
    retry: { maxAttempts: '5', initialDelay: s('1'), maxDelay: s('30') },
    pivot: true,
  },
  {
    id: 'serviceTask_5',
    x: 975,
    name: 'Notify customer',
    service: 'Notifications',
    operation: 'sendEmail',
    input: '{ "to": customerEmail, "template": "order-shipped", "trackingNumber": trackingNumber }',
    timeout: s('3'),
    retry: { maxAttempts: '5', initialDelay: s('1'), maxDelay: { value: '1', unit: 'min' } },
  },
];
const ROW_Y = 300;
const NOTE_TEXT =
  'Shipping cannot be undone: from here the saga only goes forward, retrying until it succeeds.';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/** Fills in a task's whole form: its call, timeout, retry policy and how it is undone. */
async function fillTask(page: Page, task: TaskInput) {
  await select(page, task.id);
  await rename(page, task.name);
  await choose(page, 'Service', task.service);
  await choose(page, 'Operation', task.operation);
  await typeAndCommit(page, 'Input', task.input, 'Control+Enter');
  if (task.output) await typeAndCommit(page, 'Output', task.output, 'Tab');
  await typeDuration(page, 'Timeout', task.timeout);
  await properties(page).getByRole('checkbox', { name: 'Retry when the call fails' }).check();
  await typeAndCommit(page, 'Max attempts', task.retry.maxAttempts, 'Tab');
  await choose(page, 'Backoff', 'exponential');
  await typeDuration(page, 'Initial delay', task.retry.initialDelay);
  await typeDuration(page, 'Max delay', task.retry.maxDelay);
  if (task.compensation) {
    await choose(page, 'Compensating operation', task.compensation.operation);
    const { input } = task.compensation;
    await typeAndCommit(page, 'Compensation input', input, 'Control+Enter');
  }
  if (task.pivot) {
    await properties(page).getByRole('checkbox', { name: 'Pivot: cannot be undone' }).check();
  }
}

/** The flow's stored draft, read back through the host as any client would. */
async function savedDraft(workflowId: string) {
  return (await callHost<OpenedWorkflow>(session, 'workflows.open', { id: workflowId })).document;
}

/** The example's model in the drawing's ids: elements by name, connections by their ends. */
function expectedModel(drawn: WorkflowDocument) {
  const drawnId = new Map<string, string>();
  for (const element of example.model.elements) {
    const twin = drawn.model.elements.find((candidate) => candidate.name === element.name);
    expect(twin, `an element named “${element.name}” is drawn`).toBeDefined();
    drawnId.set(element.id, twin!.id);
  }
  const elements = example.model.elements.map((element): Element => {
    const mapped = { ...element, id: drawnId.get(element.id)! };
    if (mapped.type !== 'annotation' || !mapped.annotates) return mapped;
    return { ...mapped, annotates: drawnId.get(mapped.annotates)! };
  });
  return {
    elements: sortByName(elements),
    connections: example.model.connections.map(({ source, target }) => ({
      source: drawnId.get(source)!,
      target: drawnId.get(target)!,
    })),
  };
}

const sortByName = <T extends { name: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.name.localeCompare(b.name));
const connectionEnds = (doc: WorkflowDocument) =>
  doc.model.connections.map(({ source, target }) => ({ source, target }));

describe('drawing the order saga in Chromium', () => {
  it('draws the example from an empty flow with the UI only; it validates clean, equals the example, and undoes to empty and redoes to the same document', async () => {
    // Given a workspace whose catalog holds the example's services and event types
    await callHost(session, 'catalog.save', { catalog: example.catalog });
    await session.page.setViewportSize({ width: 1920, height: 1080 });
    const page = await openApp(session);

    // When the user creates a flow and names it in the sidebar
    await page.getByRole('button', { name: 'New flow' }).first().click();
    await page.getByRole('heading', { name: 'Untitled flow', level: 1 }).waitFor();
    const list = page.getByRole('list', { name: 'Flows and maps' });
    await list.getByRole('button', { name: 'Untitled flow (flow)' }).dblclick();
    const newName = page.getByRole('textbox', { name: 'New name for Untitled flow' });
    await newName.fill('Order saga');
    await newName.press('Enter');
    await page.getByRole('heading', { name: 'Order saga', level: 1 }).waitFor();
    const workflows = await callHost<WorkflowSummary[]>(session, 'workflows.list', {});
    const workflowId = workflows.find((workflow) => workflow.name === 'Order saga')!.id;

    // And drags a start event, five service tasks, an end event and an annotation onto the canvas
    await dragFromPalette(page, 'Start', { x: 50, y: ROW_Y });
    for (const task of tasks) await dragFromPalette(page, 'Service task', { x: task.x, y: ROW_Y });
    await dragFromPalette(page, 'End', { x: 1110, y: ROW_Y });
    await dragFromPalette(page, 'Annotation', { x: 780, y: 150 });
    await expect.poll(() => front(page).locator('.react-flow__node').count()).toBe(8);

    // And connects them in order by dragging from handle to handle
    const path = ['start_1', ...tasks.map((task) => task.id), 'end_1'];
    for (let index = 1; index < path.length; index += 1) {
      await connectByDrag(page, path[index - 1]!, path[index]!);
      await expect.poll(() => front(page).locator('.react-flow__edge').count()).toBe(index);
    }

    // And fills in every property in the properties panel
    await select(page, 'start_1');
    await rename(page, 'Order placed');
    await choose(page, 'Trigger', 'message');
    await choose(page, 'Event type', 'OrderPlaced');
    for (const task of tasks) await fillTask(page, task);
    await select(page, 'end_1');
    await rename(page, 'Order completed');
    // The note: its name, its text and the task it comments on.
    await select(page, 'note_1');
    await rename(page, 'Pivot');
    await typeAndCommit(page, 'Text', NOTE_TEXT, 'Control+Enter');
    await choose(page, 'Comments on', 'Ship order');

    await front(page)
      .locator('.react-flow__pane')
      .click({ position: { x: 400, y: 600 } });
    const problems = page.getByRole('region', { name: 'Problems' });
    await problems.getByText('No problems').waitFor();
    await waitForSaved(page);
    await screenshot(page, 'e2e-draw-order-saga');

    // Then the stored draft validates clean against the workspace's catalog
    const drawn = await savedDraft(workflowId);
    const catalog = await callHost<Catalog>(session, 'catalog.get', {});
    const findings = validateDocument(drawn, { catalog });
    expect(findings.map((d) => `${d.code} ${d.severity}: ${d.message}`)).toEqual([]);

    // And it is the example's model: every property but ids and positions is the same
    const expected = expectedModel(drawn);
    expect(sortByName(drawn.model.elements)).toEqual(expected.elements);
    expect(connectionEnds(drawn)).toEqual(expected.connections);
    expect(Object.keys(drawn.diagram.shapes).sort()).toEqual(
      drawn.model.elements.map((element) => element.id).sort(),
    );

    // And the Export button downloads it under the flow's name with the catalog it uses
    const download = page.waitForEvent('download');
    await front(page).getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Order saga.baton.json');
    const exported = readDocument(readFileSync(await file.path(), 'utf8'));
    expect(exported.name).toBe('Order saga');
    expect(exported.model).toEqual(drawn.model);
    expect(sortByName(exported.catalog?.services ?? [])).toEqual(
      sortByName(example.catalog!.services),
    );
    expect(exported.catalog?.events).toEqual(example.catalog!.events);
    expect(validateDocument(exported, { catalog: emptyCatalog })).toEqual([]);

    // When the user undoes every step with Ctrl+Z
    const undo = front(page).getByRole('button', { name: 'Undo', exact: true });
    const redo = front(page).getByRole('button', { name: 'Redo', exact: true });
    let undos = 0;
    while (await undo.isEnabled()) {
      await page.keyboard.press('Control+z');
      undos += 1;
      expect(undos, 'undo steps').toBeLessThan(200);
    }

    // Then the canvas is empty and so is the stored draft
    await expect.poll(() => front(page).locator('.react-flow__node').count()).toBe(0);
    expect(await front(page).locator('.react-flow__edge').count()).toBe(0);
    await waitForSaved(page);
    const emptied = await savedDraft(workflowId);
    expect(emptied.model).toEqual({ elements: [], connections: [] });
    expect(emptied.diagram.shapes).toEqual({});
    await screenshot(page, 'e2e-draw-order-saga-undone');

    // When the user redoes every step with Ctrl+Y
    let redos = 0;
    while (await redo.isEnabled()) {
      await page.keyboard.press('Control+y');
      redos += 1;
      expect(redos, 'redo steps').toBeLessThanOrEqual(undos);
    }

    // Then the stored draft is exactly the document saved before the undos
    expect(redos).toBe(undos);
    await expect.poll(() => front(page).locator('.react-flow__node').count()).toBe(8);
    await waitForSaved(page);
    expect(JSON.stringify(await savedDraft(workflowId))).toBe(JSON.stringify(drawn));
  }, 300_000);
});
