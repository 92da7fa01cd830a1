import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocument } from '../../src-shared/format/loadDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';

export const EXAMPLES_DIR = 'assets/examples';

/** The worked examples of one kind, as `[name, document]`, loaded the way a user's file is. */
export function loadExamples(kind: WorkflowDocument['kind']): [string, WorkflowDocument][] {
  return readdirSync(EXAMPLES_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file): [string, WorkflowDocument] => {
      const loaded = loadDocument(readFileSync(join(EXAMPLES_DIR, file), 'utf8'));
      if (!loaded.ok) throw new Error(`${file}: ${loaded.message}`);
      return [file.replace(/\.json$/, ''), loaded.document];
    })
    .filter(([, document]) => document.kind === kind);
}
