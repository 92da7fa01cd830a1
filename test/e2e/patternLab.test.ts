import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callHost, openApp, screenshot, startSession, type Session } from './harness';

const example = join(process.cwd(), 'assets/examples/order-saga.json');

interface Listed {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
}

describe('the pattern lab: deriving a choreography from the order saga and comparing both (Chromium)', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('derives the map from the menu, opens it in a tab, then compares the saga with it', async () => {
    const page = await openApp(session);

    // Given the order saga, imported and open
    await page.getByLabel('Baton JSON or BPMN file to import').setInputFiles(example);
    await page.getByRole('heading', { name: 'Order saga', level: 1 }).waitFor();

    // When its choreography map is derived from the Pattern lab menu
    await page.getByRole('button', { name: 'Pattern lab' }).click();
    await page.getByRole('menuitem', { name: 'Derive choreography map' }).click();

    // Then the map opens in a new tab and the derive report is shown
    await page.getByRole('heading', { name: 'Order saga (choreography)', level: 1 }).waitFor();
    await page.getByRole('tab', { name: /Order saga \(choreography\)/ }).waitFor();
    const report = page.getByRole('dialog', { name: 'Derived “Order saga (choreography)”' });
    await report.waitFor();
    expect(
      await report.getByRole('table', { name: 'Report' }).getByRole('row').count(),
    ).toBeGreaterThan(1);
    await report.getByRole('button', { name: 'Close' }).click();
    const listed = await callHost<Listed[]>(session, 'workflows.list', {});
    expect(listed.map((w) => [w.name, w.kind]).sort((x, y) => x[0]!.localeCompare(y[0]!))).toEqual([
      ['Order saga', 'flow'],
      ['Order saga (choreography)', 'map'],
    ]);

    // When the saga is compared with the derived map, 5 runs per scenario
    await page.getByRole('tab', { name: /^Order saga$/ }).click();
    await page.getByRole('heading', { name: 'Order saga', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Pattern lab' }).click();
    await page.getByRole('menuitem', { name: 'Compare with…' }).click();
    const dialog = page.getByRole('dialog', { name: /Compare Order saga with/ });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Other flow or map' }).selectOption({
      label: 'Order saga (choreography) (map)',
    });
    // A long sweep shows its progress and can be cancelled
    await dialog.getByRole('spinbutton', { name: 'Runs per scenario' }).fill('100');
    await dialog.getByRole('button', { name: 'Compare' }).click();
    const status = dialog.getByRole('status');
    await status.getByText(/Running the \w+ scenario: \d+ of 1000 runs/).waitFor();
    expect(
      Number(
        await dialog.getByRole('progressbar', { name: 'Comparison progress' }).getAttribute('max'),
      ),
    ).toBe(1000);
    await screenshot(page, 'e2e-pattern-lab-compare-running');
    await status.getByRole('button', { name: 'Cancel' }).click();
    await status.getByText('Cancelled: nothing was kept of the runs done so far.').waitFor();
    expect(await dialog.getByRole('region', { name: 'Comparison' }).count()).toBe(0);

    await dialog.getByRole('spinbutton', { name: 'Runs per scenario' }).fill('5');
    await dialog.getByRole('button', { name: 'Compare' }).click();

    // Then a table per scenario, the summary and the charts are shown
    const view = dialog.getByRole('region', { name: 'Comparison' });
    await view.waitFor({ timeout: 60_000 });
    for (const scenario of ['base', 'slow', 'down', 'fail', 'duplicates']) {
      const table = view.getByRole('table', { name: `Scenario ${scenario}` });
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBe(10);
    }
    // The map's undo reactions are compensations, as the flow's are: up to two per run when payment
    // fails (fewer when an earlier step failed first: a derived reaction does not retry)
    const compensations = view
      .getByRole('table', { name: 'Scenario fail' })
      .getByRole('row', { name: /Compensations per run/ });
    const [flowUndos, mapUndos] = (await compensations.getByRole('cell').allTextContents()).map(
      Number,
    );
    expect(flowUndos).toBe(2);
    expect(mapUndos).toBeGreaterThan(1);
    expect(mapUndos).toBeLessThanOrEqual(2);
    const latencyRow = view
      .getByRole('table', { name: 'Scenario base' })
      .getByRole('row', { name: /Latency p95/ });
    expect(await latencyRow.textContent()).toMatch(/\d+ ms.*\d+ ms/);
    expect(await view.getByRole('img', { name: /p95 latency per scenario: base a/ }).count()).toBe(
      1,
    );
    expect(await view.getByRole('img', { name: /Time to compensate per scenario/ }).count()).toBe(
      1,
    );
    expect(
      await view.getByRole('list', { name: 'Summary' }).getByRole('listitem').count(),
    ).toBeGreaterThan(0);
    await screenshot(page, 'e2e-pattern-lab-compare');
  }, 120_000);
});
