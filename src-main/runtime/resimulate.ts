import { isDeepStrictEqual } from 'node:util';
import { BatonError } from '../../src-shared/contract/errors';
import { comparableReport } from '../../src-shared/runtime/runReport';
import type { Scenario } from '../../src-shared/runtime/scenario';
import { closeWorkspace, openWorkspace } from '../storage/openWorkspace';
import type { RunDefinition } from './definition';
import { RunStore, type JournalRow } from './RunStore';
import { Runtime } from './Runtime';

export interface ResimulationResult {
  readonly runId: string;
  /** False when the run was steered by hand (a decision, an event, a cancel): not reproducible from its scenario alone. */
  readonly applicable: boolean;
  readonly identical: boolean;
  /** The first journal entry that differs, with what the new simulation wrote there. */
  readonly firstDifference?: {
    readonly seq: number;
    readonly recorded: unknown;
    readonly resimulated: unknown;
  };
  readonly entries: number;
  readonly reason?: string;
}

/** A run steered by a person has inputs its scenario does not hold. */
const steeredByHand = (journal: readonly JournalRow[]) =>
  journal.some((entry) => entry.data.by === 'person');

/**
 * Runs the pinned definition of a finished run again from nothing, with its scenario and seed, in
 * a scratch workspace, and compares the whole journal entry by entry and the reports: the run is
 * reproduced exactly, mocks, broker and clock included, not only its machines' states.
 */
export async function resimulateRun(store: RunStore, runId: string): Promise<ResimulationResult> {
  const row = store.runByUid(runId);
  if (!row) throw new BatonError('not-found', `there is no run ${runId}`);
  const recorded = store.journal(row.id);
  if (steeredByHand(recorded)) {
    return {
      runId,
      applicable: false,
      identical: false,
      entries: recorded.length,
      reason: 'the run was steered by hand, so its scenario alone does not reproduce it',
    };
  }
  const db = openWorkspace({ path: ':memory:' });
  try {
    const scratch = new Runtime({ store: new RunStore(db) });
    const definition = JSON.parse(store.blob(row.definitionHash)) as RunDefinition;
    const again = scratch.startDefinition(definition, {
      scenario: JSON.parse(row.scenario) as Scenario,
      seed: row.seed,
    });
    await scratch.runUntilIdle();
    const replayed = scratch.store.journal(again.id);
    const length = Math.max(recorded.length, replayed.length);
    for (let index = 0; index < length; index += 1) {
      const a = recorded[index];
      const b = replayed[index];
      if (
        !a ||
        !b ||
        a.atMs !== b.atMs ||
        a.kind !== b.kind ||
        a.actor !== b.actor ||
        !isDeepStrictEqual(a.data, b.data)
      ) {
        return {
          runId,
          applicable: true,
          identical: false,
          entries: recorded.length,
          firstDifference: { seq: index + 1, recorded: a ?? null, resimulated: b ?? null },
        };
      }
    }
    const same = isDeepStrictEqual(
      comparableReport(scratch.report(again.uid)),
      comparableReport(buildOriginal(store, runId)),
    );
    return {
      runId,
      applicable: true,
      identical: same,
      entries: recorded.length,
      ...(same ? {} : { reason: 'the journals match but the reports differ' }),
    };
  } finally {
    closeWorkspace(db);
  }
}

function buildOriginal(store: RunStore, runId: string) {
  return new Runtime({ store }).report(runId);
}
