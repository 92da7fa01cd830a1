import { describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { comparableReport } from '../../src-shared/runtime/runReport';
import { entriesOf, example, runDocument, stepLines } from '../../test/main/runtimeHarness';
import { replayRun } from './replay';
import { resimulateRun } from './resimulate';

const order = { orderId: 'o-1', amount: 120, currency: 'EUR', customerEmail: 'a@b.c' };

/** The order saga with the charge retried `maxAttempts` times. */
function sagaWithChargeAttempts(maxAttempts: number): WorkflowDocument {
  const saga = example('order-saga');
  return {
    ...saga,
    model: {
      ...saga.model,
      elements: saga.model.elements.map((element) =>
        element.type === 'serviceTask' && element.id === 'chargePayment' && element.retry
          ? { ...element, retry: { ...element.retry, maxAttempts } }
          : element,
      ),
    },
  };
}

describe('the order saga', () => {
  it('given payment failing, then inventory is released and then the order cancelled, and the run is compensated and consistent', async () => {
    const ran = await runDocument(example('order-saga'), {
      input: order,
      mocks: { 'Payment.charge': { outcomes: ['fail'] } },
    });
    expect(ran.report.status).toBe('compensated');
    expect(ran.report.compensated).toEqual(['reserveInventory', 'createOrder']);
    const release = ran.report.steps.find(
      (step) => step.outcome === 'compensated' && step.elementId === 'reserveInventory',
    );
    const cancel = ran.report.steps.find(
      (step) => step.outcome === 'compensated' && step.elementId === 'createOrder',
    );
    expect(release?.endedAtMs).not.toBeNull();
    expect(cancel!.startedAtMs).toBeGreaterThanOrEqual(release!.endedAtMs!);
    // Both charge attempts failed (the task allows 2) and nothing was charged.
    expect(stepLines(ran).filter((line) => line.startsWith('chargePayment'))).toEqual([
      'chargePayment failed',
      'chargePayment failed',
    ]);
    const effects = entriesOf(ran, 'effect').map(
      (entry) => `${String(entry.data.service)}.${String(entry.data.operation)}`,
    );
    expect(effects).toEqual([
      'Orders.create',
      'Inventory.reserve',
      'Inventory.release',
      'Orders.cancel',
    ]);
    expect(ran.report.consistency).toMatchObject({ ok: true, violations: [] });
  });

  it('given payment failing twice then succeeding under a 3-attempt retry, then the run completes', async () => {
    const ran = await runDocument(sagaWithChargeAttempts(3), {
      input: order,
      mocks: { 'Payment.charge': { outcomes: ['fail', 'fail', 'ok'] } },
    });
    expect(ran.report.status).toBe('completed');
    const charges = ran.report.steps.filter((step) => step.elementId === 'chargePayment');
    expect(charges.map((step) => [step.attempt, step.outcome])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [3, 'ok'],
    ]);
    // Exponential back-off: 500 ms after the first failure, 1,000 ms after the second.
    expect(charges[1]!.startedAtMs - charges[0]!.endedAtMs!).toBe(500);
    expect(charges[2]!.startedAtMs - charges[1]!.endedAtMs!).toBe(1_000);
    expect(ran.report.compensated).toEqual([]);
    expect(ran.report.consistency.ok).toBe(true);
  });

  it('given a refund that always fails, then the run needs attention and the verdict names the charge left standing', async () => {
    const ran = await runDocument(example('order-saga'), {
      input: order,
      mocks: { shipOrder: { outcomes: ['fail'] }, 'Payment.refund': { outcomes: ['fail'] } },
    });
    expect(ran.report.status).toBe('needs-attention');
    const refunds = ran.report.steps.filter((step) => step.name === 'Undo Charge payment');
    expect(refunds.map((step) => step.outcome)).toEqual(['failed', 'failed', 'failed']);
    expect(ran.report.compensated).toEqual([]);
    expect(ran.report.consistency.ok).toBe(false);
    expect(
      ran.report.consistency.violations.map(
        (violation) => `${violation.code} ${violation.service}.${violation.operation}`,
      ),
    ).toContain('not-undone Payment.charge');
  });

  it('given a timeout shorter than the latency with late-ok, then the late charge is reported with the inconsistency it caused', async () => {
    const ran = await runDocument(example('order-saga'), {
      input: order,
      mocks: { 'Payment.charge': { latencyMs: 9_000, outcomes: ['late-ok', 'timeout'] } },
    });
    expect(ran.report.status).toBe('compensated');
    expect(
      ran.report.steps
        .filter((step) => step.elementId === 'chargePayment')
        .map((step) => step.outcome),
    ).toEqual(['timeout', 'timeout']);
    expect(ran.report.consistency.lateSuccesses).toEqual([
      expect.objectContaining({
        service: 'Payment',
        operation: 'charge',
        elementId: 'chargePayment',
        atMs: 111 + 9_000,
      }),
    ]);
    const violation = ran.report.consistency.violations.find(
      (entry) => entry.code === 'not-undone',
    );
    expect(violation?.message).toContain('late success');
    expect(violation?.operation).toBe('charge');
  });

  it('given a late charge and a retry that reuses its idempotency key, then the payment service answers with the first charge and nothing is duplicated', async () => {
    // Attempt 1 times out at 5,111 ms and the charge lands late at 5,112 ms; attempt 2 (after the
    // 500 ms back-off) carries the same key, so the mock answers with the first charge.
    const ran = await runDocument(sagaWithChargeAttempts(3), {
      input: order,
      mocks: { 'Payment.charge': { outcomes: ['late-ok', 'ok'], latencyMs: 3_000 } },
    });
    expect(ran.report.status).toBe('completed');
    expect(
      entriesOf(ran, 'effect').filter((entry) => entry.data.operation === 'charge'),
    ).toHaveLength(1);
    expect(entriesOf(ran, 'effect.repeated')).toHaveLength(1);
    expect(ran.report.consistency).toMatchObject({ ok: true, duplicates: [] });
    expect(ran.report.consistency.lateSuccesses).toHaveLength(1);
  });

  it('given a mock that ignores idempotency keys, then the same retry charges twice and the verdict reports the duplicate', async () => {
    const ran = await runDocument(sagaWithChargeAttempts(3), {
      input: order,
      mocks: {
        'Payment.charge': {
          outcomes: ['late-ok', 'ok'],
          latencyMs: 3_000,
          honoursIdempotency: false,
        },
      },
    });
    expect(ran.report.status).toBe('completed');
    expect(ran.report.consistency.duplicates).toEqual([
      expect.objectContaining({ service: 'Payment', operation: 'charge', count: 2 }),
    ]);
    expect(ran.report.consistency.violations.map((violation) => violation.code)).toContain(
      'duplicate',
    );
  });
});

describe('people, gateways and parallel branches', () => {
  it('given a manager who rejects, then the KYC flow declines the application, undoes its checks and opens no account', async () => {
    const ran = await runDocument(example('kyc-onboarding'), {
      input: { applicantId: 'a-1', riskScore: 70 },
      approvals: { collectDocuments: 'approve', managerApproval: 'reject' },
    });
    // "Application declined" is an error end: the completed checks are compensated.
    expect(ran.report.status).toBe('compensated');
    expect(ran.report.compensated).toEqual(['assessRisk', 'verifyIdentity']);
    expect(stepLines(ran)).toContain('managerApproval reject');
    expect(stepLines(ran)).toContain('riskLevel flow_risk_review');
    expect(ran.report.steps.some((step) => step.elementId === 'openAccount')).toBe(false);
  });

  it('given no decision in the scenario, then the run waits for the person and a decision made later goes on', async () => {
    const ran = await runDocument(example('kyc-onboarding'), { input: { riskScore: 10 } });
    expect(ran.report.status).toBe('waiting');
    expect(ran.report.waitingFor).toEqual(['collectDocuments']);
    await ran.runtime.decide(ran.row.uid, 'collectDocuments', 'approve');
    await ran.runtime.runUntilIdle([ran.row.uid]);
    const after = ran.runtime.report(ran.row.uid);
    expect(after.status).toBe('completed');
    expect(after.steps.map((step) => step.elementId)).toContain('openAccount');
    expect(after.events).toHaveLength(1);
  });

  it('given a person who ignores the task, then its deadline passes and the escalation path is taken', async () => {
    const ran = await runDocument(example('kyc-onboarding'), {
      input: { riskScore: 70 },
      approvals: {
        collectDocuments: 'approve',
        managerApproval: 'ignore',
        seniorReview: 'approve',
      },
    });
    expect(ran.report.status).toBe('completed');
    // The boundary timer on the manager's task fires: its step is the task's deadline.
    expect(stepLines(ran)).toContain('managerApproval fired');
    expect(stepLines(ran)).toContain('seniorReview approve');
  });

  it('given the travel booking with the car failing, then the flight and hotel booked in parallel are both cancelled, latest completion first', async () => {
    const ran = await runDocument(example('travel-booking'), {
      input: { tripId: 't-1' },
      mocks: {
        bookFlight: { latencyMs: 300 },
        reserveHotel: { latencyMs: 100 },
        reserveCar: { latencyMs: 500, outcomes: ['fail'] },
      },
    });
    expect(ran.report.status).toBe('compensated');
    expect(ran.report.compensated).toEqual(['bookFlight', 'reserveHotel']);
    expect(ran.report.consistency.ok).toBe(true);
  });
});

describe('determinism and replay', () => {
  it('given the same file, scenario and seed, then two runs report the same, and replaying each reaches the recorded states', async () => {
    const scenario = { input: order, mocks: { 'Inventory.reserve': { failRate: 0.5 } } };
    const first = await runDocument(example('order-saga'), scenario, { seed: 42 });
    const second = await runDocument(example('order-saga'), scenario, { seed: 42 });
    expect(comparableReport(second.report)).toEqual(comparableReport(first.report));
    const replay = replayRun(first.store, first.row.uid);
    expect(replay).toMatchObject({ ok: true, mismatches: [] });
    expect(replay.events).toBeGreaterThan(5);
    // Simulated again from its pinned definition, scenario and seed: the same journal, entry by
    // entry, and the same report.
    expect(await resimulateRun(first.store, first.row.uid)).toMatchObject({
      applicable: true,
      identical: true,
    });
  });

  it('given a journal entry altered afterwards, then the re-simulation points at it', async () => {
    const ran = await runDocument(example('order-saga'), { input: order }, { seed: 4 });
    const effect = entriesOf(ran, 'effect')[1]!;
    ran.store.transaction(() =>
      (
        ran.store as unknown as {
          db: { prepare: (sql: string) => { run: (...args: unknown[]) => void } };
        }
      ).db
        .prepare('UPDATE run_journal SET at_ms = at_ms + 1 WHERE run = ? AND seq = ?')
        .run(ran.row.id, effect.seq),
    );
    const result = await resimulateRun(ran.store, ran.row.uid);
    expect(result).toMatchObject({ identical: false, firstDifference: { seq: effect.seq } });
  });

  it('given maps with duplicates and a consumer down, then a re-simulation reproduces the journal exactly', async () => {
    const ran = await runDocument(
      example('order-fanout'),
      {
        input: order,
        broker: { duplicateRate: 0.3 },
        down: { Analytics: [{ fromMs: 0, toMs: 30_000 }] },
      },
      { seed: 11 },
    );
    expect(await resimulateRun(ran.store, ran.row.uid)).toMatchObject({
      applicable: true,
      identical: true,
    });
  });

  it('given another seed, then the random latencies differ', async () => {
    const scenario = { input: order };
    const one = await runDocument(example('order-saga'), scenario, { seed: 1 });
    const two = await runDocument(example('order-saga'), scenario, { seed: 2 });
    expect(one.report.steps.map((step) => step.endedAtMs)).not.toEqual(
      two.report.steps.map((step) => step.endedAtMs),
    );
  });
});
