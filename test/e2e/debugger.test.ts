import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowSummary } from '../../src-shared/contract/contract';
import type { RunSummary } from '../../src-shared/runtime/runReport';
import type { Scenario } from '../../src-shared/runtime/scenario';
import {
  callHost,
  front,
  openApp,
  resultsDir,
  screenshot,
  startSession,
  type Session,
} from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/** Imports an example as a person does, through the sidebar's file picker, and waits for it. */
async function importExample(page: Page, file: string, name: string) {
  await page
    .getByLabel('Baton JSON or BPMN file to import')
    .setInputFiles(`assets/examples/${file}`);
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  const [workflow] = await callHost<WorkflowSummary[]>(session, 'workflows.list', { query: name });
  return workflow!;
}

/**
 * Starts a run of the document's draft on the host. The run dialog (another part of issue 7)
 * is where a person picks the scenario; here the scenario is given to the host as it would.
 */
const startRun = (id: string, scenario: Scenario, mode: 'run' | 'debug') =>
  callHost<RunSummary>(session, 'runs.start', { id, scenario, mode });

/** A closer picture of the canvas alone, for the record (the diagram fits a short canvas small). */
async function canvasScreenshot(page: Page, name: string) {
  const doc = front(page);
  await doc.locator('.react-flow__controls-zoomin').click();
  await doc.locator('.react-flow__controls-zoomin').click();
  await doc.locator('.canvas').screenshot({ path: `${resultsDir}/${name}.png` });
}

/** Opens a run of the document in the debugger from the header's Debug menu. */
async function openRunFromMenu(page: Page, runId: string) {
  const doc = front(page);
  await doc.getByRole('button', { name: 'Debug' }).click();
  await doc.getByRole('menuitem', { name: new RegExp(`^Open ${runId}`) }).click();
  await doc.getByRole('toolbar', { name: 'Debugger' }).waitFor();
}

const node = (page: Page, id: string) => front(page).locator(`.react-flow__node[data-id="${id}"]`);
const runState = (page: Page, id: string) =>
  node(page, id)
    .locator('[data-run-state]')
    .getAttribute('data-run-state', { timeout: 100 })
    .catch(() => null);
const status = (page: Page) =>
  front(page).getByRole('status', { name: 'Run status' }).textContent();

describe('the debugger in Chromium', () => {
  it('debugs the order saga with payment failing: breakpoint set with F9, stop, step through the compensation, verdict', async () => {
    const page = await openApp(session);
    const saga = await importExample(page, 'order-saga.json', 'Order saga');
    const doc = front(page);

    // A breakpoint on the payment task, set from the canvas with F9.
    await node(page, 'chargePayment').click();
    await page.keyboard.press('F9');
    const dot = doc.getByRole('button', { name: 'Remove breakpoint on Charge payment' });
    await dot.waitFor();
    expect(await dot.getAttribute('aria-pressed')).toBe('true');

    // A debug run with payment failing, opened in the debugger: it takes the canvas's breakpoint.
    const run = await startRun(
      saga.id,
      {
        input: { orderId: 'o-1', amount: 120 },
        mocks: { 'Payment.charge': { outcomes: ['fail'] } },
      },
      'debug',
    );
    await openRunFromMenu(page, run.runId);
    await expect.poll(() => status(page)).toContain('Paused before the first step');

    // Continue (F5): the run stops at the breakpoint on the payment task.
    await page.keyboard.press('F5');
    await expect.poll(() => status(page)).toContain('Paused at breakpoint on Charge payment');
    await node(page, 'chargePayment')
      .getByRole('img', { name: 'Charge payment: active, stopped here' })
      .waitFor();
    expect(await runState(page, 'createOrder')).toBe('completed');
    expect(await runState(page, 'reserveInventory')).toBe('completed');
    // The Data panel shows the instance's data where it stopped.
    await doc.getByRole('region', { name: 'Data' }).getByText('o-1').waitFor();
    await screenshot(page, 'e2e-debugger-paused-at-breakpoint');
    await canvasScreenshot(page, 'e2e-debugger-paused-at-breakpoint-canvas');

    // Step (F10) one event at a time through the failure and the compensation, noting at which
    // step the canvas first shows each step compensated.
    const compensatedAt = new Map<string, number>();
    const position = doc.getByRole('status', { name: 'Replay position' });
    let lastStep = 0;
    for (let steps = 1; steps <= 60; steps += 1) {
      if (!(await status(page))?.includes('Paused')) break;
      lastStep = steps;
      const before = await position.textContent();
      await page.keyboard.press('F10');
      await expect
        .poll(
          async () =>
            (await position.textContent()) !== before || !(await status(page))?.includes('Paused'),
        )
        .toBe(true);
      for (const id of ['reserveInventory', 'createOrder'])
        if (!compensatedAt.has(id) && (await runState(page, id)) === 'compensated')
          compensatedAt.set(id, steps);
    }
    await expect.poll(() => status(page)).toContain('Compensated');
    // The last step may end the run: what it showed is read once the canvas has caught up.
    await expect.poll(() => runState(page, 'createOrder')).toBe('compensated');
    for (const id of ['reserveInventory', 'createOrder'])
      if (!compensatedAt.has(id)) compensatedAt.set(id, lastStep);
    // Inventory released first, at an earlier step than the order cancelled.
    expect(compensatedAt.get('reserveInventory')).toBeDefined();
    expect(compensatedAt.get('createOrder')).toBeDefined();
    expect(compensatedAt.get('reserveInventory')!).toBeLessThan(compensatedAt.get('createOrder')!);
    expect(await runState(page, 'chargePayment')).toBe('failed');

    // The verdict: consistent (every reservation released, the order cancelled).
    await doc.getByRole('tab', { name: 'Verdict' }).click();
    await doc
      .getByRole('region', { name: 'Verdict' })
      .getByRole('heading', { name: 'Consistent' })
      .waitFor();
    await screenshot(page, 'e2e-debugger-after-compensation');
    await doc.getByRole('tab', { name: 'Timeline' }).click();
    await doc.getByRole('region', { name: 'Timeline' }).waitFor();
    await screenshot(page, 'e2e-debugger-timeline');

    // Back to editing: the canvas is the editor again.
    await doc.getByRole('button', { name: 'Back to editing' }).click();
    await doc.getByRole('toolbar', { name: 'Debugger' }).waitFor({ state: 'detached' });
    expect(await node(page, 'createOrder').locator('[data-run-state]').count()).toBe(0);
  });

  it('approves waiting KYC tasks next to the waiting node and from the toolbar', async () => {
    const page = await openApp(session);
    const kyc = await importExample(page, 'kyc-onboarding.json', 'KYC onboarding');
    const doc = front(page);
    // A high risk score, so that a manager must approve too.
    const run = await startRun(
      kyc.id,
      {
        input: { applicantId: 'a-1', country: 'NL', occupation: 'trader' },
        mocks: {
          'RiskEngine.assess': {
            outcomes: ['ok'],
            output: '{ "assessmentId": "as-1", "score": 80 }',
          },
        },
      },
      'run',
    );
    await openRunFromMenu(page, run.runId);
    await expect
      .poll(() => status(page), { timeout: 10_000 })
      .toContain('Waiting for Collect documents');
    await node(page, 'collectDocuments')
      .getByRole('img', { name: 'Collect documents: waiting' })
      .waitFor();

    // Approve next to the waiting node on the canvas.
    await node(page, 'collectDocuments')
      .getByRole('group', { name: 'Decide Collect documents' })
      .getByRole('button', { name: 'Approve' })
      .click();
    await expect.poll(() => runState(page, 'collectDocuments')).toBe('completed');

    // Then the manager's approval, from the toolbar.
    await expect
      .poll(() => status(page), { timeout: 10_000 })
      .toContain('Waiting for Manager approval');
    await doc
      .getByRole('toolbar', { name: 'Debugger' })
      .getByRole('group', { name: 'Decide Manager approval' })
      .getByRole('button', { name: 'Approve' })
      .click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toContain('Completed');
    expect(await runState(page, 'managerApproval')).toBe('completed');
    expect(await runState(page, 'openAccount')).toBe('completed');
    await screenshot(page, 'e2e-debugger-kyc-approved');
  });

  it('replays a finished run, jumps back to its first failure and scrubs entry by entry', async () => {
    const page = await openApp(session);
    const saga = await importExample(page, 'order-saga.json', 'Order saga');
    const doc = front(page);
    const run = await startRun(
      saga.id,
      {
        input: { orderId: 'o-9', amount: 40 },
        mocks: { 'Payment.charge': { outcomes: ['fail'] } },
      },
      'run',
    );
    await expect
      .poll(
        async () =>
          (await callHost<RunSummary[]>(session, 'runs.list', { query: run.runId }))[0]?.status,
      )
      .toBe('compensated');
    await openRunFromMenu(page, run.runId);
    await expect.poll(() => runState(page, 'createOrder')).toBe('compensated');

    // First failure: the canvas goes back to the moment payment failed, before any compensation.
    const position = doc.getByRole('status', { name: 'Replay position' });
    await doc.getByRole('button', { name: 'First failure' }).click();
    await expect.poll(() => runState(page, 'createOrder')).toBe('completed');
    expect(await runState(page, 'reserveInventory')).toBe('completed');
    expect(['failed', 'retrying', 'active']).toContain(await runState(page, 'chargePayment'));
    const atFailure = Number(/entry (\d+) of/.exec((await position.textContent()) ?? '')?.[1]);
    expect(atFailure).toBeGreaterThan(1);
    await screenshot(page, 'e2e-debugger-replay-first-failure');

    // ← and → on the scrubber move the cursor one entry.
    const scrubber = doc.getByRole('slider', { name: 'Run history' });
    await scrubber.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => position.textContent()).toContain(`entry ${atFailure - 1} of`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => position.textContent()).toContain(`entry ${atFailure + 1} of`);

    // Home goes to the start: nothing has happened yet.
    await page.keyboard.press('Home');
    await expect.poll(() => runState(page, 'createOrder')).toBeNull();

    // Play at 20× to the end: the compensation shows again.
    await doc.getByRole('combobox', { name: 'Replay speed' }).selectOption('20');
    await doc.getByRole('button', { name: 'Play replay' }).click();
    await expect.poll(() => runState(page, 'createOrder'), { timeout: 15_000 }).toBe('compensated');
    await doc.getByRole('button', { name: 'Play replay' }).waitFor({ timeout: 15_000 });

    // Edit the data at the first failure and continue as a new branch: the debugger moves to the
    // branch, and the document's runs list both.
    await doc.getByRole('button', { name: 'First failure' }).click();
    await doc.getByRole('tab', { name: 'Data' }).click();
    const data = doc.getByRole('region', { name: 'Data' });
    await data.getByText(`Instance data at #${atFailure}`).waitFor();
    await expect
      .poll(() => data.getByRole('button', { name: 'Edit data…' }).isEnabled())
      .toBe(true);
    await data.getByRole('button', { name: 'Edit data…' }).click();
    await data.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('{ "orderId": "o-10", "amount": 15 }');
    await data.getByRole('button', { name: 'Continue as new branch' }).click();
    const shownRun = async () => /run-[0-9a-f]{12}/.exec((await status(page)) ?? '')?.[0];
    await expect.poll(async () => [undefined, run.runId].includes(await shownRun())).toBe(false);
    const branch = await shownRun();
    const [forked] = await callHost<RunSummary[]>(session, 'runs.list', { query: branch });
    expect(forked).toMatchObject({ parentRunId: run.runId });
    await doc.getByRole('button', { name: 'Debug' }).click();
    await doc.getByRole('menuitem', { name: new RegExp(`^Open ${run.runId}`) }).waitFor();
    await doc.getByRole('menuitem', { name: new RegExp(`^Open ${branch}`) }).waitFor();
    await page.keyboard.press('Escape');

    // The runs dashboard lists both: the branch names its parent and where it branched off.
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    const runs = page.getByRole('grid', { name: 'Runs' });
    await runs.locator('tbody tr', { hasText: run.runId }).first().waitFor();
    const branchRow = runs.locator('tbody tr', { hasText: branch });
    await branchRow
      .getByRole('button', {
        name: new RegExp(`branch of ${run.runId} at #${forked?.forkedAtSeq}`),
      })
      .waitFor();
    expect(await runs.locator('tbody tr', { hasText: run.runId }).count()).toBe(2);
    await screenshot(page, 'e2e-debugger-branch-in-dashboard');
    await page.getByRole('button', { name: 'Back to documents' }).click();
  });

  it('shows a choreography run with a consumer down: the backlog grows while it is down and drains when it returns', async () => {
    const page = await openApp(session);
    const map = await importExample(page, 'choreography-saga.json', 'Choreography saga');
    const run = await startRun(
      map.id,
      {
        input: { orderId: 'o-1', amount: 120, items: [{ sku: 'a', quantity: 1 }] },
        // More orders arrive while Payment is down; the real-time clock lets the backlog be seen.
        events: [300, 600, 900].map((atMs, index) => ({
          type: 'OrderCreated',
          atMs,
          payload: { orderId: `o-${index + 2}`, amount: 10 },
        })),
        down: { Payment: [{ fromMs: 0, toMs: 4_000 }] },
        clock: { mode: 'real', speed: 1 },
      },
      'run',
    );
    await openRunFromMenu(page, run.runId);
    const backlog = node(page, 'payment').locator('.queue-badge');
    const depth = async () => {
      const label = await backlog.getAttribute('aria-label', { timeout: 100 }).catch(() => null);
      return label ? Number(/: (\d+) queued/.exec(label)?.[1] ?? 0) : 0;
    };
    // Growing while Payment is down…
    await expect.poll(depth, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await node(page, 'payment')
      .getByRole('status', { name: /Payment: \d+ queued, consumer down/ })
      .waitFor();
    await screenshot(page, 'e2e-debugger-map-backlog');
    await canvasScreenshot(page, 'e2e-debugger-map-backlog-canvas');
    // …events shown moving along the connection to Payment…
    expect(await front(page).locator('.run-event-dot').count()).toBeGreaterThan(0);
    // …and draining once it returns.
    await expect.poll(depth, { timeout: 15_000 }).toBe(0);
    await expect.poll(() => status(page), { timeout: 15_000 }).toContain('Completed');
    // The broker saw Payment's backlog at its deepest; the sequence diagram shows the events.
    await front(page).getByRole('tab', { name: 'Sequence' }).click();
    await front(page).getByRole('region', { name: 'Sequence' }).waitFor();
    await screenshot(page, 'e2e-debugger-map-sequence');
  });

  it('debugs the draft from the Debug menu: run to here, next outcome, a conditional breakpoint, publishing by hand, stop', async () => {
    const page = await openApp(session);
    await importExample(page, 'order-saga.json', 'Order saga');
    const doc = front(page);
    const toolbar = doc.getByRole('toolbar', { name: 'Debugger' });
    await node(page, 'chargePayment').click();
    await page.keyboard.press('F9');

    await doc.getByRole('button', { name: 'Debug' }).click();
    await doc.getByRole('menuitem', { name: 'Debug the draft' }).click();
    await expect.poll(() => status(page)).toContain('Paused before the first step');

    // Run to here, on the selected element.
    await node(page, 'reserveInventory').click();
    await toolbar.getByRole('button', { name: 'Run to here' }).click();
    await expect.poll(() => status(page)).toMatch(/Paused.*Reserve inventory/);

    // "What if payment fails now?" on the selected service task.
    await node(page, 'chargePayment').click();
    await toolbar
      .getByRole('combobox', { name: 'Next outcome of Charge payment' })
      .selectOption('fail');
    await toolbar.getByRole('button', { name: 'Set next outcome' }).click();
    await toolbar
      .getByRole('status')
      .filter({ hasText: 'Charge payment will fail next' })
      .waitFor();

    // A condition on the breakpoint: a syntax error is named and cannot be saved.
    await toolbar.getByRole('button', { name: /^Breakpoints/ }).click();
    const popover = doc.getByRole('dialog', { name: 'Breakpoints' });
    const row = popover.getByRole('listitem', { name: 'Breakpoint: Charge payment' });
    await row.getByRole('button', { name: 'Condition…' }).click();
    const condition = row.getByRole('textbox', { name: 'Condition for Charge payment (JSONata)' });
    await condition.fill('data.amount >');
    await row.getByRole('alert').waitFor();
    expect(await row.getByRole('button', { name: 'Save condition' }).isDisabled()).toBe(true);
    await condition.fill('data.amount > 100');
    await row.getByRole('button', { name: 'Save condition' }).click();
    await row.getByText('when data.amount > 100').waitFor();
    await popover.getByRole('button', { name: 'Close' }).click();

    // A breakpoint on a connection, from its gutter dot on the canvas.
    await doc
      .getByRole('button', { name: 'Set breakpoint on Charge payment → Ship order' })
      .click();
    await doc
      .getByRole('button', { name: 'Remove breakpoint on Charge payment → Ship order' })
      .waitFor();
    await toolbar.getByRole('button', { name: 'Breakpoints (2)' }).waitFor();

    // Publishing by hand: a payload that is not JSON is refused with a reason.
    await toolbar.getByRole('button', { name: 'Publish event…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish an event' });
    await dialog.getByRole('combobox', { name: 'Event type' }).fill('OrderPlaced');
    await dialog.getByRole('textbox', { name: 'Payload (JSON)' }).fill('{ "orderId": ');
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'The payload is not JSON' }).waitFor();
    await dialog
      .getByRole('textbox', { name: 'Payload (JSON)' })
      .fill('{ "orderId": "o-by-hand" }');
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Step to the next element (F11), then stop (Shift+F5).
    const position = doc.getByRole('status', { name: 'Replay position' });
    const before = await position.textContent();
    await page.keyboard.press('F11');
    await expect.poll(() => position.textContent()).not.toBe(before);
    await page.keyboard.press('Shift+F5');
    await expect.poll(() => status(page)).toContain('Stopped');
    expect(await toolbar.getByRole('button', { name: 'Continue' }).isDisabled()).toBe(true);
  });

  it('stops a map at an event-type breakpoint added from the list of its event types', async () => {
    const page = await openApp(session);
    await importExample(page, 'choreography-saga.json', 'Choreography saga');
    const doc = front(page);
    await doc.getByRole('button', { name: 'Debug' }).click();
    await doc.getByRole('menuitem', { name: 'Debug the draft' }).click();
    await expect.poll(() => status(page)).toContain('Paused before the first step');

    const toolbar = doc.getByRole('toolbar', { name: 'Debugger' });
    await toolbar.getByRole('button', { name: /^Breakpoints/ }).click();
    const popover = doc.getByRole('dialog', { name: 'Breakpoints' });
    await popover
      .getByRole('combobox', { name: 'Break on event' })
      .selectOption('PaymentCompleted');
    await popover.getByRole('button', { name: 'Add' }).click();
    await popover.getByRole('listitem', { name: 'Breakpoint: Event PaymentCompleted' }).waitFor();
    await popover.getByRole('button', { name: 'Close' }).click();

    await toolbar.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => status(page), { timeout: 10_000 })
      .toContain('Paused at breakpoint on event PaymentCompleted');
    await toolbar.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toContain('Completed');
  });
});
