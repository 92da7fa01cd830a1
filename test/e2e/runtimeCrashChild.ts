/**
 * The process the crash test kills (`node --import tsx test/e2e/runtimeCrashChild.ts <file>`).
 * It opens the workspace file, starts every planned run the workspace does not hold yet (all of
 * them on the first launch; the rest when that launch was killed while starting), resumes every
 * unfinished run, and runs until nothing is due. It tells the test on stdout, one line each:
 *
 * - `ready <unfinished> <runs>`: the workspace is open, with that many unfinished runs out of that
 *   many;
 * - `started <runId> <seed> <seq>`: `start` returned, so the run's first entries are committed;
 * - `resumed <runs>`: every unfinished run is loaded and the runtime starts working;
 * - `committed <runId> <seq>`: a batch that moved the run is committed, up to journal entry `seq`;
 * - `idle`: nothing is due any more, and the workspace is closed.
 *
 * Writes to a pipe are synchronous on Linux, so a line the test read was written before the kill.
 */
import { Runtime } from '../../src-main/runtime/Runtime';
import { RunStore } from '../../src-main/runtime/RunStore';
import type { WorldState } from '../../src-main/runtime/RunWorld';
import { closeWorkspace, openWorkspace } from '../../src-main/storage/openWorkspace';
import { PLAN, exampleDocument } from './runtimeCrashPlan';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(path: string): Promise<void> {
  const db = openWorkspace({ path });
  const store = new RunStore(db);
  const runtime = new Runtime({
    store,
    onChange: (moved) => {
      for (const { runId, seq } of moved) say(`committed ${runId} ${seq}`);
    },
  });
  const runs = store.list();
  say(`ready ${store.unfinished().length} ${runs.length}`);
  const present = new Set(runs.map((row) => row.seed));
  for (const planned of PLAN) {
    if (present.has(planned.seed)) continue;
    const row = runtime.start({
      document: exampleDocument(planned.example),
      catalog: { services: [] },
      resolve: () => undefined,
      scenario: planned.scenario,
      seed: planned.seed,
    });
    say(`started ${row.uid} ${row.seed} ${(JSON.parse(row.state) as WorldState).seq}`);
  }
  say(`resumed ${runtime.resumeAll().length}`);
  await runtime.runUntilIdle();
  closeWorkspace(db);
  say('idle');
}

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: runtimeCrashChild.ts <workspace file>\n');
  process.exit(2);
}
main(path).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
