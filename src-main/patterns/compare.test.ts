import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src-shared/format/loadDocument';
import type { ComparisonReport } from '../../src-shared/patterns/compareTypes';
import { deriveMap } from '../../src-shared/patterns/deriveMap';
import { main } from '../cli/main';

const FLOW = 'assets/examples/order-saga.json';
const MAP = 'assets/examples/choreography-saga.json';
const dir = mkdtempSync(join(tmpdir(), 'baton-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI as a user would, capturing what it prints. */
async function baton(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

describe('baton compare of the order saga (flow) and the choreography saga (map)', () => {
  let json = '';
  let report: ComparisonReport;
  beforeAll(async () => {
    const first = await baton('compare', FLOW, MAP, '--seed', '7', '--json');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    json = first.out;
    report = JSON.parse(json) as ComparisonReport;
  });
  const result = (name: string) => {
    const found = report.results.find((entry) => entry.scenario === name);
    if (!found) throw new Error(`no ${name} scenario`);
    return found;
  };

  it('sweeps the base scenario and four faults derived from the documents, 20 seeds each', () => {
    expect(report.results.map((entry) => entry.scenario)).toEqual([
      'base',
      'slow',
      'down',
      'fail',
      'duplicates',
    ]);
    expect(report.sharedServices).toEqual(['Inventory', 'Orders', 'Payment']);
    const sweep = Object.fromEntries(report.sweep.map((entry) => [entry.name, entry]));
    // Payment is the flow's last undoable step: it goes down and fails.
    expect(sweep.down?.service).toBe('Payment');
    expect(sweep.down?.scenarios[1].down?.Payment).toEqual([sweep.down?.window]);
    expect(sweep.fail?.scenarios[0].mocks).toEqual({ 'Payment.charge': { outcomes: ['fail'] } });
    expect(sweep.fail?.scenarios[1].mocks).toEqual({
      'Payment.chargeCustomer': { outcomes: ['fail'] },
    });
    expect(sweep.slow?.service).not.toBe('Payment');
    expect(sweep.duplicates?.scenarios[1].broker?.duplicateRate).toBe(0.5);
    for (const entry of report.results) {
      expect(entry.a.runs).toBe(20);
      expect(entry.b.runs).toBe(20);
    }
  });

  it('measures latency, messages, steps and consistency for every scenario', () => {
    for (const entry of report.results) {
      for (const figures of [entry.a, entry.b]) {
        expect(figures.latency.runs).toBe(figures.runs);
        expect(figures.latency.p50Ms).toBeGreaterThan(0);
        expect(figures.latency.p95Ms).toBeGreaterThanOrEqual(figures.latency.p50Ms);
        expect(figures.latency.maxMs).toBeGreaterThanOrEqual(figures.latency.p95Ms);
        expect(figures.messages.total).toBeGreaterThan(0);
        expect(figures.callAttempts.total).toBeGreaterThanOrEqual(figures.runs);
        expect(Object.values(figures.statuses).reduce((x, y) => x + y, 0)).toBe(figures.runs);
        expect(figures.consistent).toBeLessThanOrEqual(figures.runs);
      }
      // A coordinator's messages are its calls and their replies: twice its requests.
      expect(entry.a.messages.total).toBe(
        2 * (entry.a.callAttempts.total + entry.a.compensations.total),
      );
    }
    // The map's messages are publishes plus deliveries: more than its calls, and duplicates add some.
    expect(result('duplicates').b.messages.total).toBeGreaterThan(result('base').b.messages.total);
    expect(result('slow').a.latency.p50Ms).toBeGreaterThan(result('base').a.latency.p50Ms);
    expect(result('slow').b.latency.p50Ms).toBeGreaterThan(result('base').b.latency.p50Ms);
  });

  it('shows a down payment service as blocked instances for the flow and backlog for the map', () => {
    const down = result('down');
    expect(down.a.blastRadius?.service).toBe('Payment');
    expect(down.a.blastRadius?.instancesBlocked).toBe(20);
    expect(down.a.blastRadius?.instancesNotCompleted).toBe(20);
    expect(down.a.blastRadius?.maxBacklog).toBe(0);
    expect(down.b.blastRadius?.maxBacklog).toBeGreaterThanOrEqual(1);
    expect(down.b.blastRadius?.maxLagMs).toBeGreaterThan(0);
    // The map waits the window out and completes what it would have completed.
    expect(down.b.statuses.completed).toBe(result('base').b.statuses.completed);
    expect(down.b.latency.p50Ms).toBeGreaterThanOrEqual(report.sweep[2]?.window?.toMs ?? 0);
  });

  it('times detection and compensation when payment fails', () => {
    const fail = result('fail');
    expect(fail.a.statuses).toEqual({ compensated: 20 });
    expect(fail.a.compensations.total).toBe(40); // the order is cancelled and the stock released
    expect(fail.a.recovery.runs).toBe(20);
    expect(fail.a.recovery.detectMs).toBeGreaterThan(0); // the retry's back-off comes first
    expect(fail.a.recovery.compensateMs).toBeGreaterThan(fail.a.recovery.detectMs ?? 0);
    expect(fail.b.recovery.runs).toBeGreaterThan(0);
    expect(fail.b.recovery.compensateMs).toBeGreaterThanOrEqual(fail.b.recovery.detectMs ?? 0);
    expect(result('base').a.recovery).toEqual({ runs: 0, detectMs: null, compensateMs: null });
  });

  it('lists coupling and where an instance’s state can be read', () => {
    const [flow, map] = report.documents;
    expect(flow.kind).toBe('flow');
    expect(flow.coupling.style).toBe('api');
    expect(flow.coupling.dependencies).toContain('Payment.charge');
    expect(flow.coupling.dependencies).toContain('Payment.refund');
    expect(flow.coupling.knows).toEqual(
      flow.services.map((service) => `coordinator -> ${service}`),
    );
    expect(flow.state).toMatchObject({ kind: 'one-place', places: 1 });
    expect(map.kind).toBe('map');
    expect(map.coupling.style).toBe('events');
    expect(map.coupling.dependencies).toContain('Payment <- Inventory: InventoryReserved');
    expect(map.coupling.knows).toContain('Payment -> Inventory');
    expect(map.coupling.dependencyCount).toBe(map.coupling.dependencies.length);
    expect(map.state).toEqual({
      kind: 'correlated',
      places: 3,
      services: ['Inventory', 'Orders', 'Payment'],
    });
  });

  it('gives byte-identical JSON for the same seed, and other figures for another', async () => {
    const again = await baton('compare', FLOW, MAP, '--seed', '7', '--json');
    expect(again.out).toBe(json);
    const other = await baton('compare', FLOW, MAP, '--seed', '8', '--json');
    expect(other.out).not.toBe(json);
  });

  it('prints tables and the summary for people', async () => {
    const human = await baton('compare', FLOW, MAP, '--seed', '7', '--runs', '5');
    expect(human.code).toBe(0);
    expect(human.out).toContain('down: Payment is down from 0 to');
    expect(human.out).toMatch(/latency p50 \/ p95 +\d+ \/ \d+ ms/);
    expect(human.out).toContain('correlated across 3 services');
    expect(human.out).toContain('While Payment was down');
  });
});

describe('baton compare usage', () => {
  it.each([
    [['compare', FLOW], 'compare needs exactly two files, not 1'],
    [['compare', FLOW, MAP, MAP], 'compare needs exactly two files, not 3'],
    [['compare', FLOW, MAP, '--seed', 'x'], '--seed must be a whole number'],
    [['compare', FLOW, MAP, '--db', 'w.db'], 'compare has no --db option'],
    [['compare', FLOW, MAP, '--runs', '0'], '--runs must be a whole number from 1 to 500'],
    [['compare', FLOW, MAP, '--runs', '2.5'], '--runs must be a whole number'],
    [['compare', FLOW, join(dir, 'none.json')], 'none.json'],
    [['compare', FLOW, MAP, '--scenario', join(dir, 'none.json')], 'does not exist'],
  ])('%j exits 2 saying what is wrong', async (argv, message) => {
    const { code, err, out } = await baton(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(out).toBe('');
  });

  it('refuses a scenario that is not one, naming the problem', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ broker: { duplicateRate: 3 } }));
    const { code, err } = await baton('compare', FLOW, MAP, '--scenario', path);
    expect(code).toBe(2);
    expect(err).toContain('duplicateRate');
  });
});

describe('baton compare of other pairs', () => {
  it('takes a .bpmn file, compares two flows, and names them a and b when they are alike', async () => {
    const bpmn = join(dir, 'order-saga.bpmn');
    expect((await baton('export', FLOW, '--to', 'bpmn', '-o', bpmn)).code).toBe(0);
    const { code, out } = await baton('compare', bpmn, FLOW, '--runs', '2', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as ComparisonReport;
    expect(report.runsPerScenario).toBe(2);
    expect(report.documents.map((document) => document.kind)).toEqual(['flow', 'flow']);
    // The same process imported from BPMN runs the same: the same figures for both.
    for (const entry of report.results) expect(entry.a).toEqual(entry.b);
    const human = await baton('compare', bpmn, FLOW, '--runs', '2');
    expect(human.out).toContain('a: Order saga (orchestration)');
  });

  it('exits 1 when a run of the base scenario leaves the system inconsistent', async () => {
    const scenario = join(dir, 'double-charge.json');
    // Payment charges after the flow gave up, and charges again when the flow retries.
    writeFileSync(
      scenario,
      JSON.stringify({
        mocks: { 'Payment.charge': { outcomes: ['late-ok', 'ok'], honoursIdempotency: false } },
      }),
    );
    const { code, out } = await baton(
      'compare',
      FLOW,
      MAP,
      '--scenario',
      scenario,
      '--runs',
      '2',
      '--json',
    );
    const report = JSON.parse(out) as ComparisonReport;
    const base = report.results[0];
    expect(base?.a.consistent).toBe(0);
    expect(code).toBe(1);
  });
});

describe('baton compare of the order saga and its derived map', () => {
  let report: ComparisonReport;
  beforeAll(async () => {
    // The derived map's catalog does not say what undoes what: the flow's compensations do.
    const loaded = loadDocument(readFileSync(FLOW, 'utf8'));
    if (!loaded.ok) throw new Error(loaded.message);
    const derived = join(dir, 'order-saga-choreography.json');
    writeFileSync(derived, JSON.stringify(deriveMap(loaded.document).document));
    const { code, out } = await baton('compare', FLOW, derived, '--seed', '7', '--runs', '5');
    expect(code).toBe(0);
    report = JSON.parse(
      (await baton('compare', FLOW, derived, '--seed', '7', '--runs', '5', '--json')).out,
    ) as ComparisonReport;
    // Both try Payment twice (the flow's retry policy is the map's reaction's attempts); the
    // flow's back-off is shorter than the broker's redelivery delay.
    expect(out).toContain(
      'When Payment failed, Order saga (orchestration) compensated 40% faster (810 ms against 1358 ms from the first failure to the last compensation).',
    );
  });

  it('counts the map’s undo reactions as compensations, and times them from the failure', () => {
    const fail = report.results.find((entry) => entry.scenario === 'fail')!;
    expect(fail.b.statuses).toEqual({ compensated: 5 });
    // Inventory.release and Orders.cancel, as the flow, after two payment attempts, as the flow.
    expect(fail.b.compensations.perRun).toBe(2);
    expect(fail.b.callAttempts.perRun).toBe(4);
    expect(fail.a.callAttempts.perRun).toBe(4);
    expect(fail.a.compensations.perRun).toBe(2);
    expect(fail.b.recovery.runs).toBe(5);
    expect(fail.b.recovery.compensateMs).toBeGreaterThan(fail.b.recovery.detectMs ?? 0);
  });

  it('slows and fails only forward operations in both, never an undo', () => {
    const sweep = Object.fromEntries(report.sweep.map((entry) => [entry.name, entry]));
    for (const name of ['slow', 'fail'] as const) {
      const [flow, map] = sweep[name]!.scenarios;
      expect(Object.keys(map.mocks ?? {})).toEqual(Object.keys(flow.mocks ?? {}));
    }
    expect(Object.keys(sweep.slow!.scenarios[1].mocks ?? {})).toEqual(['Orders.create']);
  });
});
