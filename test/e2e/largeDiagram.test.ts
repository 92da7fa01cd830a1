import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFlow } from '../../bench/generateFlow';
import { front, openApp, screenshot, startSession, waitForSaved, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const doc = generateFlow(1_000, { blocksPerRow: 'grid' });

/** Asks the host itself, as the bench does: the document as stored. */
async function call<T>(method: string, body: unknown): Promise<T> {
  const response = await fetch(`${session.host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Baton-Token': session.host.token },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} failed: ${await response.text()}`);
  return ((await response.json()) as { value: T }).value;
}

/** Where an element of the generated diagram is on the page, at the canvas's current view. */
async function onPage(page: Page, id: string) {
  const shape = doc.diagram.shapes[id]!;
  return front(page)
    .locator('.react-flow')
    .evaluate(
      (flow, { x, y }) => {
        const box = flow.getBoundingClientRect();
        const viewport = flow.querySelector<HTMLElement>('.react-flow__viewport')!;
        const { a: zoom, e: dx, f: dy } = new DOMMatrixReadOnly(viewport.style.transform);
        // The middle of a 160 × 64 task.
        return { x: box.x + (x + 80) * zoom + dx, y: box.y + (y + 32) * zoom + dy, zoom };
      },
      { x: shape.x, y: shape.y },
    );
}

describe('a large diagram zoomed out too far to read', () => {
  it('is painted on one canvas, and its elements still select (by a click or a box) and drag as at any zoom', async () => {
    // Given a diagram of 1,000 elements opened at its fitted view (10%)
    const { id } = await call<{ id: string }>('workflows.import', {
      text: JSON.stringify(doc),
      name: 'Large diagram',
    });
    const page = await openApp(session);
    await page.getByRole('button', { name: 'Large diagram (flow)', exact: true }).click();
    const layer = front(page).locator('canvas.far-layer');
    await expect.poll(() => layer.getAttribute('data-elements')).toBe('1001');
    // Then no element is a node in the DOM, and the overview is there
    expect(await front(page).locator('.react-flow__node').count()).toBe(0);
    await expect.poll(() => front(page).getByRole('img', { name: 'Overview' }).count()).toBe(1);
    await screenshot(page, 'e2e-large-far');

    // When the pointer reaches a task, it is mounted under it, and a click selects it
    const task = doc.model.elements.find((element) => element.type === 'serviceTask')!;
    const at = await onPage(page, task.id);
    await page.mouse.move(at.x, at.y);
    const node = front(page).locator(`.react-flow__node[data-id="${task.id}"]`);
    await node.waitFor();
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => node.getAttribute('class')).toContain('selected');

    // When it is dragged 80 px right and 40 px down
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 40, at.y + 20, { steps: 5 });
    await page.mouse.move(at.x + 80, at.y + 40, { steps: 5 });
    await page.mouse.up();
    await waitForSaved(page);
    // Then the move is stored, by about that much at that zoom (React Flow starts a drag from
    // where the pointer is once it has moved, so the first step is not counted)
    const opened = await call<{ document: typeof doc }>('workflows.open', { id });
    const moved = opened.document.diagram.shapes[task.id]!;
    const before = doc.diagram.shapes[task.id]!;
    expect((moved.x - before.x) * at.zoom).toBeGreaterThan(60);
    expect((moved.x - before.x) * at.zoom).toBeLessThan(90);
    expect((moved.y - before.y) * at.zoom).toBeGreaterThan(30);
    expect((moved.y - before.y) * at.zoom).toBeLessThan(45);

    // When the empty canvas is clicked, the element is let go (painted again) and nothing is selected
    const pane = front(page).locator('.react-flow__pane');
    const box = (await pane.boundingBox())!;
    await page.mouse.click(box.x + 5, box.y + box.height - 5);
    await expect.poll(() => front(page).locator('.react-flow__node').count()).toBe(0);

    // When a box is drawn with Shift around another task, that task is selected
    const other = doc.model.elements.filter((element) => element.type === 'serviceTask')[5]!;
    const centre = await onPage(page, other.id);
    await page.keyboard.down('Shift');
    await page.mouse.move(centre.x - 25, centre.y - 20);
    await page.mouse.down();
    await page.mouse.move(centre.x, centre.y, { steps: 4 });
    await page.mouse.move(centre.x + 25, centre.y + 20, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const boxed = front(page).locator(`.react-flow__node[data-id="${other.id}"]`);
    await expect.poll(() => boxed.getAttribute('class')).toContain('selected');
    await page.mouse.click(box.x + 5, box.y + box.height - 5);
    await expect.poll(() => front(page).locator('.react-flow__node').count()).toBe(0);

    // When the view is zoomed in to 100%, elements are nodes again and the layer is gone
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let step = 0; step < 5; step += 1) await page.mouse.wheel(0, -400);
    await expect.poll(() => front(page).locator('.react-flow__node').count()).toBeGreaterThan(0);
    expect(await layer.count()).toBe(0);
    await screenshot(page, 'e2e-large-near');

    // When the view is fitted with the controls' button, all of it is painted again
    await front(page).locator('.react-flow__controls-fitview').click();
    await expect.poll(() => layer.getAttribute('data-elements')).toBe('1001');
    expect((await onPage(page, task.id)).zoom).toBeCloseTo(0.1, 2);
  });

  it('shows a run on the canvas it paints: each element it reached is outlined in its state’s colour', async () => {
    // Given a run of the same diagram, finished by the host
    const flow = await call<{ id: string; name: string }>('workflows.import', {
      text: JSON.stringify(doc),
      name: 'Large run',
    });
    const run = await call<{ runId: string }>('runs.start', { id: flow.id, scenario: {}, seed: 3 });
    const ended = ['completed', 'compensated', 'failed', 'needs-attention'];
    await expect
      .poll(
        async () =>
          (await call<{ status: string }[]>('runs.list', { query: run.runId }))[0]?.status,
        { timeout: 60_000, interval: 500 },
      )
      .toSatisfy((status: string | undefined) => ended.includes(status ?? ''));

    // When it is opened on the diagram, zoomed out to fit
    const page = await openApp(session);
    await page.getByRole('button', { name: 'Large run (flow)', exact: true }).click();
    const layer = front(page).locator('canvas.far-layer');
    await expect.poll(() => layer.getAttribute('data-elements')).toBe('1001');
    expect(await layer.getAttribute('data-run-marks')).toBe('0');
    await front(page).getByRole('button', { name: 'Debug' }).click();
    await front(page)
      .getByRole('menuitem', { name: new RegExp(`^Open ${run.runId}`) })
      .click();

    // Then the layer outlines the elements the run reached, none of them a node in the DOM
    await expect
      .poll(async () => Number(await layer.getAttribute('data-run-marks')), { timeout: 20_000 })
      .toBeGreaterThan(100);
    expect(await front(page).locator('.react-flow__node').count()).toBe(0);
    // And the start event's ring is painted in the completed colour (#1f8a4c)
    const start = doc.diagram.shapes.start!;
    const green = await layer.evaluate((canvas: HTMLCanvasElement, at) => {
      const region = { x: parseFloat(canvas.style.left), y: parseFloat(canvas.style.top) };
      const scale = canvas.width / parseFloat(canvas.style.width);
      const context = canvas.getContext('2d')!;
      const left = Math.round((at.x - 60 - region.x) * scale);
      const top = Math.round((at.y - 60 - region.y) * scale);
      const size = Math.round(160 * scale);
      const { data } = context.getImageData(left, top, size, size);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        const near = (value: number, want: number) => Math.abs(value - want) < 24;
        if (near(data[i]!, 0x1f) && near(data[i + 1]!, 0x8a) && near(data[i + 2]!, 0x4c))
          count += 1;
      }
      return count;
    }, start);
    expect(green).toBeGreaterThan(10);
    await screenshot(page, 'e2e-large-far-run');
  });
});
