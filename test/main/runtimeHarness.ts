import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocument } from '../../src-shared/format/loadDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { Scenario } from '../../src-shared/runtime/scenario';
import { folderResolver } from '../../src-main/runtime/flowResolvers';
import { RunStore, type RunRow } from '../../src-main/runtime/RunStore';
import { Runtime } from '../../src-main/runtime/Runtime';
import { openWorkspace, type Workspace } from '../../src-main/storage/openWorkspace';
import { EXAMPLES_DIR } from '../shared/exampleFiles';

/** An example document, loaded as a user's file is. */
export function example(name: string): WorkflowDocument {
  const loaded = loadDocument(readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8'));
  if (!loaded.ok) throw new Error(`${name}: ${loaded.message}`);
  return loaded.document;
}

/** A runtime over a real SQLite workspace (`:memory:` unless a path is given). */
export function openRuntime(path = ':memory:'): {
  db: Workspace;
  store: RunStore;
  runtime: Runtime;
} {
  const db = openWorkspace({ path });
  const store = new RunStore(db);
  return { db, store, runtime: new Runtime({ store }) };
}

export interface Ran {
  readonly runtime: Runtime;
  readonly store: RunStore;
  readonly row: RunRow;
  readonly report: ReturnType<Runtime['report']>;
}

/** Starts one run of a document against a scenario and runs it to the end (virtual time). */
export async function runDocument(
  document: WorkflowDocument,
  scenario: Scenario,
  options: { seed?: number; opened?: ReturnType<typeof openRuntime> } = {},
): Promise<Ran> {
  const { runtime, store } = options.opened ?? openRuntime();
  const row = runtime.start({
    document,
    catalog: { services: [] },
    resolve: folderResolver(EXAMPLES_DIR),
    scenario,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  await runtime.runUntilIdle([row.uid]);
  return { runtime, store, row, report: runtime.report(row.uid) };
}

/** The journal entries of a run with one kind. */
export const entriesOf = (ran: Ran, kind: string) => ran.store.journalOfKind(ran.row.id, kind);

/** Steps as `element outcome` lines, in the report's order. */
export const stepLines = (ran: Ran) =>
  ran.report.steps.map((step) => `${step.elementId} ${step.outcome}`);
