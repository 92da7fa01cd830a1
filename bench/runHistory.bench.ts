// The run history view behind the debugger's scrubber (src-shared/runtime/runView.ts): a real run
// of over 100,000 journal entries (the counting loop, run by the real runtime on an in-memory
// workspace), appended in pages as the renderer receives them, then seeking at random points,
// scrubbing through the whole run and playing it entry by entry. A scrubber redraws at most once a frame, so a seek must stay
// well under 16 ms.
import { performance } from 'node:perf_hooks';
import { RunStore } from '../src-main/runtime/RunStore';
import { Runtime } from '../src-main/runtime/Runtime';
import { openWorkspace } from '../src-main/storage/openWorkspace';
import { createRunHistory } from '../src-shared/runtime/runView';
import { seededRandom } from '../test/shared/seededRandom';
import { generateCountingLoop } from './generateCountingLoop';

const LOOP_TURNS = 14_300;
const PAGE = 1_000;
const SEEKS = 500;
const SCRUB_STEPS = 1_000;

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const median = (values: readonly number[]) => sorted(values)[Math.floor(values.length / 2)]!;
const p99 = (values: readonly number[]) =>
  sorted(values)[Math.min(values.length - 1, Math.ceil(values.length * 0.99) - 1)]!;

export async function run() {
  const db = openWorkspace({ path: ':memory:' });
  const store = new RunStore(db);
  const { document, scenario } = generateCountingLoop(LOOP_TURNS);
  const runtime = new Runtime({ store });
  const row = runtime.start({
    document,
    catalog: { services: [] },
    resolve: () => undefined,
    scenario,
  });
  await runtime.runUntilIdle();
  const journal = store.journal(row.id);
  if (journal.length < 100_000) throw new Error(`the long run has only ${journal.length} entries`);

  const started = performance.now();
  const history = createRunHistory({ document });
  for (let start = 0; start < journal.length; start += PAGE)
    history.append(journal.slice(start, start + PAGE));
  const appendMs = performance.now() - started;

  const random = seededRandom(20_261_122);
  const timed = (targets: readonly number[]) =>
    targets.map((seq) => {
      const before = performance.now();
      history.at(seq);
      return performance.now() - before;
    });
  // Warmed up first, as the runtime bench's seeks are: the first calls compile the fold.
  for (let index = 0; index < 50; index += 1) history.at(1 + Math.floor(random() * journal.length));
  const seeks = timed(
    Array.from({ length: SEEKS }, () => 1 + Math.floor(random() * journal.length)),
  );
  const step = Math.floor(journal.length / SCRUB_STEPS);
  const scrub = timed(Array.from({ length: SCRUB_STEPS }, (_, index) => 1 + index * step));
  const playFrom = Math.floor(journal.length / 3);
  const play = timed(Array.from({ length: SCRUB_STEPS }, (_, index) => playFrom + index));
  const timelineStarted = performance.now();
  const bars = history.timeline().length;
  const timelineMs = performance.now() - timelineStarted;
  const entries = journal.length.toLocaleString('en');
  return [
    {
      name: `append ${entries} entries in pages of ${PAGE}`,
      value: round(appendMs),
      unit: 'ms',
    },
    {
      name: `seek p99 (${SEEKS} random points of ${entries} entries)`,
      value: round(p99(seeks)),
      unit: 'ms',
      bar: '<= 16',
    },
    { name: 'seek median', value: round(median(seeks), 3), unit: 'ms' },
    {
      name: `scrub p99 (${SCRUB_STEPS} points from start to end)`,
      value: round(p99(scrub)),
      unit: 'ms',
      bar: '<= 16',
    },
    {
      name: `play p99 (${SCRUB_STEPS} entries one after another)`,
      value: round(p99(play), 3),
      unit: 'ms',
      bar: '<= 16',
    },
    { name: `timeline of ${bars.toLocaleString('en')} bars`, value: round(timelineMs), unit: 'ms' },
  ];
}
