// Start-up: how long the renderer takes to become interactive in Chromium once the host is up
// (DESIGN.md §6: <= 1 s). "Interactive" is the app's own `baton:interactive` mark: the workspace
// is listed and the UI takes input. The reference, measured in the same run, is the time the same
// browser takes to load a static document from the same host, so the ratio shows the app's own
// cost on top of the machine's navigation cost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';
import { launchChromium } from '../scripts/chromium.mjs';
import { startHostProcess } from '../scripts/host-process.mjs';

const RUNS = 15;
const WORKFLOWS = 50;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const p95 = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
};
const round = (value) => Math.round(value * 10) / 10;

export async function run() {
  buildIfNeeded({ quiet: true });
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
  const host = await startHostProcess({ db: join(dir, 'bench.baton.db') });
  const browser = await launchChromium();
  try {
    // A workspace with some content, so the first screen has real work to do.
    for (let i = 0; i < WORKFLOWS; i += 1) {
      await fetch(`${host.origin}/api/workflows.create`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Baton-Token': host.token },
        body: JSON.stringify({ kind: i % 3 === 0 ? 'map' : 'flow', name: `Workflow ${i + 1}` }),
      });
    }
    const interactive = [];
    const reference = [];
    for (let i = 0; i < RUNS; i += 1) {
      // A fresh context each time: no cache, no session storage, as on a first start.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${host.origin}/favicon.svg`);
      reference.push(
        await page.evaluate(() => performance.getEntriesByType('navigation')[0].duration),
      );
      await page.goto(host.url);
      await page.locator('.app[data-ready]').waitFor();
      interactive.push(
        await page.evaluate(() => performance.getEntriesByName('baton:interactive')[0].startTime),
      );
      await context.close();
    }
    const value = round(median(interactive));
    const ref = round(median(reference));
    return [
      {
        name: 'renderer interactive after host is up (median)',
        value,
        unit: 'ms',
        reference: ref,
        ratio: round(value / ref),
        bar: '<= 1000',
      },
      {
        name: 'renderer interactive after host is up (p95)',
        value: round(p95(interactive)),
        unit: 'ms',
        bar: '<= 1000',
      },
    ];
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
