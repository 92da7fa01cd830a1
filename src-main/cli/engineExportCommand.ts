import { extname } from 'node:path';
import { formatReportItem } from '../../src-shared/interchange/exportReport';
import { EXIT, formatDiagnostic, writeOutput, type Output } from './commands';
import { exportForEngine, type EngineTarget } from '../interchange/exportForEngine';
import { readAnyDocumentFile } from './readBpmnFile';

/**
 * Whether `baton export --to <to> [-o out]` is an export for an engine: ASL, AsyncAPI, or the
 * XState TypeScript module (`--to xstate-ts`, or `--to xstate` with an `-o` file ending in `.ts`).
 */
export function engineTargetOf(to: string, outFile: string | undefined): EngineTarget | null {
  if (to === 'asl' || to === 'asyncapi' || to === 'xstate-ts') return to;
  if (to === 'xstate' && outFile && extname(outFile).toLowerCase() === '.ts') return 'xstate-ts';
  return null;
}

/**
 * `baton export <file> --to asl|asyncapi|xstate-ts [-o out]`: the document for AWS Step
 * Functions, an AsyncAPI 3.0 broker description or an XState TypeScript module. What the target
 * cannot express is reported on stderr. Exit 2 when the target cannot take the document's kind
 * (ASL for a map), 1 when the document does not compile or the validator refuses the result
 * (its messages on stderr, nothing written), 0 otherwise.
 */
export async function engineExportCommand(
  file: string,
  target: EngineTarget,
  outFile: string | undefined,
  io: Output,
): Promise<number> {
  const read = await readAnyDocumentFile(file, io);
  if (!read.ok) {
    io.err(`${formatDiagnostic(file, read.diagnostic)}\n`);
    return EXIT.failedCheck;
  }
  const exported = await exportForEngine(read.document, target);
  if (exported.outcome === 'refused') {
    io.err(`baton export: ${file}: ${exported.message}\n`);
    return EXIT.badUsage;
  }
  for (const diagnostic of exported.diagnostics) io.err(`${formatDiagnostic(file, diagnostic)}\n`);
  if (exported.outcome === 'not-compiled') {
    io.err(`${file}: not exported: it does not compile\n`);
    return EXIT.failedCheck;
  }
  for (const item of exported.report) io.err(`${formatReportItem(file, item)}\n`);
  if (exported.outcome === 'invalid') {
    io.err(`${file}: the ${exported.label} export does not validate:\n`);
    for (const message of exported.messages) io.err(`  ${message}\n`);
    return EXIT.failedCheck;
  }
  return writeOutput(exported.text, outFile, io, `${file}: ${exported.label}`);
}
