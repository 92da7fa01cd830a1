import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dragFromPalette,
  front,
  openApp,
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

const node = (page: Page, id: string) => front(page).locator(`.react-flow__node[data-id="${id}"]`);
const elementCount = (page: Page) => front(page).locator('.react-flow__node').count();
const canvasWidth = async (page: Page) =>
  (await front(page).locator('.react-flow').boundingBox())?.width ?? 0;

async function importOrderSaga(page: Page) {
  await page
    .getByLabel('Baton JSON or BPMN file to import')
    .setInputFiles('assets/examples/order-saga.json');
  await page.getByRole('heading', { name: 'Order saga', level: 1 }).waitFor();
  await node(page, 'createOrder').waitFor();
}

describe('canvas gestures and panels in Chromium', () => {
  it('selects a box of elements with Shift and a drag, deletes them, and undoes it', async () => {
    const page = await openApp(session);
    await importOrderSaga(page);
    const before = await elementCount(page);

    // A box from above-left of "Create order" to below-right of "Charge payment".
    const first = await node(page, 'createOrder').boundingBox();
    const last = await node(page, 'chargePayment').boundingBox();
    if (!first || !last) throw new Error('the order saga is not drawn');
    await page.keyboard.down('Shift');
    await page.mouse.move(first.x - 12, first.y - 30);
    await page.mouse.down();
    await page.mouse.move(last.x + last.width + 12, last.y + last.height + 30, { steps: 12 });
    await page.mouse.up();
    await page.keyboard.up('Shift');

    const properties = page.getByRole('complementary', { name: 'Properties' });
    await properties.getByRole('heading', { name: /items selected/ }).waitFor();
    // The three tasks and the two connections between them, nothing else (not the connections
    // leading out of the box).
    await expect
      .poll(() => properties.getByRole('heading', { level: 2 }).textContent())
      .toBe('5 items selected');
    for (const id of ['createOrder', 'reserveInventory', 'chargePayment']) {
      await expect.poll(() => node(page, id).getAttribute('class')).toContain('selected');
    }
    expect(await node(page, 'orderPlaced').getAttribute('class')).not.toContain('selected');

    await page.keyboard.press('Delete');
    await expect.poll(() => elementCount(page)).toBe(before - 3);
    await page.keyboard.press('Control+z');
    await expect.poll(() => elementCount(page)).toBe(before);
    await waitForSaved(page);
  });

  it('nudges the selection with the arrow keys as undoable moves, selects all and none', async () => {
    const page = session.page;
    const x = async () => (await node(page, 'createOrder').boundingBox())?.x ?? NaN;
    await node(page, 'createOrder').click();
    const start = await x();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(x).toBeGreaterThan(start + 5);
    const nudged = await x();
    // Recorded in the document: one undo takes back one nudge.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(x).toBeLessThan(nudged);
    await expect.poll(x).toBeGreaterThan(start);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(x).toBeCloseTo(start, 0);

    const properties = page.getByRole('complementary', { name: 'Properties' });
    await page.keyboard.press('Control+a');
    await properties.getByRole('heading', { name: '14 items selected' }).waitFor();
    await page.keyboard.press('Escape');
    await properties.getByText('Select an element to edit its properties.').waitFor();
    expect(await front(page).locator('.react-flow__node.selected').count()).toBe(0);
  });

  it('marks where a connection being drawn may end, and dims where it may not', async () => {
    const page = session.page;
    const handle = await front(page)
      .locator('.react-flow__node[data-id="shipOrder"] .handle-source')
      .boundingBox();
    if (!handle) throw new Error('no handle on "Ship order"');
    const connections = await front(page).locator('.react-flow__edge').count();
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + 40, handle.y + 160, { steps: 8 });
    // Backwards to a task is allowed; a start event, an element already connected from here,
    // and a note are not.
    await expect
      .poll(() => node(page, 'createOrder').getAttribute('class'))
      .toContain('is-connect-allowed');
    for (const id of ['orderPlaced', 'notifyCustomer', 'pivotNote']) {
      expect(await node(page, id).getAttribute('class')).toContain('is-connect-forbidden');
    }
    expect(await node(page, 'shipOrder').getAttribute('class')).not.toMatch(/is-connect/);
    await screenshot(page, 'e2e-connect-feedback');
    // Let go on empty canvas: nothing is connected and the marks go.
    await page.mouse.up();
    await expect.poll(() => front(page).locator('.is-connect-allowed').count()).toBe(0);
    expect(await front(page).locator('.is-connect-forbidden').count()).toBe(0);
    expect(await front(page).locator('.react-flow__edge').count()).toBe(connections);
  });

  it('folds the panels from the keyboard to give the canvas room, and remembers it', async () => {
    const page = session.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    const narrow = await canvasWidth(page);

    await page.keyboard.press('Control+b');
    await page.keyboard.press('Control+Alt+b');
    await page.keyboard.press('Control+Alt+p');
    await page.keyboard.press('Control+j');
    await page.getByRole('complementary', { name: 'Properties (folded)' }).waitFor();
    await page.locator('nav.sidebar-rail').waitFor();
    await front(page).locator('.palette.is-compact').waitFor();
    expect(await front(page).getByText('No problems').count()).toBe(0);
    // The canvas takes what the panels gave up: the list, the properties and the palette names.
    await expect.poll(() => canvasWidth(page)).toBeGreaterThan(narrow + 600);
    await screenshot(page, 'e2e-panels-folded');

    // The compact palette still draws: its buttons keep their names.
    const count = await elementCount(page);
    await dragFromPalette(page, 'Timer', { x: 300, y: 120 });
    await expect.poll(() => elementCount(page)).toBe(count + 1);
    await waitForSaved(page);

    // Remembered after a reload.
    await page.reload();
    await page.locator('.app[data-ready]').waitFor();
    await page.locator('nav.sidebar-rail').waitFor();

    // The toggles show each panel again.
    await page.getByRole('button', { name: 'Show flows and maps' }).click();
    await page.getByRole('button', { name: 'Order saga (flow)' }).click();
    await page.getByRole('button', { name: 'Show properties' }).click();
    await page.getByRole('button', { name: 'Show palette names' }).click();
    await page.getByRole('button', { name: 'Show problems' }).click();
    await page.getByRole('complementary', { name: 'Properties' }).waitFor();
    await front(page)
      .getByText(/No problems|errors?,/)
      .first()
      .waitFor();
    await expect.poll(() => canvasWidth(page)).toBeLessThan(narrow + 10);
  });
});
