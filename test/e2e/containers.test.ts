import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedWorkflow, WorkflowSummary } from '../../src-shared/contract/contract';
import type { Element, WorkflowDocument } from '../../src-shared/model/document';
import {
  dragFromPalette,
  front,
  openApp,
  screenshot,
  startSession,
  waitForSaved,
  callHost,
  type Session,
} from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/** The stored draft once the autosave says everything is stored. */
async function saved(page: Page, workflowId: string): Promise<WorkflowDocument> {
  await waitForSaved(page);
  return (await callHost<OpenedWorkflow>(session, 'workflows.open', { id: workflowId })).document;
}

const elementOf = (doc: WorkflowDocument, id: string): Element | undefined =>
  doc.model.elements.find((element) => element.id === id);

const node = (page: Page, id: string) => front(page).locator(`.react-flow__node[data-id="${id}"]`);

async function boxOf(page: Page, id: string) {
  const box = await node(page, id).boundingBox();
  if (!box) throw new Error(`${id} is not drawn`);
  return box;
}

/** Drags an element by the mouse from its centre by (dx, dy) screen pixels. */
async function dragBy(
  page: Page,
  id: string,
  dx: number,
  dy: number,
  midway?: () => Promise<void>,
) {
  const box = await boxOf(page, id);
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 6 });
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 6 });
  await midway?.();
  await page.mouse.up();
}

/** Drags an element by the mouse from its centre to a point on screen. */
async function dragTo(
  page: Page,
  id: string,
  to: { x: number; y: number },
  midway?: () => Promise<void>,
) {
  const box = await boxOf(page, id);
  await dragBy(page, id, to.x - (box.x + box.width / 2), to.y - (box.y + box.height / 2), midway);
}

describe('containers on the canvas in Chromium', () => {
  it('attaches a boundary event to a task and moves it with the task, puts a dropped task in a sub-process, hides it when the sub-process collapses (undone by Ctrl+Z) and puts a dragged task in a lane', async () => {
    await session.page.setViewportSize({ width: 1920, height: 1080 });
    const page = await openApp(session);
    await page.getByRole('button', { name: 'New flow' }).first().click();
    await page.getByRole('heading', { name: 'Untitled flow', level: 1 }).waitFor();
    const workflows = await callHost<WorkflowSummary[]>(session, 'workflows.list', {});
    const workflowId = workflows.find((workflow) => workflow.name === 'Untitled flow')!.id;

    // Given a lane along the top and a service task under it (an empty flow's view is at 100%,
    // so diagram units are pixels from the pane's corner)
    await dragFromPalette(page, 'Lane', { x: 560, y: 110 });
    await dragFromPalette(page, 'Service task', { x: 300, y: 300 });
    await expect.poll(() => front(page).locator('.react-flow__node').count()).toBe(2);

    // When a boundary event is dropped just inside the task's bottom edge
    await dragFromPalette(page, 'Boundary event', { x: 330, y: 325 });

    // Then it is attached to the task, its centre on the task's bottom border
    let doc = await saved(page, workflowId);
    expect(elementOf(doc, 'boundary_1')).toMatchObject({ attachedTo: 'serviceTask_1' });
    // (dropped 7 above the task's bottom border: its centre moves down onto it)
    const placed = doc.diagram.shapes.serviceTask_1!;
    const attached = doc.diagram.shapes.boundary_1!;
    expect(attached.y + 18).toBe(placed.y + 64);
    expect(attached.x + 18).toBeGreaterThan(placed.x + 80);
    expect(attached.x + 18).toBeLessThan(placed.x + 160);
    const offset = { x: attached.x - placed.x, y: attached.y - placed.y };
    const task = await boxOf(page, 'serviceTask_1');
    const boundary = await boxOf(page, 'boundary_1');
    expect(Math.abs(boundary.y + boundary.height / 2 - (task.y + task.height))).toBeLessThanOrEqual(
      1,
    );
    expect(boundary.x + boundary.width / 2).toBeGreaterThan(task.x + task.width / 2);

    // When the task is dragged, the boundary event follows it during the drag and after
    await dragBy(page, 'serviceTask_1', 120, 40, async () => {
      const during = await boxOf(page, 'boundary_1');
      expect(during.x).toBeGreaterThan(boundary.x + 100);
    });
    doc = await saved(page, workflowId);
    const moved = doc.diagram.shapes.serviceTask_1!;
    expect(moved.x).toBeGreaterThan(300);
    expect(doc.diagram.shapes.boundary_1).toEqual({ x: moved.x + offset.x, y: moved.y + offset.y });

    // Given a sub-process, when a user task is dropped inside it, then the task is in it
    await dragFromPalette(page, 'Sub-process', { x: 720, y: 400 });
    await dragFromPalette(page, 'User task', { x: 660, y: 410 });
    doc = await saved(page, workflowId);
    expect(elementOf(doc, 'userTask_1')).toMatchObject({ parent: 'subProcess_1' });
    expect(elementOf(doc, 'userTask_1')).not.toHaveProperty('lane');

    // When the sub-process is collapsed with its marker, its content is hidden on the canvas
    await node(page, 'subProcess_1').getByRole('button', { name: 'Collapse Sub-process' }).click();
    await expect.poll(() => node(page, 'userTask_1').count()).toBe(0);
    await expect.poll(async () => (await boxOf(page, 'subProcess_1')).width).toBeLessThan(200);
    doc = await saved(page, workflowId);
    expect(doc.diagram.shapes.subProcess_1).toMatchObject({ collapsed: true });

    // And undo shows it again, expanded
    await page.keyboard.press('Control+z');
    await node(page, 'userTask_1').waitFor();
    await expect.poll(async () => (await boxOf(page, 'subProcess_1')).width).toBeGreaterThan(300);
    doc = await saved(page, workflowId);
    expect(doc.diagram.shapes.subProcess_1).not.toHaveProperty('collapsed');

    // When the service task is dragged up into the lane, then it is in the lane, and its
    // boundary event came along in the same step
    await dragBy(page, 'serviceTask_1', 0, -220, async () => {
      // During the drag the lane is marked as where the task will drop
      await expect.poll(() => node(page, 'lane_1').getAttribute('class')).toMatch(/is-drop-target/);
      await screenshot(page, 'e2e-containers-drop-target');
    });
    doc = await saved(page, workflowId);
    expect(await node(page, 'lane_1').getAttribute('class')).not.toMatch(/is-drop-target/);
    expect(elementOf(doc, 'serviceTask_1')).toMatchObject({ lane: 'lane_1' });
    const inLane = doc.diagram.shapes.serviceTask_1!;
    expect(doc.diagram.shapes.boundary_1).toEqual({
      x: inLane.x + offset.x,
      y: inLane.y + offset.y,
    });

    // And one undo takes it out of the lane and back where it was
    await page.keyboard.press('Control+z');
    doc = await saved(page, workflowId);
    expect(elementOf(doc, 'serviceTask_1')).not.toHaveProperty('lane');
    expect(doc.diagram.shapes.serviceTask_1).toEqual(moved);

    await page.keyboard.press('Control+y');

    // When the boundary event is dragged onto the user task's top edge, it sits on that border
    // during the drag, and is attached to the user task when dropped
    const userTask = await boxOf(page, 'userTask_1');
    await dragTo(page, 'boundary_1', { x: userTask.x + 40, y: userTask.y + 8 }, async () => {
      const during = await boxOf(page, 'boundary_1');
      expect(Math.abs(during.y + during.height / 2 - userTask.y)).toBeLessThanOrEqual(1.5);
    });
    doc = await saved(page, workflowId);
    expect(elementOf(doc, 'boundary_1')).toMatchObject({ attachedTo: 'userTask_1' });
    const host = doc.diagram.shapes.userTask_1!;
    expect(doc.diagram.shapes.boundary_1!.y + 18).toBe(host.y);

    // And dropped where no activity is (inside the sub-process, away from its border), it snaps
    // back onto its user task's nearest border: the bottom one
    await dragTo(page, 'boundary_1', { x: userTask.x + 60, y: userTask.y + userTask.height + 40 });
    doc = await saved(page, workflowId);
    expect(elementOf(doc, 'boundary_1')).toMatchObject({ attachedTo: 'userTask_1' });
    expect(doc.diagram.shapes.boundary_1!.y + 18).toBe(host.y + 64);

    // When a boundary event is placed by click (armed in the palette, then a click just inside
    // the service task's top edge), it is attached there too
    await page
      .getByRole('complementary', { name: 'Palette' })
      .getByRole('button', { name: 'Boundary event', exact: true })
      .click();
    const serviceTask = await boxOf(page, 'serviceTask_1');
    await page.mouse.click(serviceTask.x + 40, serviceTask.y + 6);
    doc = await saved(page, workflowId);
    expect(elementOf(doc, 'boundary_2')).toMatchObject({ attachedTo: 'serviceTask_1' });
    expect(doc.diagram.shapes.boundary_2!.y + 18).toBe(doc.diagram.shapes.serviceTask_1!.y);

    // A second sub-process with a task inside, collapsed, for the picture
    await dragFromPalette(page, 'Sub-process', { x: 300, y: 560 });
    await dragFromPalette(page, 'Service task', { x: 300, y: 570 });
    await node(page, 'subProcess_2').click({ position: { x: 200, y: 20 } });
    await page.keyboard.press('Alt+c');
    await expect.poll(() => node(page, 'serviceTask_2').count()).toBe(0);
    doc = await saved(page, workflowId);
    expect(doc.diagram.shapes.subProcess_2).toMatchObject({ collapsed: true });
    expect(elementOf(doc, 'serviceTask_2')).toMatchObject({ parent: 'subProcess_2' });
    await front(page)
      .locator('.react-flow__pane')
      .click({ position: { x: 1150, y: 40 } });

    // When the expanded sub-process is selected and its corner handle dragged, it is resized in
    // one step and keeps its content
    await node(page, 'subProcess_1').click({ position: { x: 200, y: 12 } });
    await screenshot(page, 'e2e-containers-selected');
    const corner = await node(page, 'subProcess_1')
      .locator('.react-flow__resize-control.handle.bottom.right')
      .boundingBox();
    await page.mouse.move(corner!.x + corner!.width / 2, corner!.y + corner!.height / 2);
    await page.mouse.down();
    await page.mouse.move(corner!.x + 80, corner!.y + 40, { steps: 8 });
    await page.mouse.up();
    doc = await saved(page, workflowId);
    const resized = doc.diagram.shapes.subProcess_1!;
    expect(resized.width).toBeGreaterThanOrEqual(432);
    expect(resized.height).toBeGreaterThanOrEqual(232);
    await expect.poll(async () => (await boxOf(page, 'subProcess_1')).width).toBeGreaterThan(430);
    expect(elementOf(doc, 'userTask_1')).toMatchObject({ parent: 'subProcess_1' });

    const pane = await front(page).locator('.react-flow__pane').boundingBox();
    expect(pane!.height).toBeGreaterThan(660);
    await screenshot(page, 'e2e-containers');
  });
});
