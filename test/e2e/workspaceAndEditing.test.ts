import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectByDrag,
  createDocument,
  dragFromPalette,
  openApp,
  startSession,
  waitForSaved,
  type Session,
  front,
} from './harness';

describe('managing the workspace and editing in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('creates, renames, duplicates, searches and deletes (with confirmation) flows and maps', async () => {
    const page = await openApp(session);
    const list = page.getByRole('list', { name: 'Flows and maps' });

    await page.getByRole('button', { name: 'New flow' }).first().click();
    await page.getByRole('heading', { name: 'Untitled flow', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New map' }).first().click();
    await page.getByRole('heading', { name: 'Untitled map', level: 1 }).waitFor();
    expect(
      await page
        .getByRole('complementary', { name: 'Palette' })
        .getByRole('group', { name: 'Elements to draw' })
        .getByRole('button')
        .allTextContents(),
    ).toEqual(['Service', 'Event']);

    // In a map, services publish events and events reach services: service → service is refused
    await dragFromPalette(page, 'Service', { x: 120, y: 120 });
    await dragFromPalette(page, 'Service', { x: 520, y: 120 });
    await dragFromPalette(page, 'Event', { x: 320, y: 320 });
    await expect.poll(() => front(page).locator('.react-flow__node').count()).toBe(3);
    await connectByDrag(page, 'service_1', 'service_2');
    await page.waitForTimeout(300);
    expect(await front(page).locator('.react-flow__edge').count()).toBe(0);
    await connectByDrag(page, 'service_1', 'event_1');
    await connectByDrag(page, 'event_1', 'service_2');
    await expect.poll(() => front(page).locator('.react-flow__edge').count()).toBe(2);

    // Rename by double-click, typing and Enter
    await list.getByRole('button', { name: 'Untitled flow (flow)' }).dblclick();
    const nameField = page.getByRole('textbox', { name: 'New name for Untitled flow' });
    await nameField.fill('Order saga');
    await nameField.press('Enter');
    await list.getByRole('button', { name: 'Order saga (flow)' }).waitFor();

    // Duplicate opens the copy
    await list.getByRole('listitem').filter({ hasText: 'Order saga' }).hover();
    await list.getByRole('button', { name: 'Duplicate Order saga' }).click();
    await page.getByRole('heading', { name: 'Order saga (copy)', level: 1 }).waitFor();

    // Search narrows the list
    await page.getByRole('searchbox', { name: 'Search flows and maps' }).fill('saga');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await page.getByRole('searchbox', { name: 'Search flows and maps' }).fill('nothing like this');
    await page.getByText('Nothing is named like').waitFor();
    await page.getByRole('searchbox', { name: 'Search flows and maps' }).fill('');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(3);

    // Delete asks first; Cancel keeps it, Delete removes it
    await list.getByRole('listitem').filter({ hasText: 'Untitled map' }).hover();
    await list.getByRole('button', { name: 'Delete Untitled map' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Untitled map”?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(3);
    await list.getByRole('button', { name: 'Delete Untitled map' }).click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
  });

  it('places by click and keyboard, refuses a forbidden connection, undoes, redoes and saves a version', async () => {
    const page = await openApp(session);
    await createDocument(page, 'flow');
    const palette = front(page).getByRole('complementary', { name: 'Palette' });

    // Click-to-place: pick "End" in the palette, then click the canvas
    await palette.getByRole('button', { name: 'End', exact: true }).click();
    await front(page)
      .locator('.react-flow__pane')
      .click({ position: { x: 500, y: 300 } });
    await front(page).locator('.react-flow__node[data-id="end_1"]').waitFor();

    // Keyboard: Enter on a palette item adds it in the middle of the view
    await palette.getByRole('button', { name: 'User task', exact: true }).press('Enter');
    await front(page).locator('.react-flow__node[data-id="userTask_1"]').waitFor();
    await dragFromPalette(page, 'Start', { x: 120, y: 120 });
    await front(page).locator('.react-flow__node[data-id="start_1"]').waitFor();

    // Double-click renames an element in place
    await front(page).locator('.react-flow__node[data-id="userTask_1"]').dblclick();
    await page.getByRole('textbox', { name: 'Name of User task' }).fill('Manager approval');
    await page.keyboard.press('Enter');
    await page
      .locator('.react-flow__node[data-id="userTask_1"]')
      .getByText('Manager approval')
      .waitFor();

    // The same connection twice is refused: the second drag connects nothing
    await connectByDrag(page, 'userTask_1', 'end_1');
    await expect.poll(() => front(page).locator('.react-flow__edge').count()).toBe(1);
    await connectByDrag(page, 'userTask_1', 'end_1');
    await page.waitForTimeout(300);
    expect(await front(page).locator('.react-flow__edge').count()).toBe(1);

    // Moving a node is one undoable step; undo and redo with the keyboard
    const node = front(page).locator('.react-flow__node[data-id="end_1"]');
    const before = await node.boundingBox();
    if (!before) throw new Error('end_1 not on screen');
    await page.mouse.move(before.x + before.width / 2, before.y + 5);
    await page.mouse.down();
    await page.mouse.move(before.x + before.width / 2 + 120, before.y + 85, { steps: 12 });
    await page.mouse.up();
    await expect.poll(async () => (await node.boundingBox())?.x).toBeGreaterThan(before.x + 80);
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => Math.round((await node.boundingBox())?.x ?? 0))
      .toBe(Math.round(before.x));
    await page.keyboard.press('Control+y');
    await expect.poll(async () => (await node.boundingBox())?.x).toBeGreaterThan(before.x + 80);

    // Delete the selected node with the Delete key: its connection goes with it; undo brings both back
    await node.click();
    await page.keyboard.press('Delete');
    await expect.poll(() => front(page).locator('.react-flow__node').count()).toBe(2);
    expect(await front(page).locator('.react-flow__edge').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => front(page).locator('.react-flow__edge').count()).toBe(1);

    // Save version stores an immutable version
    await waitForSaved(page);
    await page.getByRole('button', { name: 'Save version' }).click();
    await page.getByText('Version 1 saved').waitFor();
    await page.keyboard.press('Control+s');
    await page.getByText('Version 2 saved').waitFor();
  });
});
