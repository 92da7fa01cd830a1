import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowSummary } from '../../src-shared/contract/contract';
import type { RunSummary } from '../../src-shared/runtime/runReport';
import { generateCountingLoop } from '../../bench/generateCountingLoop';
import { callHost, front, openApp, screenshot, startSession, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

describe('scrubbing a long run in Chromium', () => {
  // How smoothly it scrubs is measured by `npm run bench debugger`, not here: timing on a shared
  // machine makes a flaky test.
  it('moves through a run of over 100,000 entries with the mouse and the arrow keys', async () => {
    // A real run of over 100,000 journal entries (a counting loop), made by the host's runtime.
    const { document, scenario } = generateCountingLoop(14_300);
    const flow = await callHost<WorkflowSummary>(session, 'workflows.import', {
      text: JSON.stringify(document),
    });
    const run = await callHost<RunSummary>(session, 'runs.start', { id: flow.id, scenario });
    await expect
      .poll(
        async () =>
          (await callHost<RunSummary[]>(session, 'runs.list', { query: run.runId }))[0]?.status,
        { timeout: 120_000, interval: 1_000 },
      )
      .toBe('completed');
    const [finished] = await callHost<RunSummary[]>(session, 'runs.list', { query: run.runId });
    expect(finished!.seq).toBeGreaterThan(100_000);

    const page = await openApp(session);
    await page.getByRole('button', { name: `${flow.name} (flow)` }).click();
    const doc = front(page);
    await doc.getByRole('button', { name: 'Debug' }).click();
    await doc.getByRole('menuitem', { name: new RegExp(`^Open ${run.runId}`) }).click();
    const position = doc.getByRole('status', { name: 'Replay position' });
    await expect
      .poll(() => position.textContent(), { timeout: 60_000 })
      .toContain(`entry ${finished!.seq} of ${finished!.seq}`);

    // Drag the scrubber's thumb from the end to the start and back, as a person scrubs.
    const slider = doc.getByRole('slider', { name: 'Run history' });
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width - 4, y);
    await page.mouse.down();
    await page.mouse.move(box.x + 4, y, { steps: 120 });
    await page.mouse.move(box.x + box.width / 2, y, { steps: 60 });
    await page.mouse.up();
    const middle = Number(/entry (\d+) of/.exec((await position.textContent()) ?? '')?.[1]);
    expect(middle).toBeGreaterThan(30_000);
    expect(middle).toBeLessThan(70_000);
    // Then entry by entry with the arrow keys.
    for (let step = 0; step < 40; step += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(() => position.textContent()).toContain(`entry ${middle + 40} of`);
    await screenshot(page, 'e2e-debugger-long-run-scrubbed');
  }, 300_000);
});
