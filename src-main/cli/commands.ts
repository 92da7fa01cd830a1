import { renameSync, writeFileSync } from 'node:fs';
import { compileFlow, serializeMachine } from '../../src-shared/compiler/compileFlow';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { emptyCatalog } from '../../src-shared/model/catalog';
import type { Diagnostic } from '../../src-shared/validation/Diagnostic';
import { validateFlow } from '../../src-shared/validation/validateFlow';
import { readDocumentFile } from './readDocumentFile';

/** Where a command writes: injected so tests read what a user would see. */
export interface Output {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const EXIT = { ok: 0, failedCheck: 1, badUsage: 2 } as const;

/** The diagnostics of one document: schema problems first, then the flow's checks. */
function check(document: WorkflowDocument): Diagnostic[] {
  // Choreography maps get their own checks with the choreography work; their schema is checked here.
  if (document.kind !== 'flow') return [];
  return validateFlow(document, { catalog: document.catalog ?? emptyCatalog });
}

/** `baton validate <file>… [--json]`: exit 1 when any file has an error. */
export function validateCommand(files: readonly string[], json: boolean, io: Output): number {
  const results = files.map((file) => {
    const read = readDocumentFile(file);
    return { file, diagnostics: read.ok ? check(read.document) : [read.diagnostic] };
  });
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
    for (const { file, diagnostics } of results) {
      if (diagnostics.length === 0) io.out(`${file}: no problems\n`);
      for (const diagnostic of diagnostics) io.out(`${formatDiagnostic(file, diagnostic)}\n`);
    }
    const counts = countBySeverity(results.flatMap((result) => result.diagnostics));
    io.out(
      `${plural(files.length, 'file')} checked: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}\n`,
    );
  }
  const failed = results.some((result) => result.diagnostics.some((d) => d.severity === 'error'));
  return failed ? EXIT.failedCheck : EXIT.ok;
}

/** `baton compile <file> [-o out.json]`: the machine config as JSON, or the problems. */
export function compileCommand(file: string, outFile: string | undefined, io: Output): number {
  const read = readDocumentFile(file);
  if (!read.ok) {
    io.err(`${formatDiagnostic(file, read.diagnostic)}\n`);
    return EXIT.failedCheck;
  }
  const { machine, diagnostics } = compileFlow(read.document);
  for (const diagnostic of diagnostics) io.err(`${formatDiagnostic(file, diagnostic)}\n`);
  if (!machine) {
    io.err(`${file}: not compiled (${plural(diagnostics.length, 'problem')})\n`);
    return EXIT.failedCheck;
  }
  const text = serializeMachine(machine);
  if (!outFile) {
    io.out(text);
    return EXIT.ok;
  }
  // Written whole or not at all: a temporary file renamed into place.
  const temporary = `${outFile}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, outFile);
  io.err(`${file}: machine written to ${outFile}\n`);
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
