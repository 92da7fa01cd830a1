// The durable runtime (DESIGN.md §6). Throughput: steps per second with synchronous = FULL, a
// step being one agenda item of one run committed with everything it wrote (the StepWrites the
// runtime commits; a run's start, which compiles and pins its machine, is not timed), against
// raw better-sqlite3 inserts of the same journal rows into the same schema with the same pragmas,
// measured in the same run: made durable a step at a time (the bar), or grouped into
// transactions exactly as the runtime grouped them (what its processing costs). Then 1,000 concurrent runs, replay speed and seeking in a run of over
// 100,000 journal entries. Every workspace is a real file in a temporary folder, removed at the
// end.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { replayRun, runStateAt } from '../src-main/runtime/replay';
import { RunStore, type RunRow } from '../src-main/runtime/RunStore';
import { Runtime } from '../src-main/runtime/Runtime';
import { closeWorkspace, openWorkspace, type Workspace } from '../src-main/storage/openWorkspace';
import { loadDocument } from '../src-shared/format/loadDocument';
import type { WorkflowDocument } from '../src-shared/model/document';
import type { Scenario } from '../src-shared/runtime/scenario';
import { seededRandom } from '../test/shared/seededRandom';
import { generateCountingLoop } from './generateCountingLoop';
import { JournalReference, RecordingRunStore } from './journalReference';

/**
 * Sequential runs per round; each round is followed by its reference inserts, so that a change
 * in the disk's fsync latency (from 0.1 to over 1 ms on the same VM) weighs on both alike.
 */
const ROUND = 10;
/** Rounds measured, after one round that warms both up. */
const ROUNDS = 30;
const CONCURRENT_RUNS = 1_000;
/** Turns of the counting loop: about 7 journal entries each, so just over 100,000 entries. */
const LOOP_TURNS = 14_300;
const REPLAYS = 3;
const SEEKS = 200;

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const median = (values: readonly number[]) => sorted(values)[Math.floor(values.length / 2)]!;
const p99 = (values: readonly number[]) =>
  sorted(values)[Math.min(values.length - 1, Math.ceil(values.length * 0.99) - 1)]!;

function orderSaga(): WorkflowDocument {
  const text = readFileSync(new URL('../assets/examples/order-saga.json', import.meta.url), 'utf8');
  const loaded = loadDocument(text);
  if (!loaded.ok) throw new Error('assets/examples/order-saga.json does not load');
  return loaded.document;
}

/** An order that goes through: every mock answers ok (latencies still vary with the seed). */
function happyOrder(index: number): Scenario {
  const ok = { outcomes: ['ok' as const] };
  return {
    input: {
      orderId: `order-${index}`,
      customerId: `customer-${index % 97}`,
      customerEmail: `customer-${index % 97}@example.com`,
      items: [{ sku: 'SKU-1', quantity: 1 + (index % 3) }],
      amount: 20 + (index % 50),
      currency: 'EUR',
      shippingAddress: { street: '1 Main Street', city: 'Ghent', country: 'BE' },
    },
    mocks: {
      'Orders.create': ok,
      'Inventory.reserve': ok,
      'Payment.charge': ok,
      'Shipping.createShipment': ok,
      'Notifications.sendEmail': ok,
    },
  };
}

/** A runtime on a fresh workspace file, with the reference's file next to it. */
function bench(dir: string, name: string) {
  const path = join(dir, `${name}.baton.db`);
  const db = openWorkspace({ path });
  const store = new RecordingRunStore(db);
  const runtime = new Runtime({ store });
  const reference = new JournalReference(join(dir, `${name}-reference.baton.db`), db, path);
  const close = () => {
    reference.close();
    closeWorkspace(db);
  };
  return { store, runtime, reference, close };
}

function startOrder(runtime: Runtime, document: WorkflowDocument, index: number) {
  const scenario = happyOrder(index);
  runtime.start({
    document,
    catalog: { services: [] },
    resolve: () => undefined,
    scenario,
    seed: index + 1,
  });
}

const count = (value: number) => value.toLocaleString('en');

/**
 * One order saga at a time: no other run to batch with, so every step is a transaction of its
 * own. Informative: with a fast disk flush (0.1 ms here) this measures the runtime's processor
 * time per step more than durability.
 */
async function sequentialFigure(dir: string, document: WorkflowDocument) {
  const { store, runtime, reference, close } = bench(dir, 'sequential');
  try {
    let runtimeMs = 0;
    let referenceMs = 0;
    let steps = 0;
    for (let roundIndex = 0; roundIndex <= ROUNDS; roundIndex += 1) {
      store.transactions.length = 0;
      let elapsed = 0;
      for (let run = roundIndex * ROUND; run < (roundIndex + 1) * ROUND; run += 1) {
        startOrder(runtime, document, run);
        store.recording = true;
        const started = performance.now();
        await runtime.runUntilIdle();
        elapsed += performance.now() - started;
        store.recording = false;
      }
      const inserted = reference.insertLike(store.transactions);
      if (roundIndex === 0) continue;
      runtimeMs += elapsed;
      referenceMs += inserted;
      steps += store.steps;
    }
    const finished = store.list().filter((row) => row.status === 'completed').length;
    if (finished !== (ROUNDS + 1) * ROUND)
      throw new Error(`only ${finished} of the sequential order sagas completed`);
    const value = (steps / runtimeMs) * 1000;
    const referenceValue = (steps / referenceMs) * 1000;
    return {
      name: `durable steps/s, one run at a time (${ROUNDS * ROUND} order sagas, ${count(steps)} steps, a transaction each; the same rows, a transaction per step)`,
      value: round(value, 0),
      unit: 'steps/s',
      reference: round(referenceValue, 0),
      ratio: round(value / referenceValue),
    };
  } finally {
    close();
  }
}

/**
 * 1,000 order sagas in flight together. The runtime commits one step of every run with work due
 * in one transaction (each step's request is durable before anything performs it: DESIGN.md §3).
 * Its durable throughput is compared with raw inserts of the same journal rows made durable step
 * by step (a transaction per step, as a journal that promises each step durable must at least
 * do), which is the bar; and, for what the runtime's processing costs, with the same rows
 * inserted in the same few big transactions it used (informative).
 */
async function concurrentFigures(dir: string, document: WorkflowDocument) {
  const { store, runtime, reference, close } = bench(dir, 'concurrent');
  try {
    for (let index = 0; index < CONCURRENT_RUNS; index += 1) {
      startOrder(runtime, document, index);
    }
    store.recording = true;
    const started = performance.now();
    await runtime.runUntilIdle();
    const runtimeMs = performance.now() - started;
    store.recording = false;
    const perStepMs = reference.insertLike(
      store.transactions.flatMap((transaction) => transaction.map((step) => [step])),
    );
    reference.reset();
    const sameGroupingMs = reference.insertLike(store.transactions);
    const completed = store.list().filter((row) => row.status === 'completed').length;
    const steps = store.steps;
    const value = (steps / runtimeMs) * 1000;
    const perStep = (steps / perStepMs) * 1000;
    const sameGrouping = (steps / sameGroupingMs) * 1000;
    return [
      {
        name: `concurrent order sagas completed (${count(CONCURRENT_RUNS)} started together)`,
        value: completed,
        unit: 'runs',
        bar: '>= 1000',
      },
      {
        name: `durable steps/s, ${count(CONCURRENT_RUNS)} runs at once (${count(steps)} steps in ${store.transactions.length} transactions) against the same journal rows made durable a step at a time`,
        value: round(value, 0),
        unit: 'steps/s',
        reference: round(perStep, 0),
        ratio: round(value / perStep),
        bar: '>= 0.5',
        barOn: 'ratio',
      },
      {
        name: `processing cost: the same steps against the same rows inserted in the runtime's ${store.transactions.length} transactions`,
        value: round(value, 0),
        unit: 'steps/s',
        reference: round(sameGrouping, 0),
        ratio: round(value / sameGrouping, 3),
      },
    ];
  } finally {
    close();
  }
}

/** A run of over 100,000 journal entries (not measured: durability would only slow the build). */
async function buildLongRun(store: RunStore, db: Workspace) {
  db.pragma('synchronous = OFF');
  const { document, scenario } = generateCountingLoop(LOOP_TURNS);
  const runtime = new Runtime({ store });
  const row = runtime.start({
    document,
    catalog: { services: [] },
    resolve: () => undefined,
    scenario,
  });
  await runtime.runUntilIdle();
  db.pragma('synchronous = FULL');
  const entries = store.lastSeq(row.id);
  if (entries < 100_000) throw new Error(`the long run has only ${entries} journal entries`);
  return { row, entries };
}

/** Figure 3: replaying the whole journal, against reading and parsing the same rows. */
function replayFigure(store: RunStore, db: Workspace, row: RunRow, entries: number) {
  const replayMs: number[] = [];
  for (let index = 0; index < REPLAYS; index += 1) {
    const started = performance.now();
    const replayed = replayRun(store, row.uid);
    replayMs.push(performance.now() - started);
    if (!replayed.ok || replayed.entries !== entries)
      throw new Error('the replay of the long run does not match its journal');
  }
  const readAll = db.prepare(
    'SELECT seq, at_ms, kind, actor, data FROM run_journal WHERE run = ? ORDER BY seq',
  );
  const readMs: number[] = [];
  for (let index = 0; index < REPLAYS; index += 1) {
    const started = performance.now();
    for (const entry of readAll.all(row.id) as { data: string }[]) JSON.parse(entry.data);
    readMs.push(performance.now() - started);
  }
  const replayRate = (entries / median(replayMs)) * 1000;
  const readRate = (entries / median(readMs)) * 1000;
  return {
    name: `replay: journal entries/s (a run of ${count(entries)} entries, median of ${REPLAYS} replays)`,
    value: round(replayRate, 0),
    unit: 'entries/s',
    reference: round(readRate, 0),
    ratio: round(replayRate / readRate),
    bar: '>= 100000',
  };
}

/** Figure 4: the state at random points, against reading the snapshot row before each. */
function seekFigure(store: RunStore, row: RunRow, entries: number) {
  const random = seededRandom(20_260_101);
  const targets = Array.from({ length: SEEKS }, () => 1 + Math.floor(random() * entries));
  for (const seq of targets.slice(0, 10)) runStateAt(store, row.uid, seq);
  const timed = (work: (seq: number) => unknown) =>
    targets.map((seq) => {
      const started = performance.now();
      work(seq);
      return performance.now() - started;
    });
  const seekMs = p99(timed((seq) => runStateAt(store, row.uid, seq)));
  const snapshotMs = p99(timed((seq) => store.snapshotAtOrBefore(row.id, seq)));
  return {
    name: `seek p99 (${SEEKS} random points of a run of ${count(entries)} entries)`,
    value: round(seekMs),
    unit: 'ms',
    reference: round(snapshotMs, 3),
    ratio: round(seekMs / snapshotMs),
    bar: '<= 16',
  };
}

async function replayFigures(dir: string) {
  const db = openWorkspace({ path: join(dir, 'replay.baton.db') });
  try {
    const store = new RunStore(db);
    const { row, entries } = await buildLongRun(store, db);
    return [replayFigure(store, db, row, entries), seekFigure(store, row, entries)];
  } finally {
    closeWorkspace(db);
  }
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-runtime-'));
  try {
    const document = orderSaga();
    const sequential = await sequentialFigure(dir, document);
    const concurrent = await concurrentFigures(dir, document);
    const replay = await replayFigures(dir);
    return [sequential, ...concurrent, ...replay];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
