import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectByDrag,
  createDocument,
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

const nodes = (page: Awaited<ReturnType<typeof openApp>>) =>
  front(page).locator('.react-flow__node');
const edges = (page: Awaited<ReturnType<typeof openApp>>) =>
  front(page).locator('.react-flow__edge');

describe('documents in tabs', () => {
  it('copies elements in one tab and pastes them, connected, into another; undo takes the paste back in one step', async () => {
    const page = await openApp(session);
    await page.getByRole('button', { name: 'New flow' }).first().click();
    await page.getByRole('heading', { name: 'Untitled flow', level: 1 }).waitFor();
    await dragFromPalette(page, 'Start', { x: 150, y: 150 });
    await dragFromPalette(page, 'Service task', { x: 400, y: 150 });
    await connectByDrag(page, 'start_1', 'serviceTask_1');
    await expect.poll(() => edges(page).count()).toBe(1);
    await waitForSaved(page);

    await page.getByRole('button', { name: 'New flow' }).first().click();
    await page.getByRole('heading', { name: 'Untitled flow 2', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('tab').count()).toBe(2);

    // Back to the first tab: select both elements (shift-click) and copy.
    await page.getByRole('tab', { name: 'Untitled flow', exact: true }).click();
    await front(page).locator('.react-flow__node[data-id="start_1"]').click();
    await front(page)
      .locator('.react-flow__node[data-id="serviceTask_1"]')
      .click({ modifiers: ['Shift'] });
    await expect.poll(() => front(page).locator('.react-flow__node.selected').count()).toBe(2);
    await page.keyboard.press('Control+c');

    // Paste into the second tab.
    await page.getByRole('tab', { name: 'Untitled flow 2' }).click();
    await page.getByRole('heading', { name: 'Untitled flow 2', level: 1 }).waitFor();
    await front(page)
      .locator('.react-flow__pane')
      .click({ position: { x: 600, y: 400 } });
    await page.keyboard.press('Control+v');
    await expect.poll(() => nodes(page).count()).toBe(2);
    await expect.poll(() => edges(page).count()).toBe(1);
    await waitForSaved(page);
    await screenshot(page, 'e2e-tabs-paste');

    // One undo takes the whole paste back, and redo puts it back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodes(page).count()).toBe(0);
    await page.keyboard.press('Control+y');
    await expect.poll(() => nodes(page).count()).toBe(2);
    await waitForSaved(page);

    // The paste is stored: after a reload the second flow has both elements and their connection,
    // and the first tab is untouched.
    await page.reload();
    await page.locator('.app[data-ready]').waitFor();
    await page.getByRole('tab', { name: 'Untitled flow 2' }).click();
    await expect.poll(() => nodes(page).count()).toBe(2);
    await expect.poll(() => edges(page).count()).toBe(1);
    await page.getByRole('tab', { name: 'Untitled flow', exact: true }).click();
    await expect.poll(() => nodes(page).count()).toBe(2);
  });
});

describe('recovery after a crash', () => {
  it('given a never-versioned flow edited more than a second before the host is killed, then every such edit is there after restart', async () => {
    const page = await openApp(session);
    const name = await createDocument(page, 'flow');
    await dragFromPalette(page, 'Start', { x: 150, y: 200 });
    await dragFromPalette(page, 'User task', { x: 400, y: 200 });
    await connectByDrag(page, 'start_1', 'userTask_1');
    await expect.poll(() => edges(page).count()).toBe(1);
    // No "save version", no waiting for the badge: just more than a second after the last edit.
    await page.waitForTimeout(1_100);
    await session.crashHost();

    await page.goto(session.host.url);
    await page.locator('.app[data-ready]').waitFor();
    // The restarted host has another port, so the browser's memory of open tabs is gone: open the
    // flow from the list, as a person would.
    await page
      .getByRole('list', { name: 'Flows and maps' })
      .getByRole('button', { name: `${name} (flow)` })
      .click();
    await expect.poll(() => nodes(page).count()).toBe(2);
    await expect.poll(() => edges(page).count()).toBe(1);
    await screenshot(page, 'e2e-recovered-after-kill');
  });
});
