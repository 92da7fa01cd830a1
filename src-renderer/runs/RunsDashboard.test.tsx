import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FINAL_STATUSES, type RunSummary } from '../../src-shared/runtime/runReport';
import { createInProcessPlatform } from '../../test/helpers/inProcessPlatform';
import {
  importExample,
  mainSideServes,
  renderInWorkspace,
  type InProcessPlatform,
} from '../../test/helpers/runsHarness';
import { RunsDashboard } from './RunsDashboard';

const paymentFails = { mocks: { 'Payment.charge': { outcomes: ['fail' as const] } } };

/** Waits until every run of the workspace has ended. */
async function settled(platform: InProcessPlatform): Promise<RunSummary[]> {
  let runs: RunSummary[] = [];
  await waitFor(
    async () => {
      runs = await platform.client['runs.list']({});
      expect(runs.every((run) => FINAL_STATUSES.has(run.status))).toBe(true);
    },
    { timeout: 10_000 },
  );
  return runs;
}

const table = () => screen.getByRole('grid', { name: 'Runs' });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);
const rowOf = (runId: string) => {
  const row = bodyRows().find((item) => item.getAttribute('data-run-id') === runId);
  if (!row) throw new Error(`no row for ${runId}`);
  return row;
};

describe('the runs dashboard (jsdom, real services on in-memory SQLite)', () => {
  let platform: InProcessPlatform;
  beforeEach(() => {
    platform = createInProcessPlatform();
  });
  afterEach(() => platform.core.close());

  it('says there are no runs yet, and how to start one', async () => {
    renderInWorkspace(platform, <RunsDashboard />);
    await screen.findByRole('heading', { name: 'No runs yet' });
    expect(screen.getByText(/press “Run…” \(F5\)/)).toBeTruthy();
  });

  it('closes with its close button', async () => {
    const { store } = renderInWorkspace(platform, <RunsDashboard />);
    store.getState().setShowRuns(true);
    await userEvent.click(screen.getByRole('button', { name: 'Back to documents' }));
    expect(store.getState().showRuns).toBe(false);
  });

  describe.runIf(mainSideServes('runs.rerun'))('with runs (after the backend merge)', () => {
    let sagaId: string;
    let compensatedRun: string;
    let completedRun: string;
    beforeEach(async () => {
      sagaId = (await importExample(platform, 'order-saga')).workflow.id;
      compensatedRun = (
        await platform.client['runs.start']({ id: sagaId, scenario: paymentFails, seed: 3 })
      ).runId;
      completedRun = (await platform.client['runs.start']({ id: sagaId, scenario: {}, seed: 4 }))
        .runId;
      await settled(platform);
    });

    it('lists every run with its status, name, correlation id, mode and duration', async () => {
      renderInWorkspace(platform, <RunsDashboard />);
      await waitFor(() => expect(bodyRows()).toHaveLength(2));
      const failed = rowOf(compensatedRun);
      expect(within(failed).getByText('Compensated')).toBeTruthy();
      expect(within(failed).getByText('Order saga')).toBeTruthy();
      const [summary] = await platform.client['runs.list']({ query: compensatedRun });
      expect(within(failed).getByText(summary!.correlationId)).toBeTruthy();
      expect(within(failed).getByText('run')).toBeTruthy();
      expect(failed.textContent).toMatch(/\d+(\.\d+)? (ms|s)/);
      expect(within(rowOf(completedRun)).getByText('Completed')).toBeTruthy();
      expect(screen.getByText('2 runs')).toBeTruthy();
    });

    it('filters by status, by flow and by search on the main side', async () => {
      const other = await platform.client['workflows.duplicate']({ id: sagaId, name: 'Copy' });
      await platform.client['runs.start']({ id: other.id, scenario: {} });
      await settled(platform);
      const { store } = renderInWorkspace(platform, <RunsDashboard />);
      await store.getState().refresh();
      await waitFor(() => expect(bodyRows()).toHaveLength(3));

      // Status chips: compensated only, then compensated or completed
      await userEvent.click(screen.getByRole('button', { name: 'Compensated', pressed: false }));
      await waitFor(() => expect(bodyRows()).toHaveLength(1));
      expect(rowOf(compensatedRun)).toBeTruthy();
      await userEvent.click(screen.getByRole('button', { name: 'Completed', pressed: false }));
      await waitFor(() => expect(bodyRows().length).toBeGreaterThanOrEqual(2));
      await userEvent.click(screen.getByRole('button', { name: 'Compensated', pressed: true }));
      await userEvent.click(screen.getByRole('button', { name: 'Completed', pressed: true }));

      // One flow
      await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Flow or map' }), sagaId);
      await waitFor(() => expect(bodyRows()).toHaveLength(2));

      // Search by run id
      await userEvent.type(screen.getByRole('searchbox', { name: 'Search runs' }), completedRun);
      await waitFor(() => expect(bodyRows()).toHaveLength(1));
      expect(rowOf(completedRun)).toBeTruthy();

      // Nothing matches
      await userEvent.type(screen.getByRole('searchbox', { name: 'Search runs' }), 'zzz');
      await screen.findByText('No run matches these filters.');
    });

    it('moves the selection with the arrow keys and opens the run with Enter', async () => {
      const { store } = renderInWorkspace(platform, <RunsDashboard />);
      await store.getState().refresh();
      await waitFor(() => expect(bodyRows()).toHaveLength(2));
      table().focus();
      await userEvent.keyboard('{ArrowDown}');
      expect(bodyRows()[0]!.getAttribute('aria-selected')).toBe('true');
      await userEvent.keyboard('{ArrowDown}');
      expect(bodyRows()[1]!.getAttribute('aria-selected')).toBe('true');
      const runId = bodyRows()[1]!.getAttribute('data-run-id')!;
      await userEvent.keyboard('{Enter}');
      expect(store.getState().attachedRuns).toEqual({ [sagaId]: runId });
      expect(store.getState().openId).toBe(sagaId);
    });

    it('sorts by duration when its header is clicked', async () => {
      renderInWorkspace(platform, <RunsDashboard />);
      await waitFor(() => expect(bodyRows()).toHaveLength(2));
      const runs = await platform.client['runs.list']({});
      const longest = [...runs].sort(
        (a, b) => (b.endedAtMs ?? b.atMs) - (a.endedAtMs ?? a.atMs),
      )[0]!;
      await userEvent.click(screen.getByRole('button', { name: /Duration/ }));
      expect(bodyRows()[0]!.getAttribute('data-run-id')).toBe(longest.runId);
      await userEvent.click(screen.getByRole('button', { name: /Duration/ }));
      expect(bodyRows()[1]!.getAttribute('data-run-id')).toBe(longest.runId);
    });

    it('re-runs a run with its scenario and seed, and the new run appears live', async () => {
      renderInWorkspace(platform, <RunsDashboard />);
      await waitFor(() => expect(bodyRows()).toHaveLength(2));
      await userEvent.click(within(rowOf(compensatedRun)).getByRole('button', { name: 'Re-run' }));
      await waitFor(() => expect(bodyRows()).toHaveLength(3), { timeout: 5_000 });
      const runs = await settled(platform);
      const again = runs.find((run) => ![compensatedRun, completedRun].includes(run.runId))!;
      expect(again).toMatchObject({ seed: 3, status: 'compensated' });
      await waitFor(() => expect(within(rowOf(again.runId)).getByText('Compensated')).toBeTruthy());
    });

    it('follows runs started elsewhere, and their progress, without being asked', async () => {
      renderInWorkspace(platform, <RunsDashboard />);
      await waitFor(() => expect(bodyRows()).toHaveLength(2));
      // When a run is started by someone else (the CLI, another window)
      const { runId } = await platform.client['runs.start']({ id: sagaId, scenario: {}, seed: 8 });
      // Then it appears from runs.changed, and reaches its end on screen
      await waitFor(() => expect(rowOf(runId)).toBeTruthy(), { timeout: 5_000 });
      await waitFor(() => expect(within(rowOf(runId)).getByText('Completed')).toBeTruthy(), {
        timeout: 10_000,
      });
    });

    it('cancels a live run from its row', async () => {
      const { workflow } = await importExample(platform, 'kyc-onboarding');
      const { runId } = await platform.client['runs.start']({ id: workflow.id, scenario: {} });
      await waitFor(async () =>
        expect((await platform.client['runs.list']({ query: runId }))[0]?.status).toBe('waiting'),
      );
      renderInWorkspace(platform, <RunsDashboard />);
      await waitFor(() => expect(within(rowOf(runId)).getByText('Waiting')).toBeTruthy());
      // Where it waits, by the element's name rather than its id
      expect(within(rowOf(runId)).getByText('Collect documents')).toBeTruthy();
      expect(
        within(rowOf(compensatedRun)).queryByRole('button', { name: 'Cancel run' }),
      ).toBeNull();
      await userEvent.click(within(rowOf(runId)).getByRole('button', { name: 'Cancel run' }));
      await waitFor(() => expect(within(rowOf(runId)).getByText('Cancelled')).toBeTruthy());
      expect((await platform.client['runs.list']({ query: runId }))[0]?.status).toBe('cancelled');
    });

    it('does not take a flow hidden by the sidebar’s search for a deleted one', async () => {
      const { store } = renderInWorkspace(platform, <RunsDashboard />);
      store.getState().setQuery('no such name');
      await waitFor(() => expect(store.getState().workflows).toHaveLength(0));
      await waitFor(() => expect(bodyRows()).toHaveLength(2));
      expect(within(rowOf(completedRun)).queryByText('(deleted)')).toBeNull();
      expect(
        within(screen.getByRole('combobox', { name: 'Flow or map' })).getByRole('option', {
          name: 'Order saga',
        }),
      ).toBeTruthy();
    });

    it('says a run whose flow was deleted cannot be opened', async () => {
      const { store } = renderInWorkspace(platform, <RunsDashboard />);
      await platform.client['workflows.delete']({ id: sagaId });
      await store.getState().refresh();
      await waitFor(() => expect(bodyRows()).toHaveLength(2));
      expect(within(rowOf(completedRun)).getByText('(deleted)')).toBeTruthy();
      await userEvent.click(within(rowOf(completedRun)).getByRole('button', { name: 'Open' }));
      expect(screen.getByRole('status').textContent).toMatch(/was deleted/);
      expect(store.getState().attachedRuns).toEqual({});
    });

    it('forks a run from a chosen step and shows the branch with its parent', async () => {
      const { store } = renderInWorkspace(platform, <RunsDashboard />);
      await waitFor(() => expect(bodyRows()).toHaveLength(2));
      await userEvent.click(within(rowOf(compensatedRun)).getByRole('button', { name: 'Fork…' }));
      const dialog = await screen.findByRole('dialog', {
        name: `Fork ${compensatedRun} from a step`,
      });
      const steps = await within(dialog).findAllByRole('radio');
      expect(steps.length).toBeGreaterThan(2);
      expect(within(dialog).getAllByText(/Charge payment/).length).toBeGreaterThan(0);
      await userEvent.click(steps[1]!);
      await userEvent.click(within(dialog).getByRole('button', { name: 'Fork' }));
      await waitFor(() => expect(Object.keys(store.getState().attachedRuns)).toEqual([sagaId]));
      const branch = store.getState().attachedRuns[sagaId]!;
      const [summary] = await platform.client['runs.list']({ query: branch });
      expect(summary).toMatchObject({ parentRunId: compensatedRun });

      // The branch's row names its parent, and takes the selection there
      const link = await within(await waitFor(() => rowOf(branch))).findByRole('button', {
        name: new RegExp(`branch of ${compensatedRun} at #${summary!.forkedAtSeq}`),
      });
      await userEvent.click(link);
      expect(rowOf(compensatedRun).getAttribute('aria-selected')).toBe('true');
    });
  });
});
