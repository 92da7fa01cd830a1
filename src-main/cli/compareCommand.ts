import { dirname } from 'node:path';
import { BatonError } from '../../src-shared/contract/errors';
import { compileDocument } from '../../src-shared/compiler/compileDocument';
import type { ComparisonReport, DocumentFigures } from '../../src-shared/patterns/compareTypes';
import { explainComparison } from '../../src-shared/patterns/explain';
import { compareDocuments, DEFAULT_RUNS, MAX_RUNS, type CompareInput } from '../patterns/compare';
import { folderResolver } from '../runtime/flowResolvers';
import { EXIT, formatDiagnostic, type Output } from './commands';
import { readAnyDocumentFile } from './readBpmnFile';
import { parseSeed, readScenario } from './runCommands';

export interface CompareCommandOptions {
  readonly files: readonly string[];
  readonly scenarioFile: string | undefined;
  readonly seed: string | undefined;
  /** Runs per scenario and document. */
  readonly runs?: string | undefined;
  readonly json: boolean;
}

/**
 * `baton compare <a> <b> [--scenario s.json] [--seed N] [--runs N] [--json]`: runs both documents in a
 * scratch in-memory workspace under the same scenario and a sweep of faults and prints what was
 * measured (docs/compare.md). Exit 1 when a run of the base scenario left the system inconsistent.
 */
export async function compareCommand(options: CompareCommandOptions, io: Output): Promise<number> {
  const seed = parseSeed(options.seed);
  if (typeof seed === 'string') return problem(io, seed);
  const runs = options.runs === undefined ? DEFAULT_RUNS : Number(options.runs);
  if (!/^\d+$/.test(options.runs ?? '1') || runs < 1 || runs > MAX_RUNS)
    return problem(
      io,
      `--runs must be a whole number from 1 to ${MAX_RUNS}, not "${options.runs}"`,
    );
  const scenario = options.scenarioFile ? readScenario(options.scenarioFile) : {};
  if (typeof scenario === 'string') return problem(io, scenario);
  const inputs: CompareInput[] = [];
  for (const file of options.files) {
    const read = await readAnyDocumentFile(file, io);
    if (!read.ok) {
      io.err(`${formatDiagnostic(file, read.diagnostic)}\n`);
      return EXIT.badUsage;
    }
    const { text, diagnostics } = compileDocument(read.document);
    if (text === null) {
      for (const diagnostic of diagnostics.filter((d) => d.severity === 'error'))
        io.err(`${formatDiagnostic(file, diagnostic)}\n`);
      return problem(io, `${file} does not compile, so it cannot run`);
    }
    inputs.push({ document: read.document, file, resolve: folderResolver(dirname(file)) });
  }
  let report: ComparisonReport;
  try {
    report = await compareDocuments(inputs[0] as CompareInput, inputs[1] as CompareInput, {
      scenario,
      runs,
      ...(seed === undefined ? {} : { seed }),
    });
  } catch (error) {
    if (error instanceof BatonError) return problem(io, error.message);
    throw error;
  }
  io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatComparison(report));
  const base = report.results.find((result) => result.scenario === 'base');
  const consistent =
    base !== undefined && base.a.consistent === base.a.runs && base.b.consistent === base.b.runs;
  return consistent ? EXIT.ok : EXIT.failedCheck;
}

function problem(io: Output, message: string): number {
  io.err(`baton compare: ${message}\n`);
  return EXIT.badUsage;
}

const ms = (value: number | null) => (value === null ? '-' : `${value} ms`);

const ROWS: readonly [string, (figures: DocumentFigures) => string][] = [
  ['latency p50 / p95', (f) => `${f.latency.p50Ms} / ${f.latency.p95Ms} ms`],
  ['messages per run', (f) => String(f.messages.perRun)],
  ['call attempts per run', (f) => String(f.callAttempts.perRun)],
  ['compensations per run', (f) => String(f.compensations.perRun)],
  ['failure → first compensation', (f) => ms(f.recovery.detectMs)],
  ['failure → compensated', (f) => ms(f.recovery.compensateMs)],
  ['consistent runs', (f) => `${f.consistent}/${f.runs}`],
  [
    'statuses',
    (f) =>
      Object.entries(f.statuses)
        .map(([status, count]) => `${status} ${count}`)
        .join(', '),
  ],
  [
    'blocked instances / not completed',
    (f) =>
      f.blastRadius
        ? `${f.blastRadius.instancesBlocked} / ${f.blastRadius.instancesNotCompleted}`
        : '',
  ],
  [
    'deepest backlog / longest lag',
    (f) => (f.blastRadius ? `${f.blastRadius.maxBacklog} / ${f.blastRadius.maxLagMs} ms` : ''),
  ],
];

/** Columns padded to their widest cell. */
function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths?.[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The comparison for people: the documents, then one table per scenario, then the summary. */
export function formatComparison(report: ComparisonReport): string {
  const [a, b] = report.documents;
  const lines: string[] = [
    `a: ${a.name} (${a.kind}, ${a.file})`,
    `b: ${b.name} (${b.kind}, ${b.file})`,
    `${report.runsPerScenario} runs per scenario, seeds ${report.seeds.from}…${report.seeds.from + report.seeds.count - 1}`,
    '',
    table([
      ['', 'a', 'b'],
      [
        'coupling',
        `${a.coupling.knowsCount} links, ${a.coupling.dependencyCount} ${a.coupling.style === 'api' ? 'API dependencies' : 'subscriptions'}`,
        `${b.coupling.knowsCount} links, ${b.coupling.dependencyCount} ${b.coupling.style === 'api' ? 'API dependencies' : 'subscriptions'}`,
      ],
      ...[a, b].map((document, index) => [
        '',
        index === 0 ? document.coupling.knows.join(', ') : '',
        index === 1 ? document.coupling.knows.join(', ') : '',
      ]),
      [
        'state of an instance',
        a.state.kind === 'one-place' ? 'one place' : `correlated across ${a.state.places} services`,
        b.state.kind === 'one-place' ? 'one place' : `correlated across ${b.state.places} services`,
      ],
    ]),
  ];
  for (const result of report.results) {
    lines.push('', `${result.scenario}: ${result.description}`);
    lines.push(
      table([
        ['', 'a', 'b'],
        ...ROWS.map(([label, cell]) => [label, cell(result.a), cell(result.b)]).filter(
          ([, x, y]) => x !== '' || y !== '',
        ),
      ]),
    );
  }
  lines.push('', ...explainComparison(report).sentences);
  return `${lines.join('\n')}\n`;
}
