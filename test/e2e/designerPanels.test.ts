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
      .getByLabel('Baton JSON or BPMN file to import')
      .setInputFiles('assets/examples/order-saga.json');
    await page.getByRole('heading', { name: 'Order saga', level: 1 }).waitFor();
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

describe('auto-layout in Chromium', () => {
  it('lays out a scrambled saga left to right without overlaps, and one undo puts it back', async () => {
    const page = await openApp(session);
    await page
      .getByLabel('Baton JSON or BPMN file to import')
      .setInputFiles('assets/examples/travel-booking.json');
    await page.getByRole('heading', { name: 'Travel booking', level: 1 }).waitFor();
    const node = (id: string) => front(page).locator(`.react-flow__node[data-id="${id}"]`);
    const box = async (id: string) => (await node(id).boundingBox())!;

    // Scramble: drag the last task to the far left.
    const before = await box('sendItinerary');
    const start = await box('tripRequested');
    await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
    await page.mouse.down();
    await page.mouse.move(start.x + 10, start.y + 220, { steps: 12 });
    await page.mouse.up();
    await expect.poll(async () => (await box('sendItinerary')).x).toBeLessThan(before.x - 50);

    await page
      .getByRole('toolbar', { name: 'Layout' })
      .getByRole('button', { name: 'Auto-layout' })
      .click();
    // Left to right along the flow, and no two boxes overlap.
    await expect
      .poll(async () => (await box('sendItinerary')).x)
      .toBeGreaterThan((await box('confirmTrip')).x);
    const ids = [
      'tripRequested',
      'bookAll',
      'bookFlight',
      'reserveHotel',
      'reserveCar',
      'allBooked',
      'confirmTrip',
      'sendItinerary',
      'tripBooked',
    ];
    const boxes = await Promise.all(ids.map(box));
    for (let a = 0; a < boxes.length; a += 1) {
      for (let b = a + 1; b < boxes.length; b += 1) {
        const [p, q] = [boxes[a]!, boxes[b]!];
        const overlap =
          p.x < q.x + q.width &&
          q.x < p.x + p.width &&
          p.y < q.y + q.height &&
          q.y < p.y + p.height;
        expect(overlap, `${ids[a]} overlaps ${ids[b]}`).toBe(false);
      }
    }
    // The three bookings are stacked between fork and join.
    const [flight, hotel, car] = [boxes[2]!, boxes[3]!, boxes[4]!];
    expect(new Set([flight.y, hotel.y, car.y]).size).toBe(3);
    await screenshot(page, 'e2e-auto-layout');

    await front(page)
      .locator('.react-flow__pane')
      .click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => (await box('sendItinerary')).x)
      .toBeLessThan((await box('confirmTrip')).x);
  });
});
