import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { importBpmn } from '../../src-shared/interchange/bpmn/importBpmn';
import {
  formatImportReportEntry,
  type ImportReportEntry,
} from '../../src-shared/interchange/bpmn/importReport';
import type { Diagnostic } from '../../src-shared/validation/Diagnostic';
import type { Output } from './commands';
import { readDocumentFile, type ReadResult } from './readDocumentFile';

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A BPMN file read into a document, with what its import report says. */
export type BpmnReadResult =
  | (ReadResult & { readonly ok: true; readonly report: readonly ImportReportEntry[] })
  | (ReadResult & { readonly ok: false });

/** Does the CLI read this file as BPMN 2.0 XML (by its extension)? */
export function isBpmnPath(path: string): boolean {
  return ['.bpmn', '.bpmn2'].includes(extname(path).toLowerCase());
}

/**
 * The text of an XML file, decoded as its declaration says (`encoding="ISO-8859-1"`; UTF-8 when
 * it says nothing), or why it cannot be.
 */
export function decodeXml(bytes: Buffer): string | { problem: string } {
  const head = bytes.subarray(0, 200).toString('latin1');
  const label = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch (error) {
    return {
      problem:
        error instanceof RangeError
          ? `its encoding "${label}" is not one Baton knows`
          : `it is not valid ${label} text`,
    };
  }
}

/**
 * Reads a `.bpmn` file from disk without trusting it (see `importBpmn`): its document, with the
 * import report of what was not taken over as it was; or the diagnostic saying why not.
 */
export async function readBpmnFile(path: string): Promise<BpmnReadResult> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return problem(
      code === 'ENOENT'
        ? `${path} does not exist`
        : `${path} cannot be read (${code ?? String(error)})`,
    );
  }
  if (bytes.length > MAX_FILE_BYTES) {
    return problem(`${path} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  }
  const text = decodeXml(bytes);
  if (typeof text !== 'string') return problem(`${path} cannot be read: ${text.problem}`);
  const imported = await importBpmn(text);
  if (!imported.ok) {
    const details = imported.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`);
    return problem([`${path}: ${imported.message}`, ...details.slice(1)].join('\n  '));
  }
  return { ok: true, document: imported.document, report: imported.report };
}

/**
 * Reads the files a command was given: Baton JSON at once, BPMN (whose parser answers with a
 * promise) asynchronously. Commands given JSON files only stay synchronous. With `io`, a BPMN
 * file whose import was not exact says so on stderr in one line.
 */
export function withDocumentFiles(
  paths: readonly string[],
  use: (reads: readonly ReadResult[]) => number,
  io?: Output,
): number | Promise<number> {
  if (!paths.some(isBpmnPath)) return use(paths.map((path) => readDocumentFile(path)));
  return Promise.all(paths.map((path) => readAnyDocumentFile(path, io))).then(use);
}

/** A Baton JSON or BPMN file, read by its extension (see `withDocumentFiles` for `io`). */
export async function readAnyDocumentFile(path: string, io?: Output): Promise<ReadResult> {
  if (!isBpmnPath(path)) return readDocumentFile(path);
  const read = await readBpmnFile(path);
  if (io && read.ok && read.report.length > 0) {
    const count = read.report.length;
    io.err(
      `${path}: read from BPMN; ${count} item${count === 1 ? '' : 's'} not taken over as ${count === 1 ? 'it was' : 'they were'} (baton import ${path} lists them)\n`,
    );
  }
  return read;
}

/** The import report as the CLI prints it to stderr, or nothing when it is empty. */
export function formatImportReport(file: string, report: readonly ImportReportEntry[]): string {
  if (report.length === 0) return '';
  const lines = report.map((entry) => `  ${formatImportReportEntry(entry)}`);
  return `${file}: import report (${report.length} item${report.length === 1 ? '' : 's'} not taken over as they were)\n${lines.join('\n')}\n`;
}

function problem(message: string): BpmnReadResult {
  const diagnostic: Diagnostic = {
    code: 'FILE002',
    severity: 'error',
    message,
    help: 'Check that the file is BPMN 2.0 XML (a bpmn:definitions root) and within the limits of docs/interchange.md.',
  };
  return { ok: false, diagnostic };
}
