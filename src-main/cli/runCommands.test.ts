import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compilerCases } from '../../test/fixtures/compiler/cases';
import { serializeDocument } from '../../src-shared/format/serializeDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import {
  comparableReport,
  type RunReport,
  type RunSummary,
} from '../../src-shared/runtime/runReport';
import type { Scenario } from '../../src-shared/runtime/scenario';
import { loadDocument } from '../../src-shared/format/loadDocument';
import { emptyCatalog } from '../../src-shared/model/catalog';
import { RunStore } from '../runtime/RunStore';
import { Runtime } from '../runtime/Runtime';
import { closeWorkspace, openWorkspace } from '../storage/openWorkspace';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'baton-cli-runs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI as a user would, capturing what it prints. */
async function baton(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

let files = 0;
/** A file in the test's folder; each call gets a new workspace or scenario name. */
function write(name: string, content: unknown): string {
  const path = join(dir, `${(files += 1)}-${name}`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const newWorkspace = () => join(dir, `${(files += 1)}-workspace.baton.db`);

const saga = 'assets/examples/order-saga.json';
const hybrid = 'assets/examples/logistics-hybrid.json';
const paymentFails: Scenario = { mocks: { 'Payment.charge': { outcomes: ['fail'] } } };
const refundAlwaysFails: Scenario = {
  mocks: { shipOrder: { outcomes: ['fail'] }, 'Payment.refund': { outcomes: ['fail'] } },
};

async function runJson(file: string, scenario: unknown, db: string, ...more: string[]) {
  const result = await baton(
    'run',
    file,
    '--scenario',
    write('scenario.json', scenario),
    '--db',
    db,
    '--json',
    ...more,
  );
  return { ...result, report: JSON.parse(result.out || 'null') as RunReport };
}

describe('baton run', () => {
  it('given a payment that fails, then the saga compensates in reverse order and exits 0', async () => {
    const { code, report } = await runJson(saga, paymentFails, newWorkspace());

    expect(report.status).toBe('compensated');
    expect(report.compensated).toEqual(['reserveInventory', 'createOrder']);
    expect(report.consistency).toMatchObject({ ok: true, violations: [] });
    expect(Object.keys(report).slice(0, 6)).toEqual([
      'runId',
      'status',
      'steps',
      'compensated',
      'events',
      'consistency',
    ]);
    expect(Object.keys(report.steps[0] ?? {})).toEqual(
      expect.arrayContaining([
        'elementId',
        'name',
        'attempt',
        'outcome',
        'startedAtMs',
        'endedAtMs',
      ]),
    );
    expect(code).toBe(0);
  });

  it('given a refund that always fails, then the run needs attention and exits 1', async () => {
    const { code, report } = await runJson(saga, refundAlwaysFails, newWorkspace());

    expect(report.status).toBe('needs-attention');
    expect(report.consistency.ok).toBe(false);
    expect(code).toBe(1);
  });

  it('given the hybrid map, its customs flow next to it and a cleared decision, then it completes', async () => {
    const scenario = {
      input: { shipmentId: 's-1' },
      approvals: { reviewDecision: 'approve' },
      events: [{ type: 'CustomsDecisionIssued', atMs: 30000, payload: { decision: 'cleared' } }],
    };

    const { code, report } = await runJson(hybrid, scenario, newWorkspace());

    expect(report.status).toBe('completed');
    expect(report.steps.map((step) => step.elementId)).toContain('validateDocuments');
    expect(report.events.map((event) => event.type)).toContain('ShipmentDelivered');
    expect(code).toBe(0);
  });

  it('prints a readable report: header, a line per step, compensations, events and verdict', async () => {
    const { report } = await runJson(saga, paymentFails, newWorkspace());
    const scenario = write('s.json', paymentFails);

    const result = await baton('run', saga, '--scenario', scenario, '--db', newWorkspace());
    const lines = result.out.split('\n');

    expect(result.code).toBe(0);
    expect(lines[0]).toMatch(
      /^Order saga \[flow\] {2}run-\w+ {2}compensated {2}seed 1 {2}correlation order-saga-1 {2}at \d+ ms$/,
    );
    const steps = lines.filter((line) => / → +\d+ ms {2}/.test(line));
    expect(steps).toHaveLength(report.steps.length);
    expect(steps[0]).toMatch(/^ +0 → +\d+ ms {2}Create order +attempt 1 {2}ok$/);
    expect(steps.at(-1)).toMatch(/ {2}Undo Create order +attempt 1 {2}compensated$/);
    // Aligned: every step's name starts in the same column.
    expect(new Set(steps.map((line) => line.search(/[A-Z]/))).size).toBe(1);
    expect(lines).toContain('compensated: reserveInventory → createOrder');
    expect(lines).toContain('events: none');
    expect(lines).toContain('verdict: consistent');
  });

  it('prints each violation on its own line when the run is left inconsistent', async () => {
    const { report } = await runJson(saga, refundAlwaysFails, newWorkspace());
    const scenario = write('s.json', refundAlwaysFails);

    const result = await baton('run', saga, '--scenario', scenario, '--db', newWorkspace());

    expect(result.code).toBe(1);
    expect(result.out.split('\n')[0]).toContain('  needs-attention  ');
    const count = report.consistency.violations.length;
    expect(count).toBeGreaterThan(0);
    expect(result.out).toMatch(new RegExp(`^verdict: ${count} violations?$`, 'm'));
    for (const violation of report.consistency.violations)
      expect(result.out).toContain(`\n  ${violation.code}  ${violation.message}\n`);
  });

  it('given the same file, scenario and seed twice, then the reports differ only in run id', async () => {
    const db = newWorkspace();
    const first = await runJson(saga, { ...paymentFails, seed: 3 }, db, '--seed', '7');
    const second = await runJson(saga, { ...paymentFails, seed: 3 }, db, '--seed', '7');

    expect(first.report.seed).toBe(7);
    expect(second.report.runId).not.toBe(first.report.runId);
    expect(comparableReport(second.report)).toEqual(comparableReport(first.report));
    expect(second.out.replace(second.report.runId, first.report.runId)).toBe(first.out);
  });

  it.each([
    ['an unknown outcome', { mocks: { x: { outcomes: ['maybe'] } } }, /mocks\.x\.outcomes/],
    ['an unknown field', { mocks: {}, retries: 3 }, /retries/],
    ['not JSON', '{ "mocks": ', /JSON/i],
  ])(
    'exits 2 on a scenario with %s, naming the file and the field',
    async (_what, scenario, field) => {
      const file = write('bad-scenario.json', scenario);
      const db = newWorkspace();

      const result = await baton('run', saga, '--scenario', file, '--db', db);

      expect(result.code).toBe(2);
      expect(result.err).toContain(file);
      expect(result.err).toMatch(field);
      expect(result.out).toBe('');
      expect(existsSync(db)).toBe(false);
    },
  );

  it('exits 2 when the scenario file does not exist', async () => {
    const result = await baton(
      'run',
      saga,
      '--scenario',
      join(dir, 'nope.json'),
      '--db',
      newWorkspace(),
    );

    expect(result.code).toBe(2);
    expect(result.err).toMatch(/nope\.json does not exist/);
  });

  it.each(['-1', 'abc', '1.5', '4294967296', ''])('exits 2 on --seed=%s', async (seed) => {
    const result = await baton('run', saga, `--seed=${seed}`, '--db', newWorkspace());

    expect(result.code).toBe(2);
    expect(result.err).toContain('--seed');
  });

  it('exits 2 when the document does not exist', async () => {
    const result = await baton('run', join(dir, 'missing.json'), '--db', newWorkspace());

    expect(result.code).toBe(2);
    expect(result.err).toMatch(/missing\.json does not exist/);
  });

  it('exits 2 naming the errors when the document does not compile', async () => {
    const clean = compilerCases['sequence.basic'] as WorkflowDocument;
    const noStart: WorkflowDocument = {
      ...clean,
      model: {
        ...clean.model,
        elements: clean.model.elements.filter((e) => e.type !== 'startEvent'),
        connections: clean.model.connections.filter((c) => c.source !== 'start'),
      },
      diagram: { shapes: { a: { x: 0, y: 0 }, end: { x: 200, y: 0 } } },
    };
    const file = write('no-start.json', serializeDocument(noStart));

    const result = await baton('run', file, '--db', newWorkspace());

    expect(result.code).toBe(2);
    expect(result.err).toMatch(/error COMP\d+/);
    expect(result.err).toContain(`${file} does not compile`);
  });

  it('exits 2 on options that belong to another command', async () => {
    expect((await baton('run', saga, '-o', 'x.json')).code).toBe(2);
    expect((await baton('validate', saga, '--db', newWorkspace())).code).toBe(2);
    expect((await baton('runs', 'extra', '--db', newWorkspace())).code).toBe(2);
  });
});

describe('baton runs and baton replay', () => {
  it('lists the recorded runs, newest first, and replays each to the same states', async () => {
    const db = newWorkspace();
    const first = await runJson(saga, paymentFails, db);
    const second = await runJson(saga, refundAlwaysFails, db);

    const listed = await baton('runs', '--db', db, '--json');
    const { runs } = JSON.parse(listed.out) as { runs: RunSummary[] };

    expect(listed.code).toBe(0);
    expect(runs.map((run) => [run.runId, run.status])).toEqual([
      [second.report.runId, 'needs-attention'],
      [first.report.runId, 'compensated'],
    ]);

    const replayed = await baton('replay', first.report.runId, '--db', db, '--json');
    const replay = JSON.parse(replayed.out) as {
      runId: string;
      ok: boolean;
      entries: number;
      events: number;
      mismatches: unknown[];
      journal: { seq: number; kind: string }[];
    };
    expect(Object.keys(replay)).toEqual([
      'runId',
      'ok',
      'entries',
      'events',
      'mismatches',
      'resimulation',
      'journal',
    ]);
    expect(replay).toMatchObject({
      runId: first.report.runId,
      ok: true,
      mismatches: [],
      resimulation: { applicable: true, identical: true },
    });
    expect(replay.journal).toHaveLength(replay.entries);
    expect(replay.journal.map((row) => row.seq)).toEqual(
      replay.journal.map((_row, index) => index + 1),
    );
    expect(replay.journal.filter((row) => row.kind === 'event')).toHaveLength(replay.events);
    expect(replay.events).toBeGreaterThan(0);
    expect(replayed.code).toBe(0);
  });

  it('prints the runs as an aligned table', async () => {
    const db = newWorkspace();
    const { report } = await runJson(hybrid, { input: { shipmentId: 's-9' } }, db);

    const result = await baton('runs', '--db', db);
    const [header, row, count] = result.out.split('\n');

    expect(header).toMatch(/^RUN +STATUS +NAME +KIND +SEED +CORRELATION +AT +STARTED$/);
    expect(row).toContain(report.runId);
    expect(row).toContain('Logistics (hybrid)');
    expect(row?.indexOf(report.status)).toBe(header?.indexOf('STATUS'));
    expect(count).toBe('1 run');
  });

  it('prints the journal entry by entry and says the replay reproduced every state', async () => {
    const db = newWorkspace();
    const { report } = await runJson(saga, paymentFails, db);

    const result = await baton('replay', report.runId, '--db', db);

    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^ +1 +0 {2}run\.started +- +Order saga \[flow\], seed 1/m);
    expect(result.out).toMatch(/request +flow +call {2}Charge payment {2}Payment\.charge/);
    expect(result.out).toMatch(/event +flow +call\.ok → __run\.\w+/);
    expect(result.out).toMatch(
      /^replay: reproduces every state \(\d+ machine events in \d+ entries\)$/m,
    );
  });

  it('given a journal whose recorded state was altered, then replay says where and exits 1', async () => {
    const db = newWorkspace();
    const { report } = await runJson(saga, paymentFails, db);
    const sqlite = new Database(db);
    const altered = sqlite
      .prepare(
        `UPDATE run_journal SET data = json_set(data, '$.hash', 'tampered') WHERE seq = (
           SELECT min(seq) FROM run_journal WHERE kind = 'event' AND seq > 5) RETURNING seq`,
      )
      .get() as { seq: number };
    sqlite.close();

    const result = await baton('replay', report.runId, '--db', db);
    const json = await baton('replay', report.runId, '--db', db, '--json');

    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      new RegExp(`replay: DIFFERS at 1 of \\d+ machine events \\(seq ${altered.seq}\\)`),
    );
    expect(result.out).toMatch(/ {6}≠ replayed __run\.\S+ as recorded, but with other data/);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, mismatches: [{ seq: altered.seq }] });
    expect(json.code).toBe(1);
  });

  it('exits 2 naming an unknown run id', async () => {
    const db = newWorkspace();
    await runJson(saga, paymentFails, db);

    const result = await baton('replay', 'run-nosuchrun', '--db', db);

    expect(result.code).toBe(2);
    expect(result.err).toContain('run-nosuchrun');
    expect(result.out).toBe('');
  });

  it('given no workspace file, then runs lists nothing and replay exits 2, creating no file', async () => {
    const db = newWorkspace();

    const runs = await baton('runs', '--db', db, '--json');
    const replay = await baton('replay', 'run-x', '--db', db);

    expect(JSON.parse(runs.out)).toEqual({ runs: [] });
    expect(runs.code).toBe(0);
    expect(replay.code).toBe(2);
    expect(replay.err).toContain('run-x');
    expect(existsSync(db)).toBe(false);
  });
});

describe('baton resume', () => {
  it('given a workspace without unfinished runs, then it prints an empty list', async () => {
    const db = newWorkspace();
    await runJson(saga, paymentFails, db);

    const json = await baton('resume', '--db', db, '--json');
    const text = await baton('resume', '--db', db);

    expect(JSON.parse(json.out)).toEqual({ runs: [] });
    expect(json.code).toBe(0);
    expect(text.out).toBe('no unfinished runs\n');
    expect(text.code).toBe(0);
  });

  it('given a run interrupted after its start, then it finishes it as an uninterrupted run would', async () => {
    const db = newWorkspace();
    const loaded = loadDocument(readFileSync(saga, 'utf8'));
    if (!loaded.ok) throw new Error(loaded.message);
    const workspace = openWorkspace({ path: db });
    const interrupted = new Runtime({ store: new RunStore(workspace) }).start({
      document: loaded.document,
      catalog: emptyCatalog,
      resolve: () => undefined,
      scenario: paymentFails,
    });
    closeWorkspace(workspace);
    const uninterrupted = await runJson(saga, paymentFails, newWorkspace());

    const result = await baton('resume', '--db', db, '--json');
    const { runs } = JSON.parse(result.out) as { runs: RunReport[] };

    expect(result.code).toBe(0);
    expect(runs.map((run) => [run.runId, run.status])).toEqual([[interrupted.uid, 'compensated']]);
    expect(comparableReport(runs[0] as RunReport)).toEqual(comparableReport(uninterrupted.report));
    expect(JSON.parse((await baton('resume', '--db', db, '--json')).out)).toEqual({ runs: [] });
  });
});

describe('baton run on every example', () => {
  const examples = [
    ['order-saga', {}],
    ['travel-booking', {}],
    ['kyc-onboarding', { input: { riskScore: 10 }, approvals: { collectDocuments: 'approve' } }],
    ['media-encoding', {}],
    [
      'customs-clearance',
      {
        approvals: { reviewDecision: 'approve' },
        events: [{ type: 'CustomsDecisionIssued', atMs: 60_000 }],
      },
    ],
    ['order-fanout', { input: { orderId: 'o-1' } }],
    ['choreography-saga', { input: { orderId: 'o-1' } }],
    ['customer-onboarding', { input: { userId: 'u-1' } }],
    [
      'logistics-hybrid',
      {
        input: { shipmentId: 's-1' },
        approvals: { reviewDecision: 'approve' },
        events: [{ type: 'CustomsDecisionIssued', atMs: 60_000 }],
      },
    ],
  ] as const;

  it.each(examples)(
    'runs %s to an outcome and a consistent verdict (exit 0)',
    async (name, scenario) => {
      const { code, report, err } = await runJson(
        `assets/examples/${name}.json`,
        scenario,
        newWorkspace(),
      );
      expect(err).toBe('');
      expect(report.consistency.violations).toEqual([]);
      expect(['completed', 'compensated']).toContain(report.status);
      expect(code).toBe(0);
    },
  );
});
