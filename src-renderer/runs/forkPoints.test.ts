import { waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FINAL_STATUSES } from '../../src-shared/runtime/runReport';
import { createInProcessPlatform } from '../../test/helpers/inProcessPlatform';
import { importExample, type InProcessPlatform } from '../../test/helpers/runsHarness';
import { forkPointsOf } from './forkPoints';

describe('where a run can be forked (a real run of the order saga)', () => {
  let platform: InProcessPlatform;
  beforeEach(() => {
    platform = createInProcessPlatform();
  });
  afterEach(() => platform.core.close());

  it('pairs each step of the report with the journal entry that asked for it', async () => {
    // Given a run where payment fails and the saga is compensated
    const { workflow } = await importExample(platform, 'order-saga');
    const { runId } = await platform.client['runs.start']({
      id: workflow.id,
      scenario: { mocks: { 'Payment.charge': { outcomes: ['fail'] } } },
    });
    await waitFor(
      async () => {
        const [run] = await platform.client['runs.list']({});
        expect(FINAL_STATUSES.has(run!.status)).toBe(true);
      },
      { timeout: 10_000 },
    );
    const report = await platform.client['runs.get']({ runId });
    const { entries } = await platform.client['runs.journal']({ runId, limit: 100_000 });

    // When its fork points are read
    const points = forkPointsOf(report.steps, entries);

    // Then every step has one, in order, each at a request for that step's element
    expect(points.map((point) => point.step)).toEqual(report.steps);
    const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
    for (const point of points) {
      const request = bySeq.get(point.requestSeq)!;
      expect(request.kind).toBe('request');
      expect(request.data.elementId ?? request.data.timerId).toBe(point.step.elementId);
      expect(point.forkSeq).toBe(point.requestSeq - 1);
    }
    const seqs = points.map((point) => point.requestSeq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(points.some((point) => point.step.elementId === 'chargePayment')).toBe(true);
  });
});
