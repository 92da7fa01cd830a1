import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Breakpoint } from '../../src-shared/runtime/debug';
import type { Scenario } from '../../src-shared/runtime/scenario';
import { EXAMPLES_DIR } from '../../test/shared/exampleFiles';
import { example, openRuntime } from '../../test/main/runtimeHarness';
import { useTempDirs } from '../../test/main/tempDirs';
import { closeWorkspace } from '../storage/openWorkspace';
import { folderResolver } from './flowResolvers';
import { replayRun } from './replay';
import { resimulateRun } from './resimulate';
import type { Runtime } from './Runtime';

const order = { orderId: 'o-1', amount: 120 };
const tempDir = useTempDirs('baton-debug-');

function start(
  runtime: Runtime,
  name: string,
  scenario: Scenario,
  options: { mode?: 'run' | 'debug'; breakpoints?: Breakpoint[]; seed?: number } = {},
) {
  return runtime.start({
    document: example(name),
    catalog: { services: [] },
    resolve: folderResolver(EXAMPLES_DIR),
    scenario,
    ...options,
  });
}

const onCharge: Breakpoint = { kind: 'element', target: 'chargePayment' };

describe('debug mode', () => {
  it('given a debug start, then the run is paused before its first step with stop reason start, and nothing runs', async () => {
    const { runtime } = openRuntime();
    const row = start(runtime, 'order-saga', { input: order }, { mode: 'debug' });
    await runtime.runUntilIdle([row.uid]);
    expect(runtime.summary(row.uid)).toMatchObject({
      status: 'paused',
      mode: 'debug',
      stop: { reason: 'start', seq: 2 },
      seq: 2,
      parentRunId: null,
      forkedAtSeq: null,
    });
  });

  it('given a breakpoint on the payment task, when the run goes on, then it pauses where payment is entered, with the element active', async () => {
    const { runtime, store } = openRuntime();
    const row = start(runtime, 'order-saga', { input: order }, { breakpoints: [onCharge] });
    await runtime.runUntilIdle([row.uid]);
    const summary = runtime.summary(row.uid);
    expect(summary).toMatchObject({
      status: 'paused',
      mode: 'run',
      stop: { reason: 'breakpoint', breakpoint: { index: 0, breakpoint: onCharge } },
      active: ['chargePayment'],
    });
    expect(summary.stop?.elementId).toBe('chargePayment');
    expect(summary.stop?.seq).toBe(store.lastSeq(row.id));
    const charge = store.journalOfKind(row.id, 'request').at(-1);
    expect(charge?.data.elementId).toBe('chargePayment');
    // Going on: the retry-free saga completes (the breakpoint is not met again).
    runtime.resume(row.uid);
    await runtime.runUntilIdle([row.uid]);
    expect(runtime.summary(row.uid)).toMatchObject({ status: 'completed', active: [] });
    expect(runtime.summary(row.uid).stop).toBeUndefined();
  });

  it('stops on an edge when it is taken, on an event type when it is published, and names what it met', async () => {
    const { runtime } = openRuntime();
    const edge: Breakpoint = { kind: 'edge', target: 'flow_reserve_charge' };
    const flow = start(runtime, 'order-saga', { input: order }, { breakpoints: [edge] });
    await runtime.runUntilIdle([flow.uid]);
    expect(runtime.summary(flow.uid).stop).toMatchObject({
      reason: 'breakpoint',
      elementId: 'chargePayment',
      breakpoint: { index: 0 },
    });
    const first: Breakpoint = { kind: 'edge', target: 'flow_placed_create' };
    const started = start(runtime, 'order-saga', { input: order }, { breakpoints: [first] });
    await runtime.runUntilIdle([started.uid]);
    expect(runtime.summary(started.uid).stop).toMatchObject({ elementId: 'createOrder' });

    const event: Breakpoint = { kind: 'event', target: 'InventoryReserved' };
    const map = start(runtime, 'choreography-saga', { input: order }, { breakpoints: [event] });
    await runtime.runUntilIdle([map.uid]);
    expect(runtime.summary(map.uid)).toMatchObject({
      status: 'paused',
      stop: { reason: 'breakpoint', eventType: 'InventoryReserved' },
    });
  });

  it('stops only when the condition holds, and stops saying why when it cannot be evaluated', async () => {
    const { runtime } = openRuntime();
    const cheap = start(
      runtime,
      'order-saga',
      { input: order },
      { breakpoints: [{ ...onCharge, condition: 'data.amount < 100' }] },
    );
    await runtime.runUntilIdle([cheap.uid]);
    expect(runtime.summary(cheap.uid).status).toBe('completed');

    const dear = start(
      runtime,
      'order-saga',
      { input: order },
      {
        breakpoints: [
          { ...onCharge, condition: 'data.amount > 100 and elementId = "chargePayment"' },
        ],
      },
    );
    await runtime.runUntilIdle([dear.uid]);
    expect(runtime.summary(dear.uid).stop).toMatchObject({ reason: 'breakpoint' });

    const broken = start(
      runtime,
      'order-saga',
      { input: order },
      { breakpoints: [{ ...onCharge, condition: '$nosuchfunction(data)' }] },
    );
    await runtime.runUntilIdle([broken.uid]);
    const stop = runtime.summary(broken.uid).stop;
    expect(stop?.reason).toBe('breakpoint');
    expect(stop?.message).toMatch(/condition failed/);
  });

  it('ignores a disabled breakpoint, and takes new breakpoints on a running run', async () => {
    const { runtime } = openRuntime();
    const row = start(
      runtime,
      'order-saga',
      { input: order },
      { mode: 'debug', breakpoints: [{ ...onCharge, enabled: false }] },
    );
    runtime.setBreakpoints(row.uid, [{ kind: 'element', target: 'shipOrder' }]);
    runtime.resume(row.uid);
    await runtime.runUntilIdle([row.uid]);
    expect(runtime.summary(row.uid).stop).toMatchObject({ elementId: 'shipOrder' });
  });

  it('keeps the breakpoints and the stop of a paused run over a restart', async () => {
    const path = join(tempDir(), 'w.db');
    const first = openRuntime(path);
    const row = start(first.runtime, 'order-saga', { input: order }, { breakpoints: [onCharge] });
    await first.runtime.runUntilIdle([row.uid]);
    const stopped = first.runtime.summary(row.uid);
    first.runtime.close();
    closeWorkspace(first.db);

    const second = openRuntime(path);
    second.runtime.resumeAll();
    await second.runtime.runUntilIdle();
    expect(second.runtime.summary(row.uid)).toEqual(stopped);
    second.runtime.resume(row.uid);
    await second.runtime.runUntilIdle();
    expect(second.runtime.summary(row.uid).status).toBe('completed');
    closeWorkspace(second.db);
  });
});

describe('stepping', () => {
  it('steps one agenda item, to the next element, and to a chosen element, and journals nothing of it', async () => {
    const { runtime, store } = openRuntime();
    const row = start(runtime, 'order-saga', { input: order }, { mode: 'debug' });
    await runtime.step(row.uid, 'event');
    expect(runtime.summary(row.uid)).toMatchObject({
      status: 'paused',
      stop: { reason: 'step' },
      active: ['createOrder'],
    });
    await runtime.step(row.uid, 'element');
    expect(runtime.summary(row.uid).stop).toMatchObject({
      reason: 'step',
      elementId: 'reserveInventory',
    });
    await runtime.step(row.uid, { toElement: 'notifyCustomer' });
    const summary = runtime.summary(row.uid);
    expect(summary.stop).toMatchObject({ reason: 'run-to', elementId: 'notifyCustomer' });
    expect(summary.stop?.seq).toBe(store.lastSeq(row.id));
    await runtime.step(row.uid, { toElement: 'nowhere' });
    expect(runtime.summary(row.uid)).toMatchObject({ status: 'completed', active: [] });
    expect(runtime.summary(row.uid).stop).toBeUndefined();
    // Stepped all the way, the run is the one its scenario gives on its own.
    const again = await resimulateRun(store, row.uid);
    expect(again).toMatchObject({ applicable: true, identical: true });
  });

  it('lets a breakpoint met on the way stop a step first', async () => {
    const { runtime } = openRuntime();
    const row = start(
      runtime,
      'order-saga',
      { input: order },
      { mode: 'debug', breakpoints: [onCharge] },
    );
    await runtime.step(row.uid, { toElement: 'notifyCustomer' });
    expect(runtime.summary(row.uid).stop).toMatchObject({
      reason: 'breakpoint',
      elementId: 'chargePayment',
    });
  });

  it('refuses a run that is not paused or has ended, clearly', async () => {
    const { runtime } = openRuntime();
    const row = start(runtime, 'order-saga', { input: order });
    await expect(runtime.step(row.uid, 'event')).rejects.toThrow(/not paused: pause it/);
    await runtime.runUntilIdle([row.uid]);
    await expect(runtime.step(row.uid, 'event')).rejects.toThrow(/has ended \(completed\)/);
    await expect(runtime.step('run-nothing', 'event')).rejects.toThrow(/there is no run/);
  });

  it('stops when the run starts waiting for a person, and goes on stepping once they decide', async () => {
    const { runtime } = openRuntime();
    const row = start(runtime, 'kyc-onboarding', { input: { riskScore: 10 } }, { mode: 'debug' });
    await runtime.step(row.uid, { toElement: 'openAccount' });
    expect(runtime.summary(row.uid)).toMatchObject({
      status: 'waiting',
      active: ['collectDocuments'],
      stop: { reason: 'step' },
    });
    await expect(runtime.step(row.uid, 'event')).rejects.toThrow(/waiting for a person/);
    await runtime.decide(row.uid, 'collectDocuments', 'approve');
    expect(runtime.summary(row.uid).status).toBe('paused');
    await runtime.step(row.uid, { toElement: 'openAccount' });
    expect(runtime.summary(row.uid).stop).toMatchObject({
      reason: 'run-to',
      elementId: 'openAccount',
    });
  });
});

describe('debugging a map', () => {
  it('given a consumer down for a window, when stepped to its event, then its backlog waited for the window to end, and the stepped run re-simulates identically', async () => {
    const { runtime, store } = openRuntime();
    const scenario = { input: order, down: { Payment: [{ fromMs: 0, toMs: 5_000 }] } };
    const row = start(runtime, 'choreography-saga', scenario, {
      mode: 'debug',
      breakpoints: [{ kind: 'event', target: 'PaymentCompleted' }],
    });
    await runtime.step(row.uid, { toElement: 'nowhere' });
    const summary = runtime.summary(row.uid);
    expect(summary.stop).toMatchObject({ reason: 'breakpoint', eventType: 'PaymentCompleted' });
    expect(summary.atMs).toBeGreaterThanOrEqual(5_000);
    const postponed = store.journalOfKind(row.id, 'delivery.postponed');
    expect(postponed.map((entry) => [entry.data.service, entry.data.untilMs])).toContainEqual([
      'payment',
      5_000,
    ]);
    // Delivered, the event meets the breakpoint again.
    runtime.resume(row.uid);
    await runtime.runUntilIdle([row.uid]);
    expect(runtime.summary(row.uid).stop).toMatchObject({ eventType: 'PaymentCompleted' });
    expect(store.journal(row.id).at(-1)?.kind).not.toBe('publish');
    runtime.setBreakpoints(row.uid, []);
    runtime.resume(row.uid);
    await runtime.runUntilIdle([row.uid]);
    expect(runtime.summary(row.uid).status).toBe('completed');
    expect(await resimulateRun(store, row.uid)).toMatchObject({
      applicable: true,
      identical: true,
    });
  });
});

describe('forcing the next outcome', () => {
  it('given the saga paused at the payment task, when payment is made to fail for each attempt, then inventory is released and then the order cancelled', async () => {
    const { runtime, store } = openRuntime();
    const row = start(runtime, 'order-saga', { input: order }, { breakpoints: [onCharge] });
    // Each time the run stops at the payment task (a call, its retry's timer, the next call),
    // the person says it fails.
    let stops = 0;
    for (;;) {
      await runtime.runUntilIdle([row.uid]);
      const summary = runtime.summary(row.uid);
      if (summary.status !== 'paused') break;
      expect(summary.active).toEqual(['chargePayment']);
      expect(summary.activeNames).toEqual(['Charge payment']);
      stops += 1;
      await runtime.nextOutcome(row.uid, { key: 'chargePayment', outcome: 'fail' });
      runtime.resume(row.uid);
    }
    expect(stops).toBe(3);
    const report = runtime.report(row.uid);
    expect(report.status).toBe('compensated');
    expect(report.compensated).toEqual(['reserveInventory', 'createOrder']);
    expect(runtime.summary(row.uid).retries).toBe(1);
    const forced = store.journalOfKind(row.id, 'outcome.forced');
    expect(forced.map((entry) => [entry.data.outcome, entry.data.by, entry.data.request])).toEqual([
      ['fail', 'person', 12],
      ['fail', 'person', undefined],
      ['fail', 'person', 20],
    ]);
    expect(replayRun(store, row.uid).ok).toBe(true);
    expect(await resimulateRun(store, row.uid)).toMatchObject({ applicable: false });
  });

  it('given no call in flight, then the next attempt of the operation gets the outcome, also after a restart', async () => {
    const path = join(tempDir(), 'w.db');
    const first = openRuntime(path);
    const row = start(
      first.runtime,
      'order-saga',
      { input: order, mocks: { 'Payment.charge': { outcomes: ['ok'] } } },
      { mode: 'debug' },
    );
    await first.runtime.nextOutcome(row.uid, { key: 'Payment.charge', outcome: 'fail' });
    await first.runtime.nextOutcome(row.uid, { key: 'Payment.charge', outcome: 'fail' });
    first.runtime.close();
    closeWorkspace(first.db);
    const second = openRuntime(path);
    second.runtime.resumeAll();
    // Only one of the forced outcomes is kept per key: the second replaces the first.
    second.runtime.resume(row.uid);
    await second.runtime.runUntilIdle();
    const charges = second.runtime
      .report(row.uid)
      .steps.filter((step) => step.elementId === 'chargePayment');
    expect(charges.map((step) => step.outcome)).toEqual(['failed', 'ok']);
    closeWorkspace(second.db);
  });

  it('given a call in flight made to hang, then its caller hears nothing until its timeout, counted from the request', async () => {
    const { runtime, store } = openRuntime();
    const row = start(runtime, 'order-saga', { input: order }, { breakpoints: [onCharge] });
    await runtime.runUntilIdle([row.uid]);
    const request = store.journalOfKind(row.id, 'request').at(-1)!;
    await runtime.nextOutcome(row.uid, { key: 'Payment.charge', outcome: 'hang' });
    runtime.setBreakpoints(row.uid, []);
    runtime.resume(row.uid);
    await runtime.runUntilIdle([row.uid]);
    const answer = store
      .journalOfKind(row.id, 'result')
      .find((entry) => entry.data.request === request.seq);
    expect(answer).toMatchObject({ atMs: request.atMs + 5_000, data: { outcome: 'timeout' } });
    expect(replayRun(store, row.uid).ok).toBe(true);
  });

  it('refuses a key that is neither an element nor an operation', async () => {
    const { runtime } = openRuntime();
    const row = start(runtime, 'order-saga', { input: order }, { mode: 'debug' });
    await expect(
      runtime.nextOutcome(row.uid, { key: 'payment please', outcome: 'fail' }),
    ).rejects.toThrow(/neither an element of the run nor a Service.operation/);
  });
});
