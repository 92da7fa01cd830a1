#!/usr/bin/env node
// Prints the plain closing line CI reads, `N passed, N failed`, counted from the test reports:
// every vitest test (unit and e2e) plus the typecheck, lint and format steps. A step that produced no
// report (it crashed before writing one) counts as failed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './build-if-needed.mjs';

const dir = join(root, 'test-results');
const read = (name) => {
  const path = join(dir, name);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
};

let passed = 0;
let failed = 0;
const checks = read('checks.json') ?? [];
for (const check of checks) {
  if (['typecheck', 'lint', 'format'].includes(check.name)) {
    if (check.passed) passed += 1;
    else failed += 1;
  }
}
for (const [report, step] of [
  ['unit.json', 'unit'],
  ['e2e.json', 'e2e'],
]) {
  const data = read(report);
  if (!data) {
    if (checks.some((check) => check.name === step)) failed += 1;
    continue;
  }
  passed += data.numPassedTests;
  failed += data.numFailedTests;
  // A suite that failed to load has no failed tests but must not pass silently.
  failed += data.testResults.filter(
    (file) =>
      file.status === 'failed' && file.assertionResults.every((test) => test.status !== 'failed'),
  ).length;
}
if (checks.length === 0) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
