import { parseArgs } from 'node:util';
import { compileCommand, EXIT, validateCommand, type Output } from './commands';
import { exportCommand, importCommand } from './transferCommands';

export const usage = `Usage: baton <command> [options]

Commands:
  validate <file>… [--json]        check flows and maps; exit 1 if any has an error (a map's
                                   startsFlow is checked against the flow files given with it)
  compile <file> [-o out.json]     print (or write) a flow's XState machine config, or a
                                   map's compiled machines and broker wiring
  import <file.json> [-o out.json] read a document without trusting it; write it in stable form
  export <file> --to json|xstate [-o out]
                                   the document as stable JSON, or its compiled XState machines

Exit codes: 0 success, 1 a check failed, 2 bad usage.`;

const stdio: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Runs one CLI invocation and returns its exit code; never throws on bad input. */
export function main(argv: readonly string[], io: Output = stdio): number {
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
      },
    });
  } catch (error) {
    io.err(`baton ${command}: ${(error as Error).message}\n\n${usage}\n`);
    return EXIT.badUsage;
  }
  const { values, positionals } = parsed;
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
      if (!values.to) return badUsage(io, 'export needs --to json or --to xstate');
      return exportCommand(positionals[0] as string, values.to, values.out, io);
    default:
      return badUsage(io, `unknown command "${command}"`);
  }
}

function badUsage(io: Output, problem: string): number {
  io.err(`baton: ${problem}\n\n${usage}\n`);
  return EXIT.badUsage;
}
