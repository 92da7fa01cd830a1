// Compile and validation time for generated flows of 1,000 and 10,000 elements (DESIGN.md §6:
// compile <= 50 ms / <= 500 ms, growth near linear), and for a generated choreography map of 1,000
// services and 1,000 event types (<= 100 ms). The reference, measured in the same run, is a
// structured clone of the same document: the cost of touching every element once.
import { performance } from 'node:perf_hooks';
import { compileFlow, serializeMachine } from '../src-shared/compiler/compileFlow';
import { compileMap, serializeCompiledMap } from '../src-shared/compiler/map/compileMap';
import { emptyCatalog } from '../src-shared/model/catalog';
import { validateMap } from '../src-shared/validation/map/validateMap';
import { validateFlow } from '../src-shared/validation/validateFlow';
import { generateFlow } from './generateFlow';
import { generateMap } from './generateMap';

const RUNS = 15;

function medianMs(work: () => unknown): number {
  for (let i = 0; i < 3; i += 1) work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function run() {
  // The map is measured first: the garbage of the 10,000-element flow otherwise weighs on
  // whatever is measured next (about twice its time here), as it would on any figure after it.
  const maps = mapFigures();
  const figures = [];
  const compileTimes: Record<number, number> = {};
  for (const size of [1_000, 10_000]) {
    const doc = generateFlow(size);
    const context = { catalog: doc.catalog ?? emptyCatalog };
    const result = compileFlow(doc, context);
    if (!result.machine)
      throw new Error(`the generated flow does not compile: ${result.diagnostics[0]?.message}`);
    const reference = medianMs(() => structuredClone(doc));
    const compile = medianMs(() => serializeMachine(compileFlow(doc, context).machine!));
    const validate = medianMs(() => validateFlow(doc, context));
    compileTimes[size] = compile;
    const label = size.toLocaleString('en');
    figures.push(
      {
        name: `compile ${label} elements`,
        value: round(compile),
        unit: 'ms',
        reference: round(reference),
        ratio: round(compile / reference),
        bar: size === 1_000 ? '<= 50' : '<= 500',
      },
      {
        name: `validate ${label} elements`,
        value: round(validate),
        unit: 'ms',
        reference: round(reference),
        ratio: round(validate / reference),
        bar: size === 1_000 ? '<= 50' : '<= 500',
      },
    );
  }
  const growth = compileTimes[10_000]! / compileTimes[1_000]! / 10;
  figures.push({
    name: 'compile growth 1k→10k, relative to linear',
    value: round(growth),
    unit: '×',
    bar: '<= 2',
  });
  return [...figures, ...maps];
}

/** Compiling and validating a map of 1,000 services and 1,000 event types. */
function mapFigures() {
  const doc = generateMap(1_000);
  const context = { catalog: doc.catalog ?? emptyCatalog };
  const result = compileMap(doc, context);
  if (!result.compiled)
    throw new Error(`the generated map does not compile: ${result.diagnostics[0]?.message}`);
  const reference = medianMs(() => structuredClone(doc));
  const compile = medianMs(() => serializeCompiledMap(compileMap(doc, context).compiled!));
  const validate = medianMs(() => validateMap(doc, context));
  const figure = (name: string, value: number) => ({
    name,
    value: round(value),
    unit: 'ms',
    reference: round(reference),
    ratio: round(value / reference),
    bar: '<= 100',
  });
  return [
    figure('compile map of 1,000 services and 1,000 events', compile),
    figure('validate map of 1,000 services and 1,000 events', validate),
  ];
}
