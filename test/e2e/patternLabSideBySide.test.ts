import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callHost, front, openApp, screenshot, startSession, type Session } from './harness';

const example = join(process.cwd(), 'assets/examples/order-saga.json');

interface Listed {
  readonly id: string;
  readonly name: string;
}

describe('the pattern lab: the order saga and its derived map side by side, highlighted together (Chromium)', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('highlights the mapped map elements for a flow selection, selects the flow element for a click in the pane, and drops the link with the map', async () => {
    const page = await openApp(session);

    // Given the order saga with its choreography map derived from the Pattern lab menu
    await page.getByLabel('Baton JSON or BPMN file to import').setInputFiles(example);
    await page.getByRole('heading', { name: 'Order saga', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Pattern lab' }).click();
    await page.getByRole('menuitem', { name: 'Derive choreography map' }).click();
    const report = page.getByRole('dialog', { name: 'Derived “Order saga (choreography)”' });
    await report.waitFor();
    await report.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('tab', { name: /^Order saga$/ }).click();
    await front(page).getByRole('heading', { name: 'Order saga', level: 1 }).waitFor();

    // When the map is shown side by side from the menu
    await front(page).getByRole('button', { name: 'Pattern lab' }).click();
    await page
      .getByRole('menuitem', { name: 'Show Order saga (choreography) side by side' })
      .click();
    const pane = front(page).getByRole('complementary', {
      name: 'Order saga (choreography) side by side',
    });
    await pane.getByRole('heading', { name: 'Order saga (choreography)' }).waitFor();
    const paneNode = (id: string) => pane.locator(`.react-flow__node[data-id="${id}"]`);
    await paneNode('payment').waitFor();
    const canvasNode = (id: string) =>
      front(page).locator(`.canvas-column .react-flow__node[data-id="${id}"]`);

    // And "Charge payment" is clicked on the flow canvas (fitted, still legible, beside the pane)
    await canvasNode('chargePayment').click();

    // Then the Payment service and its events are highlighted in the pane, and nothing else
    await expect.poll(() => paneNode('payment').getAttribute('class')).toMatch(/\bis-linked\b/);
    for (const id of ['paymentCharged', 'paymentFailed', 'paymentRefunded'])
      expect(await paneNode(id).getAttribute('class')).toMatch(/\bis-linked\b/);
    expect(await paneNode('inventory').getAttribute('class')).not.toMatch(/\bis-linked\b/);
    expect(await pane.getByRole('status').textContent()).toMatch(/highlighted/);
    // And the pane brought them into view
    const paneBox = await pane.locator('.react-flow').boundingBox();
    const paymentBox = await paneNode('payment').boundingBox();
    expect(paneBox && paymentBox).toBeTruthy();
    expect(paymentBox!.x).toBeGreaterThanOrEqual(paneBox!.x);
    expect(paymentBox!.x + paymentBox!.width).toBeLessThanOrEqual(paneBox!.x + paneBox!.width);
    await page.waitForTimeout(400); // the pan's animation, for the screenshot
    await screenshot(page, 'e2e-pattern-lab-side-by-side');
    // The outline follows the theme: the pane's React Flow draws dark too
    await page.getByRole('group', { name: 'Theme' }).getByText('Dark').click();
    await expect.poll(() => pane.locator('.react-flow').getAttribute('class')).toContain('dark');
    await screenshot(page, 'e2e-pattern-lab-side-by-side-dark');
    await page.getByRole('group', { name: 'Theme' }).getByText('Light').click();

    // When the whole map is fitted in the pane and its Inventory service clicked
    await pane.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(300);
    await paneNode('inventory').click();

    // Then "Reserve inventory" is selected on the flow canvas and Inventory is highlighted
    await expect
      .poll(() => canvasNode('reserveInventory').getAttribute('class'))
      .toMatch(/\bselected\b/);
    expect(await canvasNode('chargePayment').getAttribute('class')).not.toMatch(/\bselected\b/);
    expect(await paneNode('inventory').getAttribute('class')).toMatch(/\bis-linked\b/);
    expect(await paneNode('payment').getAttribute('class')).not.toMatch(/\bis-linked\b/);

    // When the flow's note, which has no counterpart, is selected
    await front(page).locator('.canvas-column .react-flow__controls-fitview').click();
    await page.waitForTimeout(300);
    await canvasNode('pivotNote').click();
    await pane.getByRole('status').filter({ hasText: 'No counterpart for this element' }).waitFor();

    // When Escape is pressed in the pane, it closes; the menu opens it again
    await pane.getByRole('heading', { name: 'Order saga (choreography)' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => pane.count()).toBe(0);
    await front(page).getByRole('button', { name: 'Pattern lab' }).click();
    await page
      .getByRole('menuitem', { name: 'Show Order saga (choreography) side by side' })
      .click();
    await pane.waitFor();

    // When the saga is debugged with the pane open, both work: the debugger's toolbar and run
    // marks on the canvas, the outline in the pane (which shows no run marks of its own)
    const listedFlows = await callHost<Listed[]>(session, 'workflows.list', {
      query: 'Order saga',
    });
    const saga = listedFlows.find((w) => w.name === 'Order saga')!;
    const run = await callHost<{ runId: string }>(session, 'runs.start', {
      id: saga.id,
      scenario: { seed: 3 },
      mode: 'debug',
    });
    await front(page).getByRole('button', { name: 'Debug' }).click();
    await front(page)
      .getByRole('menuitem', { name: new RegExp(`^Open ${run.runId}`) })
      .click();
    await front(page).getByRole('toolbar', { name: 'Debugger' }).waitFor();
    await pane.waitFor();
    // The canvas is short while debugging: fold the legend and fit the diagram to reach the task
    await front(page).locator('.canvas-column summary', { hasText: 'Legend' }).click();
    await front(page).locator('.canvas-column .react-flow__controls-fitview').click();
    await page.waitForTimeout(300);
    await canvasNode('chargePayment').click();
    await expect.poll(() => paneNode('payment').getAttribute('class')).toMatch(/\bis-linked\b/);
    expect(await pane.locator('[data-run-state]').count()).toBe(0);
    await front(page).getByRole('button', { name: 'Back to editing' }).click();
    await front(page).getByRole('toolbar', { name: 'Debugger' }).waitFor({ state: 'detached' });

    // When the saga is presented with the pane open, the presentation takes the window and
    // Escape leaves it, not the pane
    await front(page).getByRole('button', { name: 'Present' }).click();
    const presentation = page.getByRole('dialog', { name: 'Presenting Order saga' });
    await presentation.waitFor();
    await page.keyboard.press('Escape');
    await presentation.waitFor({ state: 'detached' });
    expect(await pane.count()).toBe(1);

    // When the derived map is deleted, the pane closes and the menu no longer offers it
    const listed = await callHost<Listed[]>(session, 'workflows.list', {});
    const map = listed.find((w) => w.name === 'Order saga (choreography)');
    await callHost(session, 'workflows.delete', { id: map!.id });
    await expect.poll(() => pane.count()).toBe(0);
    await front(page).getByRole('button', { name: 'Pattern lab' }).click();
    await page.getByRole('menuitem', { name: 'Compare with…' }).waitFor();
    expect(await page.getByRole('menuitem', { name: /side by side/ }).count()).toBe(0);
  }, 120_000);
});
