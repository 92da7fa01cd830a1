import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { front, openApp, screenshot, startSession, waitForSaved, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

describe('the designer’s panels in Chromium', () => {
  it('edits a selected task in the properties panel and shows, and takes the user to, problems as they appear', async () => {
    const page = await openApp(session);
    await page
      .getByLabel('Baton JSON file to import')
      .setInputFiles('assets/examples/order-saga.json');
    await page.getByRole('heading', { name: 'Order saga', level: 1, level: 1 }).waitFor();
    const problems = page.getByRole('region', { name: 'Problems' });
    await problems.getByText('No problems').waitFor();

    // Select "Charge payment": its form shows its service, operation and timeout.
    await front(page).locator('.react-flow__node[data-id="chargePayment"]').click();
    const properties = page.getByRole('complementary', { name: 'Properties' });
    await properties.getByRole('textbox', { name: 'Name' }).waitFor();
    await expect
      .poll(() => properties.getByRole('textbox', { name: 'Name' }).inputValue())
      .toBe('Charge payment');
    await screenshot(page, 'e2e-properties-panel');

    // Removing the timeout makes a problem appear: listed in the panel and marked on the task.
    const timeout = properties.getByRole('textbox', { name: /^Timeout/ }).first();
    await timeout.fill('');
    await timeout.press('Enter');
    await problems.getByRole('button', { name: /FLOW301.*Charge payment/ }).waitFor();
    await front(page)
      .locator('.react-flow__node[data-id="chargePayment"] .problem-badge')
      .waitFor();
    await waitForSaved(page);
    await screenshot(page, 'e2e-problems-panel');

    // Clicking the problem selects the task again after another selection.
    await front(page).locator('.react-flow__node[data-id="createOrder"]').click();
    await problems.getByRole('button', { name: /FLOW301.*Charge payment/ }).click();
    await expect
      .poll(() => front(page).locator('.react-flow__node.selected').getAttribute('data-id'))
      .toBe('chargePayment');

    // Undo brings the timeout back and the problem goes.
    await front(page)
      .locator('.react-flow__pane')
      .click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('Control+z');
    await problems.getByText('No problems').waitFor();
  });
});
