import { renameSync, writeFileSync } from 'node:fs';
import { compileDocument } from '../../src-shared/compiler/compileDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { emptyCatalog } from '../../src-shared/model/catalog';
import type { Diagnostic } from '../../src-shared/validation/Diagnostic';
import { validateDocument } from '../../src-shared/validation/validateDocument';
import { commandLineFlows } from './commandLineFlows';
import { withDocumentFiles } from './readBpmnFile';
import type { ReadResult } from './readDocumentFile';
import { mapFigures } from '../../src-shared/validation/map/mapFigures';

/** Where a command writes: injected so tests read what a user would see. */
export interface Output {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const EXIT = { ok: 0, failedCheck: 1, badUsage: 2 } as const;

/**
 * `baton validate <file>… [--json]`: flows and maps alike, each against its own catalog (the CLI
 * has no workspace); the flows a document starts or calls are checked against the flow files on
 * the same command line (see `commandLineFlows`). Exit 1 when any file has an error.
 */
export function validateCommand(
  files: readonly string[],
  json: boolean,
  io: Output,
): number | Promise<number> {
  return withDocumentFiles(
    files,
    (read) =>
      validateRead(
        files.map((file, index) => ({ file, read: read[index]! })),
        json,
        io,
      ),
    io,
  );
}

function validateRead(
  reads: readonly { file: string; read: ReadResult }[],
  json: boolean,
  io: Output,
): number {
  const files = reads.map(({ file }) => file);
  const flowVersionsFor = commandLineFlows(
    reads.filter(({ read }) => read.ok && read.document.kind === 'flow').map(({ file }) => file),
  );
  const results = reads.map(({ file, read }) => ({
    file,
    figures:
      read.ok && read.document.kind === 'map' ? describeMapFigures(read.document) : undefined,
    diagnostics: read.ok
      ? validateDocument(read.document, {
          catalog: emptyCatalog,
          flowVersions: flowVersionsFor(read.document),
        })
      : [read.diagnostic],
  }));
  if (json) {
    const report = {
      files: results.map(({ file, diagnostics }) => ({
        file,
        diagnostics: diagnostics.map(({ code, severity, message, elementId }) => ({
          code,
          severity,
          message,
          elementId: elementId ?? null,
        })),
      })),
    };
    io.out(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    for (const { file, diagnostics, figures } of results) {
      if (diagnostics.length === 0) io.out(`${file}: no problems\n`);
      for (const diagnostic of diagnostics) io.out(`${formatDiagnostic(file, diagnostic)}\n`);
      if (figures) io.out(`${figures}\n`);
    }
    const counts = countBySeverity(results.flatMap((result) => result.diagnostics));
    io.out(
      `${plural(files.length, 'file')} checked: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}\n`,
    );
  }
  const failed = results.some((result) => result.diagnostics.some((d) => d.severity === 'error'));
  return failed ? EXIT.failedCheck : EXIT.ok;
}

/**
 * `baton compile <file> [-o out.json]`: a flow's XState machine config, or a map's compiled form
 * (a machine per service, the broker's wiring and the instance tracker), as JSON; or the problems.
 */
export function compileCommand(
  file: string,
  outFile: string | undefined,
  io: Output,
): number | Promise<number> {
  return withDocumentFiles([file], ([read]) => compileRead(file, read!, outFile, io), io);
}

function compileRead(
  file: string,
  read: ReadResult,
  outFile: string | undefined,
  io: Output,
): number {
  if (!read.ok) {
    io.err(`${formatDiagnostic(file, read.diagnostic)}\n`);
    return EXIT.failedCheck;
  }
  const { text, diagnostics } = compileDocument(read.document);
  for (const diagnostic of diagnostics) io.err(`${formatDiagnostic(file, diagnostic)}\n`);
  if (text === null) {
    io.err(`${file}: not compiled (${plural(diagnostics.length, 'problem')})\n`);
    return EXIT.failedCheck;
  }
  const what = read.document.kind === 'map' ? 'compiled map' : 'machine';
  return writeOutput(text, outFile, io, `${file}: ${what}`);
}

/** Prints `text`, or writes it to `outFile` whole or not at all (a temporary file renamed). */
export function writeOutput(
  text: string,
  outFile: string | undefined,
  io: Output,
  what: string,
): number {
  if (!outFile) {
    io.out(text);
    return EXIT.ok;
  }
  const temporary = `${outFile}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, outFile);
  io.err(`${what} written to ${outFile}\n`);
  return EXIT.ok;
}

export function formatDiagnostic(file: string, diagnostic: Diagnostic): string {
  const where = diagnostic.elementId ? ` [${diagnostic.elementId}]` : '';
  return `${file}: ${diagnostic.severity} ${diagnostic.code}${where} ${diagnostic.message}\n  help: ${diagnostic.help}`;
}

function countBySeverity(diagnostics: readonly Diagnostic[]) {
  return {
    error: diagnostics.filter((d) => d.severity === 'error').length,
    warning: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The figures people ask about a map, in two lines: fan-out and the longest chain of reactions. */
function describeMapFigures(document: WorkflowDocument): string {
  const figures = mapFigures(document);
  const names = new Map(
    document.model.elements.map((element) => [element.id, element.name || element.id]),
  );
  const widest = [...figures.fanOut].sort((a, b) => b.reactions - a.reactions)[0];
  const chain = figures.longestChain.map((id) => names.get(id) ?? id).join(' → ');
  const fanOut = widest
    ? `widest fan-out ${widest.reactions} (${names.get(widest.eventId) ?? widest.eventId})`
    : 'no events';
  return `  figures: ${plural(figures.fanOut.length, 'event')}, ${fanOut}\n  longest chain: ${chain || '(none)'}`;
}
