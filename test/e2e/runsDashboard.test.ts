import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callHost, openApp, screenshot, startSession, type Session } from './harness';

const example = join(process.cwd(), 'assets/examples/order-saga.json');

interface Listed {
  readonly runId: string;
  readonly status: string;
  readonly seed: number;
}

describe('running the order saga from the run dialog and following it in the runs dashboard (Chromium)', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('starts a run where payment fails, sees it compensated, filters, re-runs it and sees both', async () => {
    const page = await openApp(session);

    // Given the order saga, imported and open
    await page.getByLabel('Baton JSON or BPMN file to import').setInputFiles(example);
    await page.getByRole('heading', { name: 'Order saga', level: 1 }).waitFor();

    // When the run dialog is opened and payment is set to fail on every attempt in the form
    await page.getByRole('button', { name: 'Run…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Run “Order saga”' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Add an attempt to Payment.charge' }).click();
    await expect
      .poll(() => dialog.getByRole('combobox', { name: 'Payment.charge attempt 1' }).inputValue())
      .toBe('fail');
    await expect
      .poll(() => dialog.getByRole('textbox', { name: 'Scenario JSON' }).textContent())
      .toMatch(/"Payment\.charge":\s*\{\s*"outcomes":\s*\[\s*"fail"\s*\]/);
    await dialog.getByRole('textbox', { name: 'Seed' }).fill('11');
    await screenshot(page, 'e2e-run-dialog');

    // And the run is started
    await dialog.getByRole('button', { name: 'Start run' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Then the dashboard shows it compensated
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    const runs = page.getByRole('grid', { name: 'Runs' });
    const rows = runs.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByText('Compensated').waitFor({ timeout: 15_000 });
    await expect.poll(() => rows.first().textContent()).toContain('Order saga');
    const [first] = await callHost<Listed[]>(session, 'runs.list', {});
    expect(first).toMatchObject({ status: 'compensated', seed: 11 });

    // When only completed runs are shown, none match; with compensated ones, it is back
    await page.getByRole('button', { name: 'Completed', exact: true }).click();
    await page.getByText('No run matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Completed', exact: true }).click();
    await page.getByRole('button', { name: 'Compensated', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(1);

    // When it is run again from its row
    await rows.first().getByRole('button', { name: 'Re-run' }).click();

    // Then both runs are listed, compensated, with the same seed
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    await expect
      .poll(async () =>
        (await callHost<Listed[]>(session, 'runs.list', {})).map((run) => run.status),
      )
      .toEqual(['compensated', 'compensated']);
    await expect.poll(() => runs.getByText('Compensated').count()).toBe(2);
    const listed = await callHost<Listed[]>(session, 'runs.list', {});
    expect(listed.map((run) => run.seed)).toEqual([11, 11]);
    expect(new Set(listed.map((run) => run.runId)).size).toBe(2);
    await page.getByRole('button', { name: 'Compensated', exact: true }).click();
    await screenshot(page, 'e2e-runs-dashboard');

    // And Escape goes back to the document
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Order saga', level: 1 }).waitFor();
    expect(await runs.count()).toBe(0);
  });
});
