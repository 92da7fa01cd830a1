// The workspace the debugger benchmark opens: a counting loop saved as a flow, with one finished
// run of over 100,000 journal entries (built here with synchronous = OFF, since only reading it is
// measured), and the order saga saved as a flow with one short finished run (the reference).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { RunStore } from '../src-main/runtime/RunStore';
import { Runtime } from '../src-main/runtime/Runtime';
import { closeWorkspace, openWorkspace } from '../src-main/storage/openWorkspace';
import { WorkflowRepository } from '../src-main/storage/WorkflowRepository';
import { loadDocument } from '../src-shared/format/loadDocument';
import type { WorkflowDocument } from '../src-shared/model/document';
import type { Scenario } from '../src-shared/runtime/scenario';
import { generateCountingLoop } from './generateCountingLoop';

export interface SavedRun {
  readonly workflowId: string;
  readonly name: string;
  readonly runId: string;
  readonly entries: number;
}

export function orderSagaDocument(): WorkflowDocument {
  const text = readFileSync(new URL('../assets/examples/order-saga.json', import.meta.url), 'utf8');
  const loaded = loadDocument(text);
  if (!loaded.ok) throw new Error('assets/examples/order-saga.json does not load');
  return loaded.document;
}

/** A counting loop of `turns` turns (about 7 journal entries each) as a document and scenario. */
export function countingLoop(turns: number) {
  return generateCountingLoop(turns);
}

export async function buildDebuggerWorkspace(
  path: string,
  longTurns: number,
): Promise<{ long: SavedRun; short: SavedRun }> {
  const db = openWorkspace({ path });
  try {
    db.pragma('synchronous = OFF');
    const repository = new WorkflowRepository(db);
    const store = new RunStore(db);
    const runtime = new Runtime({ store });
    const save = async (
      document: WorkflowDocument,
      name: string,
      scenario: Scenario,
    ): Promise<SavedRun> => {
      const workflowId = randomUUID();
      repository.create({
        id: workflowId,
        kind: document.kind,
        name,
        document: JSON.stringify({ ...document, name }),
        now: Date.now(),
      });
      const row = runtime.start({
        document,
        catalog: document.catalog ?? { services: [] },
        resolve: () => undefined,
        scenario,
        workflowId,
      });
      await runtime.runUntilIdle([row.uid]);
      return { workflowId, name, runId: row.uid, entries: store.lastSeq(row.id) };
    };
    const loop = countingLoop(longTurns);
    const long = await save(loop.document, 'Long counting loop', loop.scenario);
    const short = await save(orderSagaDocument(), 'Short order saga', {
      mocks: { 'Payment.charge': { outcomes: ['fail'] } },
    });
    db.pragma('synchronous = FULL');
    return { long, short };
  } finally {
    closeWorkspace(db);
  }
}
