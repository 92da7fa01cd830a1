import { renameSync, writeFileSync } from 'node:fs';
import { serializeDocument } from '../../src-shared/format/serializeDocument';
import { compileDocument } from '../../src-shared/compiler/compileDocument';
import { renderDiagramSvg } from '../../src-shared/diagram/renderDiagramSvg';
import { EXIT, formatDiagnostic, writeOutput, type Output } from './commands';
import { exportBpmn } from '../../src-shared/interchange/bpmn/exportBpmn';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { formatImportReport, isBpmnPath, readBpmnFile, withDocumentFiles } from './readBpmnFile';
import { readDocumentFile, type ReadResult } from './readDocumentFile';
import { engineExportCommand, engineTargetOf } from './engineExportCommand';
import { renderDiagramPng } from './renderDiagramPng';

/** The export targets of DESIGN.md §5, and the ones this build can write. */
export const EXPORT_TARGETS = ['json', 'bpmn', 'xstate', 'asl', 'asyncapi', 'svg', 'png'] as const;
const AVAILABLE = new Set(['json', 'bpmn', 'xstate', 'svg', 'png']);

/**
 * `baton export <file> --to json|bpmn|xstate|xstate-ts|asl|asyncapi|svg|png [-o out]`: the document
 * in Baton's stable JSON form, as BPMN 2.0 XML, its compiled XState machine(s) (JSON or a
 * TypeScript module), AWS Step Functions ASL, AsyncAPI 3.0, or its diagram as the SVG or PNG the
 * app exports (a PNG needs `-o`). `<file>` may be Baton JSON or BPMN.
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
  if (to === 'png' && !outFile) {
    // A picture is bytes, not text for a terminal.
    io.err('baton export: --to png needs -o <file.png>\n');
    return EXIT.badUsage;
  }
  if (!AVAILABLE.has(to)) {
    const known = (EXPORT_TARGETS as readonly string[]).includes(to);
    io.err(
      `baton export: ${known ? `export to ${to} is not available yet` : `unknown target "${to}"`}; this build writes ${[...AVAILABLE, 'xstate-ts', 'asl', 'asyncapi'].join(', ')}\n`,
    );
    return EXIT.badUsage;
  }
  return withDocumentFiles([file], ([read]) => exportDocument(file, read!, to, outFile, io), io);
}

function exportDocument(
  file: string,
  read: ReadResult,
  to: string,
  outFile: string | undefined,
  io: Output,
): number {
  if (!read.ok) {
    io.err(`${formatDiagnostic(file, read.diagnostic)}\n`);
    return EXIT.failedCheck;
  }
  if (to === 'bpmn') return exportBpmnTarget(file, read.document, outFile, io);
  if (to === 'json')
    return writeOutput(serializeDocument(read.document), outFile, io, `${file}: JSON`);
  if (to === 'svg')
    return writeOutput(renderDiagramSvg(read.document), outFile, io, `${file}: SVG`);
  if (to === 'png') return exportPng(file, read.document, outFile, io);
  const { text, diagnostics } = compileDocument(read.document);
  for (const diagnostic of diagnostics) io.err(`${formatDiagnostic(file, diagnostic)}\n`);
  if (text === null) return EXIT.failedCheck;
  return writeOutput(text, outFile, io, `${file}: XState`);
}

/**
 * `baton import <file> [-o out.json]`: reads a document from outside (Baton JSON or BPMN) without
 * trusting it and writes it in Baton's stable JSON form.
 */
export function importCommand(
  file: string,
  outFile: string | undefined,
  io: Output,
): number | Promise<number> {
  if (isBpmnPath(file)) return importBpmnCommand(file, outFile, io);
  const read = readDocumentFile(file);
  if (!read.ok) {
    io.err(`${formatDiagnostic(file, read.diagnostic)}\n`);
    return EXIT.failedCheck;
  }
  return writeOutput(serializeDocument(read.document), outFile, io, `${file}: document`);
}

/** `baton export … --to bpmn`: BPMN 2.0 XML with diagram interchange and Baton's extension. */
function exportBpmnTarget(
  file: string,
  document: WorkflowDocument,
  outFile: string | undefined,
  io: Output,
): number {
  return writeOutput(exportBpmn(document), outFile, io, `${file}: BPMN`);
}

/**
 * `baton import <file.bpmn>`: the Baton JSON of a BPMN file on stdout (or in `-o`), and its import
 * report (what was skipped, approximated, converted, renamed or ignored) on stderr.
 */
async function importBpmnCommand(
  file: string,
  outFile: string | undefined,
  io: Output,
): Promise<number> {
  const read = await readBpmnFile(file);
  if (!read.ok) {
    io.err(`${formatDiagnostic(file, read.diagnostic)}\n`);
    return EXIT.failedCheck;
  }
  io.err(formatImportReport(file, read.report));
  return writeOutput(serializeDocument(read.document), outFile, io, `${file}: document`);
}

/** `baton export … --to png -o out.png`: the SVG export drawn at twice its size. */
function exportPng(
  file: string,
  document: WorkflowDocument,
  outFile: string | undefined,
  io: Output,
): number {
  if (!outFile) return EXIT.badUsage;
  const temporary = `${outFile}.${process.pid}.tmp`;
  writeFileSync(temporary, renderDiagramPng(document));
  renameSync(temporary, outFile);
  io.err(`${file}: PNG written to ${outFile}\n`);
  return EXIT.ok;
}
