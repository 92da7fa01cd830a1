import { extname } from 'node:path';
import { serializeDocument } from '../../src-shared/format/serializeDocument';
import { compileDocument } from '../../src-shared/compiler/compileDocument';
import { renderDiagramSvg } from '../../src-shared/diagram/renderDiagramSvg';
import { EXIT, formatDiagnostic, writeOutput, type Output } from './commands';
import { engineExportCommand, engineTargetOf } from './engineExportCommand';
import { readDocumentFile } from './readDocumentFile';

/** The export targets of DESIGN.md §5, and the ones this build can write. */
export const EXPORT_TARGETS = ['json', 'bpmn', 'xstate', 'asl', 'asyncapi', 'svg'] as const;
const AVAILABLE = new Set(['json', 'xstate', 'svg']);

/**
 * `baton export <file> --to json|xstate|svg [-o out]`: the document in Baton's stable JSON form,
 * its compiled XState machine(s), or its diagram as the SVG the app exports. The other targets
 * come with the interchange work.
 */
export function exportCommand(
  file: string,
  to: string,
  outFile: string | undefined,
  io: Output,
): number | Promise<number> {
  // ASL, AsyncAPI and the XState TypeScript module: see engineExportCommand.ts.
  const engineTarget = engineTargetOf(to, outFile);
  if (engineTarget) return engineExportCommand(file, engineTarget, outFile, io);
  if (!AVAILABLE.has(to)) {
    const known = (EXPORT_TARGETS as readonly string[]).includes(to);
    io.err(
      `baton export: ${known ? `export to ${to} is not available yet` : `unknown target "${to}"`}; this build writes ${[...AVAILABLE, 'xstate-ts', 'asl', 'asyncapi'].join(', ')}\n`,
    );
    return EXIT.badUsage;
  }
  const read = readDocumentFile(file);
  if (!read.ok) {
    io.err(`${formatDiagnostic(file, read.diagnostic)}\n`);
    return EXIT.failedCheck;
  }
  if (to === 'json')
    return writeOutput(serializeDocument(read.document), outFile, io, `${file}: JSON`);
  if (to === 'svg')
    return writeOutput(renderDiagramSvg(read.document), outFile, io, `${file}: SVG`);
  const { text, diagnostics } = compileDocument(read.document);
  for (const diagnostic of diagnostics) io.err(`${formatDiagnostic(file, diagnostic)}\n`);
  if (text === null) return EXIT.failedCheck;
  return writeOutput(text, outFile, io, `${file}: XState`);
}

/**
 * `baton import <file> [-o out.json]`: reads a document from outside without trusting it and
 * writes it in Baton's stable JSON form. BPMN import comes with the interchange work.
 */
export function importCommand(file: string, outFile: string | undefined, io: Output): number {
  if (extname(file).toLowerCase() === '.bpmn') {
    io.err('baton import: BPMN import is not available yet; this build imports Baton JSON\n');
    return EXIT.badUsage;
  }
  const read = readDocumentFile(file);
  if (!read.ok) {
    io.err(`${formatDiagnostic(file, read.diagnostic)}\n`);
    return EXIT.failedCheck;
  }
  return writeOutput(serializeDocument(read.document), outFile, io, `${file}: document`);
}
