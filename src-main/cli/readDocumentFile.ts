import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { loadDocument } from '../../src-shared/format/loadDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { Diagnostic } from '../../src-shared/validation/Diagnostic';

/** A file the CLI was given: its document, or the diagnostic that says why it could not be read. */
export type ReadResult =
  | { readonly ok: true; readonly document: WorkflowDocument }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Reads a Baton JSON document from disk without trusting it. */
export function readDocumentFile(path: string): ReadResult {
  if (extname(path).toLowerCase() === '.bpmn') {
    return fileProblem('FILE002', `${path}: a BPMN file is read with readBpmnFile`);
  }
  let text: string;
  try {
    const buffer = readFileSync(path);
    if (buffer.length > MAX_FILE_BYTES) {
      return fileProblem('FILE001', `${path} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    }
    text = buffer.toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fileProblem(
      'FILE001',
      code === 'ENOENT'
        ? `${path} does not exist`
        : `${path} cannot be read (${code ?? String(error)})`,
    );
  }
  const loaded = loadDocument(text);
  if (!loaded.ok) {
    const details = loaded.problems
      .slice(0, 5)
      .map((problem) => `${problem.path}: ${problem.message}`);
    return fileProblem('FILE001', [loaded.message, ...details].join('\n  '));
  }
  return { ok: true, document: loaded.document };
}

const help = {
  FILE001:
    'Check that the file is a Baton document (JSON with formatVersion, kind, model and diagram).',
  FILE002: 'Check that the file is BPMN 2.0 XML (a bpmn:definitions root).',
};

function fileProblem(code: keyof typeof help, message: string): ReadResult {
  return { ok: false, diagnostic: { code, severity: 'error', message, help: help[code] } };
}
