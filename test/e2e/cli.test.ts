import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

describe('the baton command', () => {
  it('validates every example without errors (exit 0, JSON report)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    const result = baton('validate', ...examples, '--json');
    const report = JSON.parse(result.out) as {
      files: { file: string; diagnostics: { severity: string }[] }[];
    };
    expect(report.files.map((file) => file.file)).toEqual(examples);
    expect(
      report.files.flatMap((file) => file.diagnostics.filter((d) => d.severity === 'error')),
    ).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('exits 1 on a file with errors', () => {
    const broken = readdirSync('test/fixtures/broken').find((file) => file.endsWith('.json'));
    expect(broken).toBeDefined();
    const result = baton('validate', join('test/fixtures/broken', broken!));
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/error FLOW\d+/);
  });

  it('compiles an example to the same bytes twice, to stdout and to a file', () => {
    const example = examples[0]!;
    const first = baton('compile', example);
    expect(first.code).toBe(0);
    const out = join(dir, 'machine.json');
    expect(baton('compile', example, '-o', out).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(first.out);
  });

  it('exits 2 on bad usage', () => {
    const result = baton('compile');
    expect(result.code).toBe(2);
    expect(result.err).toContain('Usage: baton');
  });
});
