#!/usr/bin/env node
// `npm run bench [name]`: runs bench/<name>.bench.mjs (all of them without a name) and writes
// bench/results/<name>.json: {"name","machine","figures":[{"name","value","unit","reference",
// "ratio","bar","pass"}]} as DESIGN.md §6 describes. Exits 1 when a figure misses its bar; a
// figure without a bar is informative (no `pass`) and never fails the run.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const here = new URL('.', import.meta.url).pathname;
const wanted = process.argv[2];
const available = readdirSync(here)
  .filter((file) => /\.bench\.(mjs|ts)$/.test(file))
  .map((file) => file.replace(/\.bench\.(mjs|ts)$/, ''));
if (wanted && !available.includes(wanted)) {
  console.error(`No benchmark named "${wanted}". Available: ${available.join(', ')}`);
  process.exit(2);
}

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
};

/** Checks a value against a bar written as text, such as "<= 1000" or ">= 0.5". */
export function meetsBar(value, bar) {
  const [, op, limit] = /^(<=|>=|<|>)\s*([\d.]+)$/.exec(bar) ?? [];
  if (!op) throw new Error(`unreadable bar "${bar}"`);
  const n = Number(limit);
  return op === '<=' ? value <= n : op === '>=' ? value >= n : op === '<' ? value < n : value > n;
}

mkdirSync(join(here, 'results'), { recursive: true });
let allPass = true;
for (const name of wanted ? [wanted] : available) {
  console.log(`▶ bench ${name}`);
  // TypeScript benchmarks import src-shared directly, through tsx.
  const file = readdirSync(here).find((entry) => entry.startsWith(`${name}.bench.`));
  const { run } = file.endsWith('.ts')
    ? await tsImport(join(here, file), import.meta.url)
    : await import(join(here, file));
  const figures = (await run()).map((figure) => {
    // A figure with a reference is judged by its ratio when its bar is on the ratio.
    const judged = figure.barOn === 'ratio' ? figure.ratio : figure.value;
    const { barOn: _barOn, ...rest } = figure;
    return figure.bar === undefined ? rest : { ...rest, pass: meetsBar(judged, figure.bar) };
  });
  const result = { name, machine, date: new Date().toISOString(), figures };
  writeFileSync(join(here, 'results', `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  for (const figure of figures) {
    allPass &&= figure.pass ?? true;
    const ratio =
      figure.ratio === undefined
        ? ''
        : ` (ratio ${figure.ratio} of ${figure.reference} ${figure.unit})`;
    const mark = figure.pass === undefined ? 'ℹ' : figure.pass ? '✔' : '✘';
    const bar = figure.bar === undefined ? 'informative' : `bar ${figure.bar}`;
    console.log(`  ${mark} ${figure.name}: ${figure.value} ${figure.unit}${ratio}, ${bar}`);
  }
  console.log(`  → bench/results/${name}.json`);
}
process.exit(allPass ? 0 : 1);
