import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultWorkspacePath } from '../host/launchOptions';
import { compileCommand, EXIT, validateCommand, type Output } from './commands';
import { compareCommand } from './compareCommand';
import { replayCommand, resumeCommand, runCommand, runsCommand } from './runCommands';
import { exportCommand, importCommand } from './transferCommands';

export const usage = `Usage: baton <command> [options]

Commands:
  validate <file>… [--json]        check flows and maps; exit 1 if any has an error (a map's
                                   startsFlow is checked against the flow files given with it)
  compile <file> [-o out.json]     print (or write) a flow's XState machine config, or a
                                   map's compiled machines and broker wiring
  import <file.json|file.bpmn> [-o out.json]
                                   read a document (Baton JSON or BPMN 2.0 XML) without
                                   trusting it; write it in stable form; a BPMN import's
                                   report (what was not taken over as it was) goes to stderr
  export <file> --to json|bpmn|xstate|xstate-ts|asl|asyncapi|svg|png [-o out]
                                   the document as stable JSON, BPMN 2.0 XML with layout, its
                                   compiled XState machines (JSON; a TypeScript module with
                                   --to xstate-ts or -o x.ts), AWS Step Functions ASL (flows),
                                   AsyncAPI 3.0 (maps and flows with events) or its diagram
                                   (SVG, or PNG with -o);
                                   what a target cannot express is reported on stderr
  run <file> [--scenario s.json] [--seed N] [--db path] [--json]
                                   run a flow or map against mock services (virtual time,
                                   by default), record it and print its report; exit 1
                                   when it fails, needs attention or is left inconsistent
  runs [--db path] [--json]        list the workspace's recorded runs, newest first
  replay <runId> [--db path] [--json]
                                   print a run's journal entry by entry and check that
                                   replaying it reaches the same states (exit 1 if not)
  resume [--db path] [--json]      after a crash, finish every unfinished run of the
                                   workspace and print their reports
  compare <a> <b> [--scenario s.json] [--seed N] [--runs N] [--json]
                                   run two documents (a flow and a map of the same process,
                                   or any two) 20 times each (--runs) under the scenario
                                   and under a sweep of faults (a slow service, one down,
                                   one failing, duplicates) in a scratch workspace; print
                                   latency, messages, steps, coupling, blast radius,
                                   recovery and consistency side by side (docs/compare.md);
                                   exit 1 when a base-scenario run is left inconsistent

  --db defaults to the app's workspace (${defaultWorkspacePath()}),
  so runs started here show in the app, and the other way round.

  <file> may be a Baton JSON document or a .bpmn file wherever a command takes one.

Exit codes: 0 success, 1 a check failed, 2 bad usage or unreadable input.`;

const stdio: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** The options each command accepts; any other is bad usage. */
const OPTIONS_OF: Readonly<Record<string, readonly string[]>> = {
  validate: ['json', 'out', 'to'],
  compile: ['json', 'out', 'to'],
  import: ['json', 'out', 'to'],
  export: ['json', 'out', 'to'],
  run: ['json', 'scenario', 'seed', 'db'],
  runs: ['json', 'db'],
  replay: ['json', 'db'],
  resume: ['json', 'db'],
  compare: ['json', 'scenario', 'seed', 'runs'],
};

/**
 * Runs one CLI invocation and returns its exit code; never throws on bad input. The commands
 * that run flows (`run`, `resume`) take time and answer with a promise; the others answer at once.
 */
export function main(argv: readonly string[], io: Output = stdio): number | Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io[command ? 'out' : 'err'](`${usage}\n`);
    return command ? EXIT.ok : EXIT.badUsage;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        out: { type: 'string', short: 'o' },
        to: { type: 'string' },
        scenario: { type: 'string' },
        seed: { type: 'string' },
        db: { type: 'string' },
        runs: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`baton ${command}: ${(error as Error).message}\n\n${usage}\n`);
    return EXIT.badUsage;
  }
  const { values, positionals } = parsed;
  const allowed = OPTIONS_OF[command];
  const stray = Object.entries(values).find(
    ([name, value]) => value !== undefined && value !== false && !allowed?.includes(name),
  );
  if (allowed && stray) return badUsage(io, `${command} has no --${stray[0]} option`);
  // `--db :memory:` runs without recording anything.
  const db =
    values.db === undefined
      ? defaultWorkspacePath()
      : values.db === ':memory:'
        ? values.db
        : resolve(values.db);
  switch (command) {
    case 'validate':
      if (positionals.length === 0) return badUsage(io, 'validate needs at least one file');
      if (values.out !== undefined) return badUsage(io, 'validate has no -o option');
      return validateCommand(positionals, values.json, io);
    case 'compile':
      if (positionals.length !== 1) return badUsage(io, 'compile needs exactly one file');
      if (values.json) return badUsage(io, 'compile always prints JSON; --json is not an option');
      return compileCommand(positionals[0] as string, values.out, io);
    case 'import':
      if (positionals.length !== 1) return badUsage(io, 'import needs exactly one file');
      return importCommand(positionals[0] as string, values.out, io);
    case 'export':
      if (positionals.length !== 1) return badUsage(io, 'export needs exactly one file');
      if (!values.to)
        return badUsage(io, 'export needs --to json|bpmn|xstate|xstate-ts|asl|asyncapi|svg|png');
      return exportCommand(positionals[0] as string, values.to, values.out, io);
    case 'run':
      if (positionals.length !== 1) return badUsage(io, 'run needs exactly one file');
      return runCommand(
        {
          file: positionals[0] as string,
          scenarioFile: values.scenario,
          seed: values.seed,
          db,
          json: values.json,
        },
        io,
      );
    case 'runs':
      if (positionals.length !== 0) return badUsage(io, 'runs takes no file');
      return runsCommand(db, values.json, io);
    case 'replay':
      if (positionals.length !== 1) return badUsage(io, 'replay needs exactly one run id');
      return replayCommand(positionals[0] as string, db, values.json, io);
    case 'resume':
      if (positionals.length !== 0) return badUsage(io, 'resume takes no file');
      return resumeCommand(db, values.json, io);
    case 'compare':
      if (positionals.length !== 2)
        return badUsage(io, `compare needs exactly two files, not ${positionals.length}`);
      return compareCommand(
        {
          files: positionals,
          scenarioFile: values.scenario,
          seed: values.seed,
          runs: values.runs,
          json: values.json,
        },
        io,
      );
    default:
      return badUsage(io, `unknown command "${command}"`);
  }
}

function badUsage(io: Output, problem: string): number {
  io.err(`baton: ${problem}\n\n${usage}\n`);
  return EXIT.badUsage;
}
