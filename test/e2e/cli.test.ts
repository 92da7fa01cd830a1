import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `npx baton …` as a user runs it: the package's bin, in a child process. */
function baton(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/baton.mjs', ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const examples = readdirSync('assets/examples')
  .filter((file) => file.endsWith('.json'))
  .map((file) => join('assets/examples', file));
const dir = mkdtempSync(join(tmpdir(), 'baton-cli-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = (name: string) => join('assets/examples', name);

describe('the baton command', () => {
  it('validates every example, flows and maps, without a diagnostic (exit 0, JSON report)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(9);
    const result = baton('validate', ...examples, '--json');
    const report = JSON.parse(result.out) as {
      files: { file: string; diagnostics: { code: string; message: string }[] }[];
    };
    expect(report.files.map((file) => file.file)).toEqual(examples);
    expect(
      report.files.flatMap((file) => file.diagnostics.map((d) => `${file.file}: ${d.code}`)),
    ).toEqual([]);
    expect(result.code).toBe(0);
  });

  it.each(['FLOW', 'CHOR'])('exits 1 on a broken %s fixture, naming the code', (prefix) => {
    const broken = readdirSync('test/fixtures/broken').find(
      (file) => file.startsWith(prefix) && file.endsWith('.json'),
    );
    expect(broken).toBeDefined();
    const result = baton('validate', join('test/fixtures/broken', broken!));
    expect(result.code).toBe(1);
    expect(result.out).toMatch(new RegExp(`error ${prefix}\\d+`));
  });

  it('checks the flow a hybrid map starts only when that flow is on the command line', () => {
    const hybrid = readFileSync(example('logistics-hybrid.json'), 'utf8');
    const startsVersion2 = join(dir, 'logistics-hybrid-v2.json');
    writeFileSync(
      startsVersion2,
      hybrid.replace(
        /("flowId": "customs-clearance",\s*"version": )1/,
        (_all, key: string) => `${key}2`,
      ),
    );

    const withFlow = baton('validate', startsVersion2, example('customs-clearance.json'));
    const alone = baton('validate', startsVersion2);

    expect(withFlow.code).toBe(1);
    expect(withFlow.out).toMatch(/logistics-hybrid-v2\.json: error CHOR105 /);
    expect(alone.code).toBe(0);
  });

  it.each(['order-saga.json', 'order-fanout.json'])(
    'compiles %s to the same bytes twice, to stdout and to a file',
    (name) => {
      const first = baton('compile', example(name));
      expect(first.code).toBe(0);
      const out = join(dir, `${name}.compiled.json`);
      expect(baton('compile', example(name), '-o', out).code).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(first.out);
    },
  );

  it('runs the order saga with a failing payment: compensated, recorded, listed', () => {
    const db = join(dir, 'runs.baton.db');
    const scenario = join(dir, 'payment-fails.json');
    writeFileSync(
      scenario,
      JSON.stringify({ mocks: { 'Payment.charge': { outcomes: ['fail'] } } }),
    );

    const run = baton(
      'run',
      example('order-saga.json'),
      '--scenario',
      scenario,
      '--db',
      db,
      '--json',
    );
    const report = JSON.parse(run.out) as { runId: string; status: string; compensated: string[] };
    const runs = baton('runs', '--db', db);

    expect(run.code).toBe(0);
    expect(report.status).toBe('compensated');
    expect(report.compensated).toEqual(['reserveInventory', 'createOrder']);
    expect(runs.code).toBe(0);
    expect(runs.out).toMatch(/^RUN +STATUS +NAME/);
    expect(runs.out).toMatch(new RegExp(`^${report.runId} +compensated +Order saga +flow`, 'm'));
  });

  it('exits 1 when a run needs attention, and 2 on a bad scenario', () => {
    const db = join(dir, 'failing.baton.db');
    const refundFails = join(dir, 'refund-fails.json');
    const bad = join(dir, 'bad-scenario.json');
    writeFileSync(
      refundFails,
      JSON.stringify({
        mocks: { shipOrder: { outcomes: ['fail'] }, 'Payment.refund': { outcomes: ['fail'] } },
      }),
    );
    writeFileSync(bad, JSON.stringify({ mocks: { x: { outcomes: ['maybe'] } } }));

    const failing = baton('run', example('order-saga.json'), '--scenario', refundFails, '--db', db);
    const invalid = baton('run', example('order-saga.json'), '--scenario', bad, '--db', db);

    expect(failing.code).toBe(1);
    expect(failing.out).toMatch(/needs-attention/);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain('mocks.x.outcomes');
  });

  it('draws a document as SVG and PNG, and reads BPMN wherever a file is', () => {
    const png = join(dir, 'travel.png');
    const drawn = baton('export', example('travel-booking.json'), '--to', 'png', '-o', png);
    expect(drawn.code).toBe(0);
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(baton('export', example('travel-booking.json'), '--to', 'svg').out).toMatch(/^<svg/);

    const bpmn = join(dir, 'travel.bpmn');
    expect(baton('export', example('travel-booking.json'), '--to', 'bpmn', '-o', bpmn).code).toBe(
      0,
    );
    expect(baton('validate', bpmn).code).toBe(0);
    const imported = baton('import', bpmn);
    expect(imported.code).toBe(0);
    expect(imported.out).toBe(readFileSync(example('travel-booking.json'), 'utf8'));
  });

  it('exits 2 on bad usage', () => {
    const result = baton('compile');
    expect(result.code).toBe(2);
    expect(result.err).toContain('Usage: baton');
  });
});
