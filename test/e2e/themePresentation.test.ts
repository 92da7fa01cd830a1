import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { front, openApp, screenshot, startSession, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const ORDER_SAGA_IDS = [
  'orderPlaced',
  'createOrder',
  'reserveInventory',
  'chargePayment',
  'shipOrder',
  'notifyCustomer',
  'orderCompleted',
  'pivotNote',
];

describe('themes and presentation mode in Chromium', () => {
  it('switches to dark and remembers it, then presents the order saga step by step', async () => {
    const page = await openApp(session);
    await page
      .getByLabel('Baton JSON or BPMN file to import')
      .setInputFiles('assets/examples/order-saga.json');
    await page.getByRole('heading', { name: 'Order saga', level: 1 }).waitFor();
    const rootBackground = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const sidebarBackground = () =>
      page
        .getByRole('navigation', { name: 'Workspace' })
        .evaluate((sidebar) => getComputedStyle(sidebar).backgroundColor);
    const lightBackground = await rootBackground();
    const lightSidebar = await sidebarBackground();

    // Dark: the window's background changes, and React Flow draws in its dark mode too.
    const themes = page.getByRole('group', { name: 'Theme' });
    await themes.getByText('Dark').click();
    await expect.poll(rootBackground).not.toBe(lightBackground);
    await expect
      .poll(() => front(page).locator('.react-flow').getAttribute('class'))
      .toContain('dark');
    const darkBackground = await rootBackground();
    expect(await sidebarBackground()).not.toBe(lightSidebar);
    await screenshot(page, 'e2e-theme-dark-editor');

    // Remembered: still dark after a reload.
    await page.reload();
    await page.locator('.app[data-ready]').waitFor();
    expect(await rootBackground()).toBe(darkBackground);
    expect(await themes.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);

    // Present: the caption follows the flow; → three times is the fourth step.
    await page.getByRole('heading', { name: 'Order saga', level: 1 }).waitFor();
    await front(page).getByRole('button', { name: 'Present' }).click();
    const presentation = page.getByRole('dialog', { name: 'Presenting Order saga' });
    await presentation.getByRole('heading', { name: 'Order placed', level: 2 }).waitFor();
    for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowRight');
    await presentation.getByRole('heading', { name: 'Charge payment', level: 2 }).waitFor();
    // "Step" is there for screen readers only.
    expect(await presentation.getByRole('status').innerText()).toMatch(/^(Step\s+)?4 \/ 7$/);
    expect(await presentation.getByText('Service task: calls Payment.charge').isVisible()).toBe(
      true,
    );

    // Business names only, no handles, and the step shown is the highlighted one.
    const shownText = await presentation.innerText();
    expect(ORDER_SAGA_IDS.filter((id) => shownText.includes(id))).toEqual([]);
    const handles = presentation.locator('.react-flow__handle');
    expect(await handles.count()).toBeGreaterThan(0);
    for (const handle of await handles.all()) expect(await handle.isVisible()).toBe(false);
    await expect
      .poll(() => presentation.locator('.react-flow__node.is-current').getAttribute('data-id'))
      .toBe('chargePayment');
    // Give the camera its glide to the step before the picture is taken.
    await page.waitForTimeout(600);
    await screenshot(page, 'e2e-presentation-step');

    // Escape returns to the editor, its palette and canvas.
    await page.keyboard.press('Escape');
    await presentation.waitFor({ state: 'detached' });
    await page.getByRole('complementary', { name: 'Palette' }).waitFor();
    await front(page).locator('.react-flow__node[data-id="chargePayment"]').waitFor();
  });
});
