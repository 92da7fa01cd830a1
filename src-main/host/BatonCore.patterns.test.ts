import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BatonError } from '../../src-shared/contract/errors';
import { EXAMPLES_DIR } from '../../test/shared/exampleFiles';
import { BatonCore, createInProcessClient } from './BatonCore';

const cores: BatonCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function startCore() {
  const core = new BatonCore({
    workspacePath: ':memory:',
    mode: 'in-process',
    runInBackground: false,
  });
  cores.push(core);
  return { core, client: createInProcessClient(core) };
}

const start = () => startCore().client;

const exampleText = (name: string) => readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8');

async function refusal(promise: Promise<unknown>): Promise<BatonError> {
  const error = await promise.then(
    () => new Error('succeeded'),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(BatonError);
  return error as BatonError;
}

describe('pattern lab over the contract', () => {
  it('given an imported order saga, when its choreography is derived, then a new map is stored with a mapping and a report, and deriving it back gives an orchestration flow', async () => {
    const client = start();
    const saga = await client['workflows.import']({ text: exampleText('order-saga') });

    const derived = await client['patterns.derive']({ id: saga.id });

    expect(derived.workflow).toMatchObject({ kind: 'map', name: `${saga.name} (choreography)` });
    expect(Object.keys(derived.mapping)).toContain('reserveInventory');
    expect(derived.report.length).toBeGreaterThan(0);
    const opened = await client['workflows.open']({ id: derived.workflow.id });
    expect(opened.document.kind).toBe('map');
    expect(opened.document.model.elements.some((e) => e.type === 'eventType')).toBe(true);
    const listed = await client['workflows.list']({});
    expect(listed.map((w) => w.id)).toContain(derived.workflow.id);

    // The flow's compensations join the workspace catalog, which the map's runs are judged by.
    const services = (await client['catalog.get']({})).services;
    const undo = (name: string, operation: string) =>
      services.find((s) => s.name === name)?.operations.find((o) => o.name === operation)
        ?.compensatedBy;
    expect([
      undo('Orders', 'create'),
      undo('Inventory', 'reserve'),
      undo('Payment', 'charge'),
    ]).toEqual(['cancel', 'release', 'refund']);

    const back = await client['patterns.derive']({ id: derived.workflow.id });
    expect(back.workflow).toMatchObject({
      kind: 'flow',
      name: `${saga.name} (choreography) (orchestration)`,
    });
  });

  it('given a derived map, then each side names the other as its counterpart with the mapping read from its own elements', async () => {
    const client = start();
    const saga = await client['workflows.import']({ text: exampleText('order-saga') });
    const unrelated = await client['workflows.create']({ kind: 'flow', name: 'Unrelated' });
    expect(await client['patterns.counterpart']({ id: saga.id })).toBeNull();

    const derived = await client['patterns.derive']({ id: saga.id });

    const fromSaga = await client['patterns.counterpart']({ id: saga.id });
    expect(fromSaga).toEqual({
      workflow: derived.workflow,
      role: 'derived',
      mapping: derived.mapping,
    });
    const fromMap = await client['patterns.counterpart']({ id: derived.workflow.id });
    expect(fromMap?.role).toBe('source');
    expect(fromMap?.workflow).toMatchObject({ id: saga.id, name: saga.name });
    const payment = derived.mapping['chargePayment'] ?? [];
    expect(payment.length).toBeGreaterThan(0);
    for (const mapId of payment) expect(fromMap?.mapping[mapId]).toContain('chargePayment');
    expect(await client['patterns.counterpart']({ id: unrelated.id })).toBeNull();
  });

  it('given a source derived twice, then its counterpart is the newest derived workflow, and a derived one derived again still names its source', async () => {
    let clock = 1_000;
    const core = new BatonCore({
      workspacePath: ':memory:',
      mode: 'in-process',
      runInBackground: false,
      now: () => (clock += 10),
    });
    cores.push(core);
    const client = createInProcessClient(core);
    const saga = await client['workflows.import']({ text: exampleText('order-saga') });
    await client['patterns.derive']({ id: saga.id });
    const second = await client['patterns.derive']({ id: saga.id });
    const back = await client['patterns.derive']({ id: second.workflow.id });

    expect((await client['patterns.counterpart']({ id: saga.id }))?.workflow.id).toBe(
      second.workflow.id,
    );
    const ofSecond = await client['patterns.counterpart']({ id: second.workflow.id });
    expect(ofSecond).toMatchObject({ role: 'source', workflow: { id: saga.id } });
    const ofBack = await client['patterns.counterpart']({ id: back.workflow.id });
    expect(ofBack).toMatchObject({ role: 'source', workflow: { id: second.workflow.id } });
  });

  it('given either side deleted, then the link is gone and neither has a counterpart', async () => {
    const client = start();
    const saga = await client['workflows.import']({ text: exampleText('order-saga') });
    const first = await client['patterns.derive']({ id: saga.id });
    const second = await client['patterns.derive']({ id: first.workflow.id });

    await client['workflows.delete']({ id: first.workflow.id });

    expect(await client['patterns.counterpart']({ id: saga.id })).toBeNull();
    expect(await client['patterns.counterpart']({ id: second.workflow.id })).toBeNull();
    const error = await refusal(client['patterns.counterpart']({ id: first.workflow.id }));
    expect(error.code).toBe('not-found');
  });

  it('given a map with no initial event, when derived, then it is refused naming the problem', async () => {
    const client = start();
    const empty = await client['workflows.create']({ kind: 'map', name: 'Empty' });

    const error = await refusal(client['patterns.derive']({ id: empty.id }));

    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/Empty cannot be derived: .*no initial event/);
  });

  it('given the saga and its derived map, when compared with 3 runs, then every scenario of the sweep has figures for both', async () => {
    const client = start();
    const saga = await client['workflows.import']({ text: exampleText('order-saga') });
    const derived = await client['patterns.derive']({ id: saga.id });

    const report = await client['patterns.compare']({
      a: saga.id,
      b: derived.workflow.id,
      runs: 3,
      seed: 7,
    });

    expect(report.runsPerScenario).toBe(3);
    expect(report.seed).toBe(7);
    expect(report.documents.map((d) => [d.kind, d.file])).toEqual([
      ['flow', saga.name],
      ['map', derived.workflow.name],
    ]);
    expect(report.results.map((r) => r.scenario)).toEqual([
      'base',
      'slow',
      'down',
      'fail',
      'duplicates',
    ]);
    const base = report.results[0]!;
    expect(base.a.runs).toBe(3);
    expect(base.b.runs).toBe(3);
    expect(base.a.latency.p50Ms).toBeGreaterThan(0);
    expect(base.b.messages.total).toBeGreaterThan(0);
  }, 60_000);

  it('given too many runs or the same workflow twice, when compared, then it is refused naming the problem', async () => {
    const client = start();
    const saga = await client['workflows.import']({ text: exampleText('order-saga') });
    const other = await client['workflows.import']({ text: exampleText('choreography-saga') });

    const tooMany = await refusal(
      client['patterns.compare']({ a: saga.id, b: other.id, runs: 101 }),
    );
    expect(tooMany.code).toBe('invalid-input');
    expect(JSON.stringify(tooMany.toInfo())).toMatch(/at most 100 runs/);

    const same = await refusal(client['patterns.compare']({ a: saga.id, b: saga.id }));
    expect(same.code).toBe('invalid-input');
    expect(same.message).toBe('compare needs two different flows or maps');
  });

  it('given a comparison with a ticket, when it runs, then it reports its progress up to every run of the sweep', async () => {
    const { core, client } = startCore();
    const saga = await client['workflows.import']({ text: exampleText('order-saga') });
    const derived = await client['patterns.derive']({ id: saga.id });
    const progress: { done: number; total: number; scenario: string }[] = [];
    const ticket = '2f1d5c0e-7a43-4a8e-9d6b-52b1f3f0c901';
    core.events.subscribe(({ channel, payload }) => {
      if (channel === 'patterns.progress' && 'ticket' in payload && payload.ticket === ticket)
        progress.push({ done: payload.done, total: payload.total, scenario: payload.scenario });
    });

    await client['patterns.compare']({ a: saga.id, b: derived.workflow.id, runs: 2, ticket });

    // 5 scenarios × 2 documents × 2 runs.
    expect(progress.at(-1)).toEqual({ done: 20, total: 20, scenario: 'duplicates' });
    expect(progress.map((step) => step.done)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect([...new Set(progress.map((step) => step.scenario))]).toEqual([
      'base',
      'slow',
      'down',
      'fail',
      'duplicates',
    ]);
  }, 60_000);

  it('given a running comparison, when it is cancelled, then it stops with "cancelled" and a second cancel finds nothing running', async () => {
    const { core, client } = startCore();
    const saga = await client['workflows.import']({ text: exampleText('order-saga') });
    const derived = await client['patterns.derive']({ id: saga.id });
    const ticket = '9c4b3a2d-1e0f-4a5b-8c7d-6e5f4a3b2c1d';
    let cancelled: Promise<{ cancelled: boolean }> | undefined;
    let last = 0;
    core.events.subscribe(({ channel, payload }) => {
      if (channel !== 'patterns.progress' || !('done' in payload)) return;
      last = payload.done;
      // Cancel once the base runs are done: the slow scenario's runs must not all happen.
      if (payload.scenario === 'base' && payload.done === 2 * 10)
        cancelled = client['patterns.cancelCompare']({ ticket });
    });

    const error = await refusal(
      client['patterns.compare']({ a: saga.id, b: derived.workflow.id, runs: 10, ticket }),
    );

    expect(error.code).toBe('conflict');
    expect(error.message).toBe('the comparison was cancelled');
    expect(await cancelled).toEqual({ cancelled: true });
    expect(last).toBeLessThan(5 * 2 * 10);
    expect(await client['patterns.cancelCompare']({ ticket })).toEqual({ cancelled: false });
  }, 60_000);
});
