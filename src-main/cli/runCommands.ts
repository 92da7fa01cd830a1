import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { BatonError } from '../../src-shared/contract/errors';
import { compileDocument } from '../../src-shared/compiler/compileDocument';
import type { RunReport } from '../../src-shared/runtime/runReport';
import { parseScenario, type Scenario } from '../../src-shared/runtime/scenario';
import { firstOf, folderResolver, workspaceResolver } from '../runtime/flowResolvers';
import { replayRun } from '../runtime/replay';
import { resimulateRun } from '../runtime/resimulate';
import { RunStore, type JournalRow } from '../runtime/RunStore';
import { Runtime } from '../runtime/Runtime';
import { CatalogRepository } from '../storage/CatalogRepository';
import { closeWorkspace, openWorkspace, type Workspace } from '../storage/openWorkspace';
import { WorkflowRepository } from '../storage/WorkflowRepository';
import { EXIT, formatDiagnostic, type Output } from './commands';
import { formatReplay, formatReport, formatRunList } from './formatRun';
import { readAnyDocumentFile } from './readBpmnFile';

/** What `baton run` was given on the command line. */
export interface RunCommandOptions {
  readonly file: string;
  readonly scenarioFile: string | undefined;
  readonly seed: string | undefined;
  /** The workspace file the run is recorded in. */
  readonly db: string;
  readonly json: boolean;
}

/** Statuses a run may end in and still pass: the saga did what it was drawn to do. */
const PASSING = new Set(['completed', 'compensated', 'waiting']);

const MAX_SEED = 2 ** 32 - 1;
const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

/** Exit 0 when the run ended as drawn and left the system consistent, else 1. */
export const exitFor = (report: RunReport): number =>
  PASSING.has(report.status) && report.consistency.ok ? EXIT.ok : EXIT.failedCheck;

/**
 * `baton run <file> [--scenario s.json] [--seed N] [--db path] [--json]`: runs a flow or map
 * against mocks in virtual time, records it in the workspace (the app lists it too) and prints
 * its report. Exit 1 when it fails, needs attention or leaves the system inconsistent.
 */
export async function runCommand(options: RunCommandOptions, io: Output): Promise<number> {
  const seed = parseSeed(options.seed);
  if (typeof seed === 'string') return problem(io, 'run', seed);
  const read = await readAnyDocumentFile(options.file, io);
  if (!read.ok) {
    io.err(`${formatDiagnostic(options.file, read.diagnostic)}\n`);
    return EXIT.badUsage;
  }
  const { text, diagnostics } = compileDocument(read.document);
  if (text === null) {
    for (const diagnostic of diagnostics.filter((d) => d.severity === 'error'))
      io.err(`${formatDiagnostic(options.file, diagnostic)}\n`);
    return problem(io, 'run', `${options.file} does not compile, so it cannot run`);
  }
  const scenario = options.scenarioFile ? readScenario(options.scenarioFile) : {};
  if (typeof scenario === 'string') return problem(io, 'run', scenario);
  return withRuntime(io, 'run', options.db, async (runtime, db) => {
    const run = runtime.start({
      document: read.document,
      catalog: new CatalogRepository(db).get(),
      resolve: firstOf(
        folderResolver(dirname(options.file)),
        workspaceResolver(new WorkflowRepository(db)),
      ),
      scenario,
      ...(seed === undefined ? {} : { seed }),
    });
    await runtime.runUntilIdle([run.uid]);
    const report = runtime.report(run.uid);
    io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return exitFor(report);
  });
}

/** `baton runs [--db path] [--json]`: the workspace's recorded runs, newest first. */
export async function runsCommand(db: string, json: boolean, io: Output): Promise<number> {
  if (!existsSync(db)) {
    io.err(`baton runs: there is no workspace at ${db} yet\n`);
    io.out(json ? `${JSON.stringify({ runs: [] }, null, 2)}\n` : 'no runs\n');
    return EXIT.ok;
  }
  return withRuntime(io, 'runs', db, (runtime) => {
    const runs = runtime.list();
    io.out(json ? `${JSON.stringify({ runs }, null, 2)}\n` : formatRunList(runs));
    return Promise.resolve(EXIT.ok);
  });
}

/**
 * `baton replay <runId> [--db path] [--json]`: the run's journal entry by entry, replayed on
 * fresh copies of its pinned machines. Exit 1 when a replayed state differs from the recorded one.
 */
export async function replayCommand(
  runId: string,
  db: string,
  json: boolean,
  io: Output,
): Promise<number> {
  if (!existsSync(db))
    return problem(io, 'replay', `there is no run ${runId}: ${db} does not exist`);
  return withRuntime(io, 'replay', db, async (runtime) => {
    if (!runtime.store.runByUid(runId))
      return problem(io, 'replay', `there is no run ${runId} in ${db}`);
    const journal: JournalRow[] = [];
    const replay = replayRun(runtime.store, runId, (entry) => journal.push(entry));
    const resimulation = await resimulateRun(runtime.store, runId);
    const { entries, events, mismatches, ok } = replay;
    io.out(
      json
        ? `${JSON.stringify({ runId, ok, entries, events, mismatches, resimulation, journal }, null, 2)}\n`
        : formatReplay(runtime.summary(runId), journal, replay, resimulation),
    );
    const reproduced = !resimulation.applicable || resimulation.identical;
    return ok && reproduced ? EXIT.ok : EXIT.failedCheck;
  });
}

/**
 * `baton resume [--db path] [--json]`: after a crash, every run of the workspace with work left
 * goes on where its journal stopped; prints their reports.
 */
export async function resumeCommand(db: string, json: boolean, io: Output): Promise<number> {
  if (!existsSync(db)) {
    io.err(`baton resume: there is no workspace at ${db} yet\n`);
    io.out(json ? `${JSON.stringify({ runs: [] }, null, 2)}\n` : 'no unfinished runs\n');
    return EXIT.ok;
  }
  return withRuntime(io, 'resume', db, async (runtime) => {
    const resumed = runtime.resumeAll();
    await runtime.runUntilIdle(resumed);
    const reports = resumed.map((runId) => runtime.report(runId));
    if (json) io.out(`${JSON.stringify({ runs: reports }, null, 2)}\n`);
    else if (reports.length === 0) io.out('no unfinished runs\n');
    else io.out(reports.map(formatReport).join('\n'));
    return EXIT.ok;
  });
}

/**
 * Opens the workspace, runs `work` on a runtime over it and closes it whatever happens. A
 * `BatonError` (a workspace that cannot be opened, a document the runtime refuses) is the user's
 * input at fault: its message is printed and the exit code is 2. Anything else is a bug and is thrown.
 */
async function withRuntime(
  io: Output,
  command: string,
  path: string,
  work: (runtime: Runtime, db: Workspace) => Promise<number>,
): Promise<number> {
  let db: Workspace | undefined;
  try {
    db = openWorkspace({ path });
    return await work(new Runtime({ store: new RunStore(db) }), db);
  } catch (error) {
    if (error instanceof BatonError) return problem(io, command, error.message);
    throw error;
  } finally {
    if (db) closeWorkspace(db);
  }
}

function problem(io: Output, command: string, message: string): number {
  io.err(`baton ${command}: ${message}\n`);
  return EXIT.badUsage;
}

/** The seed, a message saying why it is not one, or undefined when none was given. */
export function parseSeed(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const seed = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(seed) || seed > MAX_SEED)
    return `--seed must be a whole number from 0 to ${MAX_SEED}, not "${text}"`;
  return seed;
}

/** The scenario in a file, or a message naming the file and what is wrong with it. */
export function readScenario(path: string): Scenario | string {
  let text: string;
  try {
    if (statSync(path).size > MAX_SCENARIO_BYTES)
      return `scenario ${path} is larger than ${MAX_SCENARIO_BYTES / 1024 / 1024} MB`;
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? `scenario ${path} does not exist`
      : `scenario ${path} cannot be read (${code ?? String(error)})`;
  }
  const parsed = parseScenario(text);
  if (parsed.ok) return parsed.scenario;
  return `scenario ${path} is not valid:\n  ${parsed.problems.slice(0, 10).join('\n  ')}`;
}
