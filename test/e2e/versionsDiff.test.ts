import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  front,
  openApp,
  resultsDir,
  screenshot,
  startSession,
  waitForSaved,
  type Session,
} from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

describe('versions, comparison and restore in Chromium', () => {
  it('compares version 1 with an edited draft on the canvas, restores it, and undoes the restore', async () => {
    const page = await openApp(session);
    await page
      .getByLabel('Baton JSON or BPMN file to import')
      .setInputFiles('assets/examples/order-saga.json');
    await page.getByRole('heading', { name: 'Order saga', level: 1 }).waitFor();
    const doc = front(page);
    const node = (id: string) => doc.locator(`.react-flow__node[data-id="${id}"]`);

    // Version 1 is the saga as imported.
    await doc.getByRole('button', { name: 'Save version' }).click();
    await page.getByText('Version 1 saved').waitFor();

    // Version 2: "Reserve inventory" deleted, "Charge payment" renamed in place.
    await node('reserveInventory').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => node('reserveInventory').count()).toBe(0);
    await node('chargePayment').dblclick();
    await page.getByRole('textbox', { name: 'Name of Charge payment' }).fill('Charge card');
    await page.keyboard.press('Enter');
    await node('chargePayment').getByText('Charge card').waitFor();
    await waitForSaved(page);
    await doc.getByRole('button', { name: 'Save version' }).click();
    await page.getByText('Version 2 saved').waitFor();

    // History lists both; compare version 1 with the draft.
    await doc.getByRole('button', { name: 'History' }).click();
    const history = doc.getByRole('dialog', { name: 'History' });
    const versionOne = history.getByRole('listitem', { name: /^Version 1\b/ });
    await versionOne.waitFor();
    expect(await history.getByRole('listitem').count()).toBe(2);
    await screenshot(page, 'e2e-versions-history');
    await versionOne.getByRole('button', { name: 'Compare with current' }).click();

    // The removed task is a ghost at its old place, the renamed one is marked changed.
    const ghost = doc.locator('.react-flow__node.diff-removed[data-id="removed:reserveInventory"]');
    await ghost.waitFor();
    await expect.poll(() => ghost.textContent()).toContain('Reserve inventory');
    await node('chargePayment').and(doc.locator('.diff-changed')).waitFor();
    expect(await doc.locator('.react-flow__edge.diff-removed').count()).toBe(2);
    const panel = doc.getByRole('complementary', { name: /^Version 1 compared with the draft$/ });
    const changes = panel.getByRole('list', { name: 'Changes' });
    await changes.getByText('Reserve inventory', { exact: true }).waitFor();
    await changes.getByRole('button', { name: 'Charge card' }).waitFor();
    await changes.getByText('name "Charge payment" → "Charge card"').waitFor();
    await screenshot(page, 'e2e-versions-compare');
    // A closer look at the canvas for the record: the diagram fits a narrow canvas very small.
    await doc.locator('.react-flow__controls-zoomin').click();
    await doc.locator('.react-flow__controls-zoomin').click();
    await doc
      .locator('.canvas')
      .screenshot({ path: `${resultsDir}/e2e-versions-compare-canvas.png` });

    // Comparing is read-only: a double-click does not start renaming.
    await node('createOrder').dblclick();
    expect(await page.getByRole('textbox', { name: 'Name of Create order' }).count()).toBe(0);

    // Restoring version 1 brings the task back and ends the comparison.
    await panel.getByRole('button', { name: 'Restore version 1' }).click();
    await node('reserveInventory').waitFor();
    await node('chargePayment').getByText('Charge payment').waitFor();
    expect(await doc.locator('.diff-removed, .diff-changed').count()).toBe(0);
    expect(await panel.count()).toBe(0);
    await waitForSaved(page);
    await screenshot(page, 'e2e-versions-restored');

    // Undo is one step back to version 2's content.
    await doc.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => node('reserveInventory').count()).toBe(0);
    await node('chargePayment').getByText('Charge card').waitFor();
    await waitForSaved(page);
  });
});
