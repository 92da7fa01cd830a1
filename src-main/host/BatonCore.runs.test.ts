import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Client, EventPayload } from '../../src-shared/contract/contract';
import { BatonError } from '../../src-shared/contract/errors';
import { useTempDirs } from '../../test/main/tempDirs';
import { EXAMPLES_DIR } from '../../test/shared/exampleFiles';
import { BatonCore, createInProcessClient } from './BatonCore';

const makeTempDir = useTempDirs('baton-core-runs-');
const cores: BatonCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function start(workspacePath = ':memory:') {
  const core = new BatonCore({ workspacePath, mode: 'in-process' });
  cores.push(core);
  return { core, client: createInProcessClient(core) };
}

const exampleText = (name: string) => readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8');

/** Waits until the run reaches one of the statuses, as the UI does: on `runs.changed` events. */
function settled(core: BatonCore, client: Client, runId: string, statuses: readonly string[]) {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`run ${runId} did not settle`)), 10_000);
    const check = async () => {
      const { status } = (await client['runs.list']({})).find((run) => run.runId === runId)!;
      if (statuses.includes(status)) {
        clearTimeout(timer);
        stop();
        resolve(status);
      }
    };
    const stop = core.events.subscribe(({ channel, payload }) => {
      if (channel !== 'runs.changed') return;
      const { runs } = payload as EventPayload<'runs.changed'>;
      if (runs.some((run) => run.runId === runId)) void check();
    });
    void check();
  });
}

describe('runs over the contract', () => {
  it('given an imported order saga, when a run starts with payment failing, then it runs in the background and reports compensated', async () => {
    const { core, client } = start();
    const saga = await client['workflows.import']({ text: exampleText('order-saga') });
    const run = await client['runs.start']({
      id: saga.id,
      scenario: { input: { orderId: 'o-1' }, mocks: { 'Payment.charge': { outcomes: ['fail'] } } },
      seed: 5,
    });
    expect(run).toMatchObject({ name: saga.name, seed: 5, workflowId: saga.id, version: null });
    expect(await settled(core, client, run.runId, ['compensated'])).toBe('compensated');
    const report = await client['runs.get']({ runId: run.runId });
    expect(report.compensated).toEqual(['reserveInventory', 'createOrder']);
    const journal = await client['runs.journal']({ runId: run.runId, limit: 3 });
    expect(journal.entries.map((entry) => entry.kind)).toEqual(
      ['run.started', 'actor.created', 'request'].slice(0, 2).concat(journal.entries[2]!.kind),
    );
    expect(journal.last).toBeGreaterThan(10);
    expect(await client['runs.replay']({ runId: run.runId })).toMatchObject({
      ok: true,
      resimulation: { applicable: true, identical: true },
    });
    const state = await client['runs.stateAt']({ runId: run.runId, seq: journal.last });
    expect(state.actors.flow).toMatchObject({ value: '__compensated' });
  });

  it('pins a run to the version it started from, whatever happens to the draft later', async () => {
    const { core, client } = start();
    const saga = await client['workflows.import']({ text: exampleText('kyc-onboarding') });
    await client['versions.create']({ id: saga.id, label: 'v1' });
    const run = await client['runs.start']({
      id: saga.id,
      version: 1,
      scenario: { input: { riskScore: 10 } },
    });
    expect(await settled(core, client, run.runId, ['waiting'])).toBe('waiting');
    // The draft loses its first task; the run still waits on it, as version 1 has it.
    const opened = await client['workflows.open']({ id: saga.id });
    const keep = (id: string) => id !== 'collectDocuments';
    const trimmed = {
      ...opened.document,
      model: {
        elements: opened.document.model.elements.filter((element) => keep(element.id)),
        connections: opened.document.model.connections.filter(
          (connection) => keep(connection.source) && keep(connection.target),
        ),
      },
      diagram: { shapes: {} },
    };
    await client['drafts.save']({ id: saga.id, baseRevision: opened.revision, document: trimmed });
    await client['runs.decide']({
      runId: run.runId,
      elementId: 'collectDocuments',
      decision: 'approve',
    });
    expect(await settled(core, client, run.runId, ['completed'])).toBe('completed');
  });

  it('given a run waiting for a person when the app closes, then the next start resumes it and a decision finishes it', async () => {
    const path = join(makeTempDir(), 'workspace.baton.db');
    const first = start(path);
    const kyc = await first.client['workflows.import']({ text: exampleText('kyc-onboarding') });
    const run = await first.client['runs.start']({
      id: kyc.id,
      scenario: { input: { riskScore: 10 } },
    });
    await settled(first.core, first.client, run.runId, ['waiting']);
    first.core.close();
    cores.splice(cores.indexOf(first.core), 1);

    const second = start(path);
    await second.client['runs.decide']({
      runId: run.runId,
      elementId: 'collectDocuments',
      decision: 'approve',
    });
    expect(await settled(second.core, second.client, run.runId, ['completed'])).toBe('completed');
  });

  it('refuses to run a document that does not compile, naming its errors, and records nothing', async () => {
    const { client } = start();
    const empty = await client['workflows.create']({ kind: 'flow', name: 'Empty' });
    const refused = await client['runs.start']({ id: empty.id }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BatonError);
    expect((refused as BatonError).message).toMatch(/does not compile.*COMP002/);
    expect(await client['runs.list']({})).toEqual([]);
  });

  it('names an unknown run', async () => {
    const { client } = start();
    await expect(client['runs.get']({ runId: 'run-000000000000' })).rejects.toThrow(
      'there is no run run-000000000000',
    );
  });
});

describe('the debugger over the contract', () => {
  /** Every `runs.changed` event's runs, in order. */
  function changes(core: BatonCore) {
    const seen: { runId: string; status: string; seq: number }[] = [];
    core.events.subscribe(({ channel, payload }) => {
      if (channel === 'runs.changed') seen.push(...(payload as EventPayload<'runs.changed'>).runs);
    });
    return seen;
  }

  it('given the saga debugged with a breakpoint on payment, when a person makes payment fail at each stop, then it compensates, and a fork with other data and a rerun are listed with it', async () => {
    const { core, client } = start();
    const seen = changes(core);
    const saga = await client['workflows.import']({ text: exampleText('order-saga') });
    const run = await client['runs.start']({
      id: saga.id,
      scenario: { input: { orderId: 'o-1', amount: 120 } },
      mode: 'debug',
      breakpoints: [{ kind: 'element', target: 'chargePayment' }],
    });
    expect(run).toMatchObject({ status: 'paused', mode: 'debug', stop: { reason: 'start' } });
    const stepped = await client['runs.step']({
      runId: run.runId,
      until: { toElement: 'shipOrder' },
    });
    expect(stepped).toMatchObject({
      status: 'paused',
      active: ['chargePayment'],
      stop: { reason: 'breakpoint', elementId: 'chargePayment' },
    });
    const fork = await client['runs.fork']({
      runId: run.runId,
      seq: 8,
      data: { orderId: 'o-1', amount: 5 },
      mode: 'debug',
    });
    expect(fork).toMatchObject({ parentRunId: run.runId, forkedAtSeq: 8, status: 'paused' });

    let summary = stepped;
    while (summary.status === 'paused') {
      await client['runs.nextOutcome']({
        runId: run.runId,
        next: { key: 'Payment.charge', outcome: 'fail' },
      });
      summary = await client['runs.step']({ runId: run.runId, until: { toElement: 'shipOrder' } });
    }
    expect(summary).toMatchObject({ status: 'compensated', active: [], retries: 1 });
    expect((await client['runs.get']({ runId: run.runId })).compensated).toEqual([
      'reserveInventory',
      'createOrder',
    ]);
    const refused = client['runs.step']({ runId: run.runId, until: 'event' });
    await expect(refused).rejects.toThrow(/has ended \(compensated\)/);
    await expect(refused).rejects.toMatchObject({ code: 'conflict' });

    const again = await client['runs.rerun']({ runId: fork.runId });
    expect(await settled(core, client, again.runId, ['completed'])).toBe('completed');
    const listed = await client['runs.list']({ workflowId: saga.id });
    expect(listed.map((listedRun) => listedRun.runId)).toEqual([
      again.runId,
      fork.runId,
      run.runId,
    ]);
    expect((await client['runs.list']({ statuses: ['compensated'] })).map((r) => r.runId)).toEqual([
      run.runId,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const told = new Set(seen.map((change) => change.runId));
    expect([...told].sort()).toEqual([again.runId, fork.runId, run.runId].sort());
    expect(
      seen.some((change) => change.runId === run.runId && change.status === 'compensated'),
    ).toBe(true);
  });

  it('saves, lists and deletes scenarios per flow, and forgets them with the flow', async () => {
    const { client } = start();
    const saga = await client['workflows.import']({ text: exampleText('order-saga') });
    const scenario = { seed: 4, mocks: { 'Payment.charge': { outcomes: ['fail' as const] } } };
    const saved = await client['scenarios.save']({ workflowId: saga.id, name: 'fails', scenario });
    expect(saved).toMatchObject({ workflowId: saga.id, name: 'fails', scenario });
    expect(await client['scenarios.list']({ workflowId: saga.id })).toEqual([saved]);
    expect(await client['scenarios.delete']({ workflowId: saga.id, name: 'fails' })).toEqual({
      deleted: true,
    });
    await client['scenarios.save']({ workflowId: saga.id, name: 'fails', scenario });
    await client['workflows.delete']({ id: saga.id });
    await expect(client['scenarios.list']({ workflowId: saga.id })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
