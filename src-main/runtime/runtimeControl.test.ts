import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparableReport } from '../../src-shared/runtime/runReport';
import { loadExamples } from '../../test/shared/exampleFiles';
import { example, openRuntime, runDocument } from '../../test/main/runtimeHarness';
import { useTempDirs } from '../../test/main/tempDirs';
import { closeWorkspace } from '../storage/openWorkspace';
import { folderResolver } from './flowResolvers';
import { runStateAt } from './replay';

const order = { orderId: 'o-1', amount: 120 };
const tempDir = useTempDirs('baton-runtime-');

describe('every example runs', () => {
  const examples = [...loadExamples('flow'), ...loadExamples('map')];
  it.each(examples)(
    '%s runs to an outcome with approvals given and no fault',
    async (_name, document) => {
      const ran = await runDocument(document, {
        input: { orderId: 'o-1', shipmentId: 's-1', tripId: 't-1', riskScore: 10 },
        approvals: {
          collectDocuments: 'approve',
          managerApproval: 'approve',
          reviewDecision: 'approve',
        },
        events: [{ type: 'CustomsDecisionIssued', atMs: 60_000, payload: {} }],
      });
      expect(ran.store.journalOfKind(ran.row.id, 'fault')).toEqual([]);
      expect(['completed', 'compensated', 'failed']).toContain(ran.report.status);
      expect(ran.report.steps.length).toBeGreaterThan(0);
    },
  );
});

describe('durability', () => {
  it('given a run interrupted after a few batches, when a new runtime opens the file, then it resumes and reports what an uninterrupted run reports', async () => {
    const dir = tempDir();
    const scenario = { input: order, mocks: { 'Payment.charge': { outcomes: ['fail' as const] } } };
    const first = openRuntime(join(dir, 'w.db'));
    const row = first.runtime.start({
      document: example('order-saga'),
      catalog: { services: [] },
      resolve: folderResolver('.'),
      scenario,
      seed: 9,
    });
    for (let batch = 0; batch < 4; batch += 1) await first.runtime.processBatch();
    first.runtime.close();
    closeWorkspace(first.db);

    const second = openRuntime(join(dir, 'w.db'));
    expect(second.runtime.resumeAll()).toEqual([row.uid]);
    await second.runtime.runUntilIdle();
    const resumed = second.runtime.report(row.uid);
    const whole = await runDocument(example('order-saga'), scenario, { seed: 9 });
    expect(comparableReport(resumed)).toEqual(comparableReport(whole.report));
    closeWorkspace(second.db);
  });

  it('pins a run to the machine it started with', async () => {
    const { runtime, store } = openRuntime();
    const saga = example('order-saga');
    const row = runtime.start({
      document: saga,
      catalog: { services: [] },
      resolve: () => undefined,
      scenario: { input: order },
    });
    const definition = runtime.definitionOf(store.runByUid(row.uid)!);
    expect(definition.root.text).toContain('"chargePayment"');
    await runtime.runUntilIdle();
    expect(runtime.report(row.uid).status).toBe('completed');
  });
});

describe('steering a run', () => {
  it('pauses, resumes and cancels', async () => {
    const { runtime } = openRuntime();
    const row = runtime.start({
      document: example('order-saga'),
      catalog: { services: [] },
      resolve: () => undefined,
      scenario: { input: order },
    });
    expect(runtime.pause(row.uid)).toBe('paused');
    await runtime.runUntilIdle([row.uid]);
    expect(runtime.summary(row.uid)).toMatchObject({ status: 'paused', seq: 2 });
    runtime.resume(row.uid);
    await runtime.processBatch();
    await runtime.processBatch();
    expect(await runtime.cancel(row.uid)).toBe('cancelled');
    await runtime.runUntilIdle([row.uid]);
    const report = runtime.report(row.uid);
    expect(report.status).toBe('cancelled');
    // Cancelled after creating the order: that effect is left standing, and the verdict says so.
    expect(report.consistency.violations.map((violation) => violation.code)).toEqual([
      'not-undone',
    ]);
  });

  it('refuses a decision nobody is waiting for, naming the element', async () => {
    const ran = await runDocument(example('order-saga'), { input: order });
    await expect(ran.runtime.decide(ran.row.uid, 'chargePayment', 'approve')).rejects.toThrow(
      /not waiting for a decision on chargePayment/,
    );
  });

  it('runs in real time at the speed asked for', async () => {
    const { runtime } = openRuntime();
    const row = runtime.start({
      document: example('order-saga'),
      catalog: { services: [] },
      resolve: () => undefined,
      scenario: { input: order, clock: { mode: 'real', speed: 20 } },
    });
    const started = performance.now();
    await runtime.runUntilIdle([row.uid]);
    const report = runtime.report(row.uid);
    expect(report.status).toBe('completed');
    // The run took `atMs` of virtual time; at speed 20 that is at least atMs / 20 real ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(report.atMs / 20 - 5);
  });
});

describe('seeking', () => {
  it('gives the state of every machine after any journal entry, the same as replaying up to it', async () => {
    const ran = await runDocument(
      example('choreography-saga'),
      { input: order, broker: { duplicateRate: 0.3 } },
      { seed: 3 },
    );
    const last = ran.store.lastSeq(ran.row.id);
    const end = runStateAt(ran.store, ran.row.uid, last);
    expect(end.actors.tracker).toMatchObject({ value: '__completed', status: 'done' });
    const early = runStateAt(ran.store, ran.row.uid, 5);
    expect(early.actors.tracker?.value).toBe('__running');
    expect(runStateAt(ran.store, ran.row.uid, last + 100).seq).toBe(last);
  });
});
