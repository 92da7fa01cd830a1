#!/usr/bin/env node
// `npm test`: typecheck, lint, the vitest projects (shared, main, renderer), then the end-to-end
// suite in Chromium. Every step runs even when an earlier one fails, so one run shows everything;
// the exit code is non-zero if any step failed. Step results go to test-results/checks.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './build-if-needed.mjs';

const bin = (name) => join(root, 'node_modules', '.bin', name);
const steps = [
  { name: 'typecheck', command: bin('tsc'), args: ['-b'] },
  { name: 'lint', command: bin('eslint'), args: ['--max-warnings', '0', '.'] },
  { name: 'format', command: bin('prettier'), args: ['--check', '--log-level', 'warn', '.'] },
  { name: 'unit', command: bin('vitest'), args: ['run'] },
  { name: 'e2e', command: bin('vitest'), args: ['run', '--config', 'vitest.e2e.config.ts'] },
];

const resultsDir = join(root, 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const results = steps.map(({ name, command, args }) => {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${status === 0 ? '✔' : '✘'} ${name} (${seconds} s)`);
  return { name, passed: status === 0, seconds: Number(seconds) };
});

writeFileSync(join(resultsDir, 'checks.json'), JSON.stringify(results, null, 2));
const failed = results.filter((result) => !result.passed).map((result) => result.name);
console.log(failed.length === 0 ? '\nAll checks passed.' : `\nFailed: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
