import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { emptyCatalog } from '../../src-shared/model/catalog';
import type { FlowContext } from '../../src-shared/validation/Diagnostic';

/** The folder of deliberately broken documents (flows and maps), one per diagnostic scenario. */
export const brokenFixturesDir = join(import.meta.dirname, '..', 'fixtures', 'broken');

export interface BrokenFixture {
  readonly file: string;
  /** The code the fixture is meant to trigger: the file name up to the first dot. */
  readonly code: string;
  readonly scenario: string;
  /** The parsed JSON, as validation receives a document it can still read. */
  readonly document: WorkflowDocument;
}

/**
 * The broken fixtures in file-name order: those of one family of codes (`FLOW`: flows, checked
 * by `validateFlow`; `CHOR`: choreography maps, checked by `validateMap`), or all of them.
 */
export function loadBrokenFixtures(family?: 'FLOW' | 'CHOR'): BrokenFixture[] {
  return readdirSync(brokenFixturesDir)
    .filter((file) => file.endsWith('.json'))
    .filter((file) => family === undefined || file.startsWith(family))
    .sort()
    .map((file) => {
      const [code = '', scenario = ''] = file.replace(/\.json$/, '').split('.');
      const text = readFileSync(join(brokenFixturesDir, file), 'utf8');
      return { file, code, scenario, document: JSON.parse(text) as WorkflowDocument };
    });
}

/** The workspace the fixtures are checked in: one other flow, `customs-clearance`, v1 and v2. */
export const fixtureContext: FlowContext = {
  catalog: emptyCatalog,
  flowVersions: (flowId) => (flowId === 'customs-clearance' ? [1, 2] : undefined),
};
