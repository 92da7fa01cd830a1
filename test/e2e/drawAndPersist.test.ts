import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectByDrag,
  dragFromPalette,
  openApp,
  screenshot,
  startSession,
  waitForSaved,
  type Session,
  front,
} from './harness';

describe('drawing a flow and finding it again', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('creates a flow, drags two elements, connects them by mouse, and keeps them across reload and restart', async () => {
    // Given an empty workspace
    const page = await openApp(session);
    await expect.poll(() => page.getByText('Draw your first workflow').count()).toBe(1);

    // When the user creates a flow and drags a start event and a service task onto the canvas
    await page.getByRole('button', { name: 'New flow' }).first().click();
    await page.getByRole('heading', { name: 'Untitled flow', level: 1 }).waitFor();
    await dragFromPalette(page, 'Start', { x: 160, y: 260 });
    await dragFromPalette(page, 'Service task', { x: 460, y: 260 });
    await expect.poll(() => front(page).locator('.react-flow__node').count()).toBe(2);

    // And connects them by dragging from the start event's handle to the task's handle
    await connectByDrag(page, 'start_1', 'serviceTask_1');
    await expect.poll(() => front(page).locator('.react-flow__edge').count()).toBe(1);
    await waitForSaved(page);
    await screenshot(page, 'e2e-draw-and-persist');

    // Then after a reload the flow is open again with both elements and the connection
    await page.reload();
    await page.locator('.app[data-ready]').waitFor();
    await page.getByRole('heading', { name: 'Untitled flow', level: 1 }).waitFor();
    await expect.poll(() => front(page).locator('.react-flow__node').count()).toBe(2);
    expect(await front(page).locator('.react-flow__edge').count()).toBe(1);

    // And after the host is stopped with Ctrl+C and started again, everything is still there
    await session.restartHost();
    await openApp(session);
    await page.getByRole('button', { name: 'Untitled flow (flow)' }).click();
    await expect.poll(() => front(page).locator('.react-flow__node').count()).toBe(2);
    expect(await front(page).locator('.react-flow__edge').count()).toBe(1);
    expect(await front(page).locator('.react-flow__node[data-id="start_1"]').count()).toBe(1);
  });
});
