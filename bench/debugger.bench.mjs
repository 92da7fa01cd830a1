// The debugger in Chromium (issue 7).
//
// 1. Scrubbing: a finished run of over 100,000 journal entries is opened in the debugger from the
//    runs dashboard; the scrubber's thumb is dragged with the mouse from the start to the end of
//    the run over 3 s, once with each bottom panel in front (data, journal, timeline, ledgers),
//    recording the time between frames and the tasks that blocked the main thread (longtask)
//    until 0.5 s after the mouse is released. Bars: longest block <= 100 ms, p95 frame <= 33.4 ms
//    (two display refreshes). The canvas must have moved: the replay position shown changes on
//    most frames (counted, informative). The reference is the same gesture over a short run of the
//    order saga (about 30 entries), measured in the same run.
// 2. Fast-forward: 100 runs of a counting loop (about 1,400 journal entries each) started at once
//    and executed by the host in fast-forward, first while the runs dashboard is shown, then while
//    the debugger follows one of them live on its document. Bar: no main-thread block over 100 ms
//    from the first start until every run has ended. The reference is the same page left idle for
//    2 s before the runs start.
/* global window, document, MutationObserver -- in page code */
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { buildIfNeeded, root } from '../scripts/build-if-needed.mjs';
import { launchChromium } from '../scripts/chromium.mjs';
import { startHostProcess } from '../scripts/host-process.mjs';
import { glide, startFrameRecorder, stopFrameRecorder } from './canvasProbes.mjs';

/** Turns of the long run's counting loop: about 7 entries each, so just over 100,000 entries. */
const LONG_TURNS = 14_300;
/** Turns of each fast-forwarded run. */
const BUSY_TURNS = 1_000;
const BUSY_RUNS = 100;
const VIEWPORT = { width: 1600, height: 900 };
const SCRUB_MS = 3_000;
const SETTLE_MS = 500;
const PANELS = ['Data', 'Journal', 'Timeline', 'Ledgers'];
const screenshots = join(root, 'test-results');

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? 0;
};
const median = (values) => percentile(values, 0.5);
const round = (value) => Math.round(value * 10) / 10;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(host, channel, payload) {
  const response = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Baton-Token': host.token },
    body: JSON.stringify(payload),
  });
  const envelope = await response.json();
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.message}`);
  return envelope.value;
}

async function freshApp(browser, host) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(host.url);
  await page.locator('.app[data-ready]').waitFor();
  return { context, page };
}

async function showDashboard(page) {
  await page.getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('grid', { name: 'Runs' }).waitFor();
}

/** Opens a run in the debugger from the dashboard, and waits until its whole journal is held. */
async function openRun(page, { runId, entries }) {
  await showDashboard(page);
  await page.getByRole('grid', { name: 'Runs' }).locator('tbody tr', { hasText: runId }).dblclick();
  const slider = page.getByRole('slider', { name: 'Run history' });
  await slider.waitFor();
  await page.waitForFunction(
    (last) => {
      const input = document.querySelector(
        '.tab-panel:not([hidden]) input[aria-label="Run history"]',
      );
      return input && Number(input.max) >= last;
    },
    entries,
    { timeout: 120_000 },
  );
  return slider;
}

/** Counts how often the replay position shown changes (the canvas and panels follow it). */
function watchPosition() {
  const status = document.querySelector(
    '.tab-panel:not([hidden]) [role="status"][aria-label="Replay position"]',
  );
  window.batonPositions = new Set();
  window.batonPositionWatch = new MutationObserver(() =>
    window.batonPositions.add(status.textContent),
  );
  window.batonPositionWatch.observe(status, {
    childList: true,
    subtree: true,
    characterData: true,
  });
}

function stopWatchingPosition() {
  window.batonPositionWatch.disconnect();
  return window.batonPositions.size;
}

async function displayRefresh(page) {
  await page.evaluate(startFrameRecorder);
  await sleep(500);
  const { frames } = await page.evaluate(stopFrameRecorder);
  return median(frames);
}

/** Drags the scrubber's thumb from the start of the run to its end with each panel in front. */
async function scrub(browser, host, subject) {
  const { context, page } = await freshApp(browser, host);
  try {
    const slider = await openRun(page, subject);
    await sleep(1_000);
    const refresh = await displayRefresh(page);
    const results = [];
    for (const panel of PANELS) {
      await page.getByRole('tab', { name: panel, exact: true }).click();
      await page.getByRole('button', { name: 'Jump to start' }).click();
      await sleep(300);
      const box = await slider.boundingBox();
      const y = box.y + box.height / 2;
      const from = { x: box.x + 4, y };
      const to = { x: box.x + box.width - 4, y };
      await page.evaluate(watchPosition);
      await page.evaluate(startFrameRecorder);
      await glide(page, from, to, SCRUB_MS);
      await sleep(SETTLE_MS);
      const { frames, longTasks } = await page.evaluate(stopFrameRecorder);
      const positions = await page.evaluate(stopWatchingPosition);
      if (subject.entries > 1_000 && panel === 'Timeline')
        await page.screenshot({ path: join(screenshots, 'debugger-scrub-100k.png') });
      const inRefreshes = frames.map((frame) => Math.max(1, Math.round(frame / refresh)) * refresh);
      results.push({
        panel,
        p95: round(percentile(inRefreshes, 0.95)),
        longest: round(Math.max(0, ...longTasks)),
        positions,
        frames: frames.length,
      });
    }
    return results;
  } finally {
    await context.close();
  }
}

async function waitForRuns(host, runIds) {
  const wanted = new Set(runIds);
  for (;;) {
    const runs = await call(host, 'runs.list', { limit: 100_000 });
    const open = runs.filter(
      (run) => wanted.has(run.runId) && ['running', 'paused', 'waiting'].includes(run.status),
    );
    if (open.length === 0) {
      const ran = runs.filter((run) => wanted.has(run.runId));
      const failed = ran.filter((run) => run.status !== 'completed');
      if (failed.length > 0)
        throw new Error(
          `${failed.length} fast-forwarded runs did not complete: ${failed[0].status}`,
        );
      return ran.reduce((sum, run) => sum + run.seq, 0);
    }
    await sleep(100);
  }
}

/** Records the page while `work` runs and until every run it started has ended. */
async function recordBusy(page, host, work) {
  await page.evaluate(startFrameRecorder);
  const started = Date.now();
  const runIds = await work();
  const entries = await waitForRuns(host, runIds);
  const busyMs = Date.now() - started;
  await sleep(SETTLE_MS);
  const { longTasks } = await page.evaluate(stopFrameRecorder);
  return { longest: round(Math.max(0, ...longTasks)), busyMs, entries };
}

async function idleReference(page) {
  await page.evaluate(startFrameRecorder);
  await sleep(2_000);
  const { longTasks } = await page.evaluate(stopFrameRecorder);
  return round(Math.max(0, ...longTasks));
}

const startMany = (host, workflowId, scenario, count) =>
  Promise.all(
    Array.from({ length: count }, (_, index) =>
      call(host, 'runs.start', { id: workflowId, scenario, seed: index + 1 }).then(
        (run) => run.runId,
      ),
    ),
  );

async function fastForward(browser, host, workflowId, scenario) {
  const { context, page } = await freshApp(browser, host);
  try {
    await showDashboard(page);
    await sleep(500);
    const idle = await idleReference(page);
    const dashboard = await recordBusy(page, host, () =>
      startMany(host, workflowId, scenario, BUSY_RUNS),
    );
    await page.screenshot({ path: join(screenshots, 'debugger-dashboard-100-runs.png') });

    // The debugger following one run live while 99 others run beside it.
    const followed = await call(host, 'runs.start', { id: workflowId, scenario, seed: 1_000 });
    await openRunLive(page, followed.runId);
    const debuggerLive = await recordBusy(page, host, async () => [
      followed.runId,
      ...(await startMany(host, workflowId, scenario, BUSY_RUNS - 1)),
    ]);
    return { idle, dashboard, debuggerLive };
  } finally {
    await context.close();
  }
}

/** Opens a run in the debugger from the dashboard as soon as it is listed (it may still run). */
async function openRunLive(page, runId) {
  const row = page.getByRole('grid', { name: 'Runs' }).locator('tbody tr', { hasText: runId });
  await row.waitFor();
  await row.dblclick();
  await page.getByRole('slider', { name: 'Run history' }).waitFor();
}

export async function run() {
  buildIfNeeded({ quiet: true });
  mkdirSync(screenshots, { recursive: true });
  const { buildDebuggerWorkspace, countingLoop } = await tsImport(
    './debuggerFixture.ts',
    import.meta.url,
  );
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
  const db = join(dir, 'bench.baton.db');
  const { long, short } = await buildDebuggerWorkspace(db, LONG_TURNS);
  if (long.entries < 100_000) throw new Error(`the long run has only ${long.entries} entries`);
  const host = await startHostProcess({ db });
  const browser = await launchChromium();
  try {
    const busyLoop = countingLoop(BUSY_TURNS);
    const busy = await call(host, 'workflows.import', {
      text: JSON.stringify(busyLoop.document),
      name: 'Busy counting loop',
    });
    const small = await scrub(browser, host, short);
    const large = await scrub(browser, host, long);
    const ff = await fastForward(browser, host, busy.id, busyLoop.scenario);

    const entries = long.entries.toLocaleString('en');
    const figures = [];
    for (const [index, at] of large.entries()) {
      const ref = small[index];
      const what = `scrub a ${entries}-entry run end to end in 3 s, ${at.panel} panel shown`;
      const vs = `reference: a ${short.entries}-entry run`;
      figures.push(
        {
          name: `${what}: longest main-thread block (${vs})`,
          value: at.longest,
          unit: 'ms',
          reference: ref.longest,
          bar: '<= 100',
        },
        {
          name: `${what}: p95 frame (${vs})`,
          value: at.p95,
          unit: 'ms',
          reference: ref.p95,
          bar: '<= 33.4',
        },
        {
          name: `${what}: positions shown while scrubbing, of ${at.frames} frames`,
          value: at.positions,
          unit: 'positions',
        },
      );
    }
    const vsIdle = 'reference: the same page idle for 2 s';
    figures.push(
      {
        name: `${BUSY_RUNS} runs of ${(BUSY_TURNS * 7).toLocaleString('en')}-odd entries in fast-forward, runs dashboard shown: longest main-thread block (${vsIdle})`,
        value: ff.dashboard.longest,
        unit: 'ms',
        reference: ff.idle,
        bar: '<= 100',
      },
      {
        name: `${BUSY_RUNS} runs in fast-forward, debugger following one live: longest main-thread block (${vsIdle})`,
        value: ff.debuggerLive.longest,
        unit: 'ms',
        reference: ff.idle,
        bar: '<= 100',
      },
      {
        name: `${BUSY_RUNS} runs in fast-forward, dashboard shown: time until all ended`,
        value: ff.dashboard.busyMs,
        unit: 'ms',
      },
      {
        name: `${BUSY_RUNS} runs in fast-forward, dashboard shown: journal entries written`,
        value: ff.dashboard.entries,
        unit: 'entries',
      },
      {
        name: `${BUSY_RUNS} runs in fast-forward, debugger shown: time until all ended`,
        value: ff.debuggerLive.busyMs,
        unit: 'ms',
      },
    );
    return figures;
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
