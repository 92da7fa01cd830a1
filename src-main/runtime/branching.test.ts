import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparableReport } from '../../src-shared/runtime/runReport';
import type { Scenario } from '../../src-shared/runtime/scenario';
import { EXAMPLES_DIR } from '../../test/shared/exampleFiles';
import { example, openRuntime } from '../../test/main/runtimeHarness';
import { useTempDirs } from '../../test/main/tempDirs';
import { closeWorkspace } from '../storage/openWorkspace';
import { folderResolver } from './flowResolvers';
import { replayRun, runStateAt } from './replay';
import { resimulateRun } from './resimulate';
import type { RunStore } from './RunStore';
import type { Runtime } from './Runtime';

const order = { orderId: 'o-1', amount: 120 };
const tempDir = useTempDirs('baton-branch-');

function start(
  runtime: Runtime,
  name: string,
  scenario: Scenario,
  options: { mode?: 'run' | 'debug'; workflowId?: string; seed?: number } = {},
) {
  return runtime.start({
    document: example(name),
    catalog: { services: [] },
    resolve: folderResolver(EXAMPLES_DIR),
    scenario,
    ...options,
  });
}

const journalOf = (store: RunStore, runId: string) => store.journal(store.runByUid(runId)!.id);

describe('forking a run', () => {
  it('given the saga before payment, when forked with other data, then the branch shares its journal up to there, goes on with the new data, and the original is untouched', async () => {
    const { runtime, store } = openRuntime();
    const original = start(runtime, 'order-saga', { input: order });
    await runtime.runUntilIdle([original.uid]);
    const before = journalOf(store, original.uid);
    const reportBefore = runtime.report(original.uid);
    // Entry 8 asks to reserve inventory: payment is not asked for yet.
    expect(before[7]).toMatchObject({ kind: 'request', data: { elementId: 'reserveInventory' } });

    const forked = await runtime.fork(original.uid, {
      seq: 8,
      data: { orderId: 'o-1', amount: 5 },
    });
    await runtime.runUntilIdle([forked.uid]);

    const fork = runtime.summary(forked.uid);
    expect(fork).toMatchObject({ parentRunId: original.uid, forkedAtSeq: 8, status: 'completed' });
    expect(runtime.list().map((run) => run.runId)).toEqual([forked.uid, original.uid]);
    const branch = journalOf(store, forked.uid);
    expect(branch.slice(0, 8)).toEqual(before.slice(0, 8));
    expect(branch[8]).toMatchObject({
      kind: 'data.edited',
      data: { by: 'person', before: order, data: { orderId: 'o-1', amount: 5 } },
    });
    const charge = branch.find(
      (entry) => entry.kind === 'request' && entry.data.elementId === 'chargePayment',
    );
    expect(charge?.data.input).toEqual({ orderId: 'o-1', amount: 5 });
    expect(replayRun(store, forked.uid).ok).toBe(true);
    expect(runStateAt(store, forked.uid, branch.length).actors.flow?.context).toMatchObject({
      data: { amount: 5 },
    });
    expect(await resimulateRun(store, forked.uid)).toMatchObject({ applicable: false });

    expect(journalOf(store, original.uid)).toEqual(before);
    expect(runtime.report(original.uid)).toEqual(reportBefore);
  });

  it('rounds the branch point up to the end of the step that wrote it, and defaults to the last entry', async () => {
    const { runtime, store } = openRuntime();
    const original = start(runtime, 'order-saga', { input: order });
    await runtime.runUntilIdle([original.uid]);
    const inMidStep = await runtime.fork(original.uid, { seq: 6 });
    expect(runtime.summary(inMidStep.uid).forkedAtSeq).toBe(8);
    const whole = await runtime.fork(original.uid, {});
    const last = store.lastSeq(original.id);
    expect(runtime.summary(whole.uid)).toMatchObject({ forkedAtSeq: last, status: 'completed' });
    expect(journalOf(store, whole.uid)).toEqual(journalOf(store, original.uid));
    await expect(runtime.fork(original.uid, { seq: last + 1 })).rejects.toThrow(
      /cannot be branched after entry/,
    );
  });

  it('re-applies the inputs a person gave the parent, at the same points', async () => {
    const { runtime, store } = openRuntime();
    const original = start(runtime, 'kyc-onboarding', { input: { riskScore: 10 } });
    await runtime.runUntilIdle([original.uid]);
    await runtime.nextOutcome(original.uid, { key: 'verifyIdentity', outcome: 'fail' });
    await runtime.decide(original.uid, 'collectDocuments', 'approve');
    await runtime.runUntilIdle([original.uid]);
    const steered = journalOf(store, original.uid);
    expect(steered.some((entry) => entry.kind === 'person.decided')).toBe(true);

    const forked = await runtime.fork(original.uid, { mode: 'debug' });
    expect(journalOf(store, forked.uid)).toEqual(steered);
    expect(runtime.summary(forked.uid)).toMatchObject({
      status: runtime.summary(original.uid).status,
      mode: 'debug',
    });
  });

  it('leaves a debug branch paused at the branch point, and a branch resumes exactly after a restart', async () => {
    const path = join(tempDir(), 'w.db');
    const first = openRuntime(path);
    const original = start(first.runtime, 'order-saga', { input: order });
    await first.runtime.runUntilIdle([original.uid]);
    const forked = await first.runtime.fork(original.uid, {
      seq: 8,
      data: { orderId: 'o-1', amount: 5 },
      mode: 'debug',
    });
    expect(first.runtime.summary(forked.uid)).toMatchObject({
      status: 'paused',
      stop: { reason: 'start', seq: 9 },
    });
    await first.runtime.step(forked.uid, 'event');
    first.runtime.close();
    closeWorkspace(first.db);

    const second = openRuntime(path);
    second.runtime.resumeAll();
    second.runtime.resume(forked.uid);
    await second.runtime.runUntilIdle();
    expect(second.runtime.summary(forked.uid).status).toBe('completed');
    expect(replayRun(second.store, forked.uid).ok).toBe(true);
    const charge = second.store
      .journalOfKind(second.store.runByUid(forked.uid)!.id, 'request')
      .find((entry) => entry.data.elementId === 'chargePayment');
    expect(charge?.data.input).toEqual({ orderId: 'o-1', amount: 5 });
    closeWorkspace(second.db);
  });

  it('given a parent whose journal its definition no longer reproduces, then the branch is refused naming the entry, and nothing is left of it', async () => {
    const { db, runtime } = openRuntime();
    const original = start(runtime, 'order-saga', { input: order });
    await runtime.runUntilIdle([original.uid]);
    db.prepare(
      `UPDATE run_journal SET data = json_set(data, '$.planned.latencyMs', 1) WHERE run = ? AND seq = 4`,
    ).run(original.id);
    await expect(runtime.fork(original.uid, { seq: 10 })).rejects.toThrow(
      /cannot be branched: taken again, it differs from its journal at entry 4/,
    );
    expect(runtime.list().map((run) => run.runId)).toEqual([original.uid]);
  });

  it('refuses to edit the data of a map, which has no instance data of its own', async () => {
    const { runtime } = openRuntime();
    const original = start(runtime, 'choreography-saga', { input: order });
    await runtime.runUntilIdle([original.uid]);
    await expect(runtime.fork(original.uid, { seq: 10, data: { a: 1 } })).rejects.toThrow(
      /has no data of its own/,
    );
    expect(runtime.list()).toHaveLength(1);
  });
});

describe('re-running a run', () => {
  it('gives the same journal for the same definition, scenario and seed', async () => {
    const { runtime, store } = openRuntime();
    const scenario = { input: order, broker: { duplicateRate: 0.3 } };
    const original = start(runtime, 'choreography-saga', scenario, { seed: 5 });
    await runtime.runUntilIdle([original.uid]);
    const again = runtime.rerun(original.uid);
    await runtime.runUntilIdle([again.uid]);
    const strip = (entries: ReturnType<RunStore['journal']>) => entries;
    expect(strip(journalOf(store, again.uid))).toEqual(strip(journalOf(store, original.uid)));
    expect(comparableReport(runtime.report(again.uid))).toEqual(
      comparableReport(runtime.report(original.uid)),
    );
    expect(runtime.summary(again.uid)).toMatchObject({ parentRunId: null, seed: 5 });
    const debugged = runtime.rerun(original.uid, 'debug');
    expect(runtime.summary(debugged.uid)).toMatchObject({
      status: 'paused',
      mode: 'debug',
      stop: { reason: 'start' },
    });
  });
});

describe('listing runs', () => {
  it('filters by status, workflow and text in the run id, correlation id or name', async () => {
    const { runtime } = openRuntime();
    const failing = { 'Payment.charge': { outcomes: ['fail' as const] } };
    const a = start(runtime, 'order-saga', { input: order, mocks: failing }, { workflowId: 'w-a' });
    const b = start(
      runtime,
      'order-saga',
      { input: { orderId: 'Zed-9', amount: 1 } },
      { workflowId: 'w-b' },
    );
    const c = start(runtime, 'kyc-onboarding', { input: { riskScore: 10 } }, { workflowId: 'w-a' });
    await runtime.runUntilIdle();
    const ids = (runs: { runId: string }[]) => runs.map((run) => run.runId);
    expect(ids(runtime.list({ statuses: ['compensated', 'waiting'] }))).toEqual([c.uid, a.uid]);
    expect(ids(runtime.list({ workflowId: 'w-a' }))).toEqual([c.uid, a.uid]);
    expect(ids(runtime.list({ query: 'KYC' }))).toEqual([c.uid]);
    expect(ids(runtime.list({ query: b.uid.toUpperCase() }))).toEqual([b.uid]);
    expect(ids(runtime.list({ query: 'order-saga', workflowId: 'w-a' }))).toEqual([a.uid]);
    expect(ids(runtime.list({ limit: 1 }))).toEqual([c.uid]);
    expect(runtime.summary(a.uid)).toMatchObject({ retries: 1, active: [] });
    expect(runtime.summary(c.uid)).toMatchObject({
      status: 'waiting',
      active: ['collectDocuments'],
    });
  });
});
