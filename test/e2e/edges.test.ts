import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedWorkflow, WorkflowSummary } from '../../src-shared/contract/contract';
import { serializeDocument } from '../../src-shared/format/serializeDocument';
import { createElement } from '../../src-shared/model/createElement';
import type { Point } from '../../src-shared/diagram/geometry';
import { FORMAT_VERSION, type WorkflowDocument } from '../../src-shared/model/document';
import {
  front,
  openApp,
  resultsDir,
  screenshot,
  startSession,
  waitForSaved,
  callHost,
  type Session,
} from './harness';

/** Saving takes a moment, and the first layout loads ELK: more than a poll's default second. */
const SLOW = { timeout: 15_000 };

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/**
 * start → a → b → end on one row, with c below b and not connected: `ab` is the connection whose
 * ends are moved, `bEnd` the straight one that gets bent.
 */
const rowFlow: WorkflowDocument = {
  formatVersion: FORMAT_VERSION,
  kind: 'flow',
  name: 'Edges',
  model: {
    elements: [
      createElement('startEvent', 'start', 'Start'),
      createElement('serviceTask', 'a', 'Task A'),
      createElement('serviceTask', 'b', 'Task B'),
      createElement('serviceTask', 'c', 'Task C'),
      createElement('endEvent', 'end', 'End'),
    ],
    connections: [
      { id: 'startA', source: 'start', target: 'a' },
      { id: 'ab', source: 'a', target: 'b' },
      { id: 'bEnd', source: 'b', target: 'end' },
    ],
  },
  diagram: {
    shapes: {
      start: { x: 40, y: 120 },
      a: { x: 160, y: 112 },
      b: { x: 440, y: 112 },
      c: { x: 440, y: 320 },
      end: { x: 720, y: 120 },
    },
  },
};

/** The stored draft of the document with this name, read back through the host. */
async function savedDraft(name: string): Promise<WorkflowDocument> {
  const workflows = await callHost<WorkflowSummary[]>(session, 'workflows.list', {});
  const id = workflows.find((workflow) => workflow.name === name)!.id;
  return (await callHost<OpenedWorkflow>(session, 'workflows.open', { id })).document;
}

async function importDocument(page: Page, doc: WorkflowDocument) {
  const file = join(session.dir, `${doc.name}.baton.json`);
  writeFileSync(file, serializeDocument(doc));
  await page.getByLabel('Baton JSON or BPMN file to import').setInputFiles(file);
  await page.getByRole('heading', { name: doc.name, level: 1 }).waitFor();
}

const edge = (page: Page, id: string) => front(page).locator(`.react-flow__edge[data-id="${id}"]`);
const targetHandle = (page: Page, id: string) =>
  front(page).locator(`.react-flow__node[data-id="${id}"] .handle-target`);

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A point of the diagram on screen, through the canvas's pan and zoom. */
async function onScreen(page: Page, point: { x: number; y: number }) {
  const pane = (await front(page).locator('.react-flow').boundingBox())!;
  const transform = await front(page)
    .locator('.react-flow__viewport')
    .evaluate((element) => getComputedStyle(element).transform);
  const [zoom, , , , panX, panY] = transform
    .replace(/^matrix\(|\)$/g, '')
    .split(',')
    .map(Number) as [number, number, number, number, number, number];
  return { x: pane.x + panX + point.x * zoom, y: pane.y + panY + point.y * zoom };
}

/** Presses at `from`, moves to `to` in steps, then calls `whileHeld` before letting go. */
async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  whileHeld: () => Promise<void> = async () => {},
) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 6 });
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await whileHeld();
  await page.mouse.up();
}

/** Selects a straight connection by clicking a quarter of the way along it (clear of toolbars). */
async function selectEdge(page: Page, id: string) {
  if ((await edge(page, id).getAttribute('class'))?.includes('selected')) return;
  const box = (await edge(page, id).boundingBox())!;
  await edge(page, id).click({ position: { x: box.width / 4, y: box.height / 2 } });
  await expect.poll(() => edge(page, id).getAttribute('class')).toContain('selected');
}

describe('connections in Chromium', () => {
  it('moves a connection’s end to another element by dragging it, and refuses a forbidden one', async () => {
    const page = await openApp(session);
    await importDocument(page, rowFlow);

    // Given the connection from A to B selected, when its end is dragged onto C
    await selectEdge(page, 'ab');
    const end = await centre(edge(page, 'ab').locator('.react-flow__edgeupdater-target'));
    await drag(page, end, await centre(targetHandle(page, 'c')), async () => {
      // C lights up as a place the connection may go
      await expect.poll(() => targetHandle(page, 'c').getAttribute('class')).toMatch(/\bvalid\b/);
    });

    // Then it runs from A to C, saved as such
    await expect
      .poll(async () => (await savedDraft('Edges')).model.connections[1], SLOW)
      .toEqual({
        id: 'ab',
        source: 'a',
        target: 'c',
      });

    // When its end is dragged onto A itself (a task cannot connect to itself), nothing changes
    await selectEdge(page, 'ab');
    const moved = await centre(edge(page, 'ab').locator('.react-flow__edgeupdater-target'));
    await drag(page, moved, await centre(targetHandle(page, 'a')), async () => {
      await expect
        .poll(() => targetHandle(page, 'a').getAttribute('class'))
        .toMatch(/\bconnectingto\b/);
      expect(await targetHandle(page, 'a').getAttribute('class')).not.toMatch(/\bvalid\b/);
    });
    // And when it is dropped on nothing, nothing changes either
    await selectEdge(page, 'ab');
    const again = await centre(edge(page, 'ab').locator('.react-flow__edgeupdater-target'));
    // (an empty spot below A, well inside the canvas: near its borders a held connection pans it)
    await drag(page, again, await onScreen(page, { x: 250, y: 300 }));

    await waitForSaved(page);
    expect((await savedDraft('Edges')).model.connections[1]).toEqual({
      id: 'ab',
      source: 'a',
      target: 'c',
    });
    await screenshot(page, 'e2e-edges-reconnected');
    await expect.poll(() => front(page).locator('.react-flow__edge').count()).toBe(3);
  });

  it('bends a selected connection round by dragging the middle of it; one undo straightens it, a double-click removes a bend', async () => {
    // The document of the test before, still open.
    const page = session.page;
    await page.getByRole('heading', { name: 'Edges', level: 1 }).waitFor();
    // The whole diagram in view, wherever the drags before left it.
    await front(page).locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(300);

    // Given the straight connection from B to End selected, when its middle is dragged down
    await selectEdge(page, 'bEnd');
    const handle = front(page).locator('.route-segment[data-connection-id="bEnd"]');
    await expect.poll(() => handle.count()).toBe(1);
    const from = await centre(handle);
    await drag(page, from, { x: from.x, y: from.y + 90 });

    // Then it goes round below, square: a step out of B, along the dragged height, a step into End
    await expect
      .poll(async () => (await savedDraft('Edges')).diagram.edges?.bEnd?.waypoints.length, SLOW)
      .toBe(4);
    const bends = (await savedDraft('Edges')).diagram.edges!.bEnd!.waypoints;
    const [out, down, along, into] = bends as [Point, Point, Point, Point];
    // b's right side is at x=600 and end's left side at x=720; the row's middle is at y=144.
    expect([out.y, into.y]).toEqual([144, 144]);
    expect(down.y).toBe(along.y);
    expect(down.y).toBeGreaterThan(144 + 40);
    expect([down.x, along.x]).toEqual([out.x, into.x]);
    expect(out.x).toBeGreaterThan(600);
    expect(into.x).toBeLessThan(720);
    // And the selected connection shows a handle on each bend
    await expect
      .poll(() => front(page).locator('.route-bend[data-connection-id="bEnd"]').count())
      .toBe(4);
    await screenshot(page, 'e2e-edges-bend');

    // When undone, the connection is straight again
    await front(page)
      .locator('.react-flow__pane')
      .click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => (await savedDraft('Edges')).diagram.edges?.bEnd, SLOW)
      .toBeUndefined();

    // When redone, then selected by its lower run and a bend double-clicked, that bend is gone
    await page.keyboard.press('Control+y');
    await expect
      .poll(async () => (await savedDraft('Edges')).diagram.edges?.bEnd?.waypoints, SLOW)
      .toEqual(bends);
    const lower = await onScreen(page, { x: (down.x + along.x) / 2, y: down.y });
    await page.mouse.click(lower.x, lower.y);
    await expect.poll(() => edge(page, 'bEnd').getAttribute('class')).toContain('selected');
    await front(page).locator('.route-bend[data-connection-id="bEnd"][data-bend="3"]').dblclick();
    await expect
      .poll(async () => (await savedDraft('Edges')).diagram.edges?.bEnd?.waypoints, SLOW)
      .toEqual([out, down, along]);
  });

  it('routes connections round elements in an auto-layout, shown with their bends when selected', async () => {
    const page = await openApp(session);
    await page
      .getByLabel('Baton JSON or BPMN file to import')
      .setInputFiles('assets/examples/travel-booking.json');
    await page.getByRole('heading', { name: 'Travel booking', level: 1 }).waitFor();

    await page
      .getByRole('toolbar', { name: 'Layout' })
      .getByRole('button', { name: 'Auto-layout' })
      .click();

    // The fork's paths to the flight and the car go round: their routes are saved
    await expect
      .poll(async () => Object.keys((await savedDraft('Travel booking')).diagram.edges ?? {}), SLOW)
      .toEqual(expect.arrayContaining(['flow_fork_flight', 'flow_fork_car']));
    const saved = await savedDraft('Travel booking');
    await front(page).locator('.react-flow__controls-zoomin').click();
    await front(page).locator('.react-flow__controls-zoomin').click();
    await page.waitForTimeout(300); // the view's move to its zoom
    const route = saved.diagram.edges!.flow_fork_flight!.waypoints;

    // Selecting one by its bend shows its handles where the saved bends are
    const corner = await onScreen(page, route[1]!);
    await page.mouse.click(corner.x, corner.y);
    await expect
      .poll(() => edge(page, 'flow_fork_flight').getAttribute('class'))
      .toContain('selected');
    const bends = front(page).locator('.route-bend[data-connection-id="flow_fork_flight"]');
    await expect.poll(() => bends.count()).toBe(route.length);
    const shown = await centre(bends.nth(1));
    const expected = await onScreen(page, route[1]!);
    expect(Math.abs(shown.x - expected.x)).toBeLessThan(2);
    expect(Math.abs(shown.y - expected.y)).toBeLessThan(2);
    await screenshot(page, 'e2e-edges-routes');
    // A close-up of the fork, to look at the routes, their corners, arrows and handles.
    const node = (id: string) => front(page).locator(`.react-flow__node[data-id="${id}"]`);
    const fork = await centre(node('reserveHotel'));
    await page.mouse.move(fork.x, fork.y);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(300);
    mkdirSync(resultsDir, { recursive: true });
    // Zooming keeps the point under the mouse in place: the fork stays around it.
    await page.screenshot({
      path: join(resultsDir, 'e2e-edges-routes-close.png'),
      clip: { x: fork.x - 330, y: fork.y - 230, width: 500, height: 460 },
    });

    // When Book flight is dragged up, its routes bend with it while it moves and once dropped
    const flight = await centre(node('bookFlight'));
    await drag(page, flight, { x: flight.x, y: flight.y - 60 }, async () => {
      await page.screenshot({
        path: join(resultsDir, 'e2e-edges-follow.png'),
        clip: { x: fork.x - 330, y: fork.y - 300, width: 560, height: 530 },
      });
    });
    await expect
      .poll(async () => (await savedDraft('Travel booking')).diagram.shapes.bookFlight!.y, SLOW)
      .toBeLessThan(saved.diagram.shapes.bookFlight!.y);
    const moved = await savedDraft('Travel booking');
    const middle = moved.diagram.shapes.bookFlight!.y + 32;
    expect(moved.diagram.edges!.flow_fork_flight!.waypoints.at(-1)!.y).toBe(middle);
    expect(moved.diagram.edges!.flow_flight_join!.waypoints[0]!.y).toBe(middle);
  });
});
