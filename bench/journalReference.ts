// The reference the runtime's throughput is compared with (DESIGN.md §6): raw better-sqlite3
// inserts of the same journal rows, into the same schema with the same pragmas (a fresh workspace
// file: WAL, synchronous = FULL), grouped into transactions exactly as the runtime grouped them.
import { performance } from 'node:perf_hooks';
import type { Statement } from 'better-sqlite3';
import { RunStore, type StepWrite } from '../src-main/runtime/RunStore';
import { openWorkspace, closeWorkspace, type Workspace } from '../src-main/storage/openWorkspace';

/** The journal rows one step wrote: its run and the range of seqs (`to < from` when none). */
export interface StepRows {
  readonly run: number;
  readonly from: number;
  readonly to: number;
}

/** A run store that, while `recording`, remembers which journal rows each transaction held. */
export class RecordingRunStore extends RunStore {
  recording = false;
  readonly transactions: StepRows[][] = [];

  override commit(writes: readonly StepWrite[], now: number): void {
    if (this.recording && writes.length > 0) {
      this.transactions.push(
        writes.map((write) => ({
          run: write.run,
          from: write.journal[0]?.seq ?? 1,
          to: write.journal.at(-1)?.seq ?? 0,
        })),
      );
    }
    super.commit(writes, now);
  }

  get steps(): number {
    return this.transactions.reduce((sum, transaction) => sum + transaction.length, 0);
  }
}

type RowValues = [number, number, number, string, string | null, string];

/** A second workspace file that receives the same journal rows by plain inserts. */
export class JournalReference {
  private readonly db: Workspace;
  private readonly read: Statement;
  private readonly insert: Statement;
  private readonly insertTransaction: (rows: readonly RowValues[]) => void;

  /** `source` is the runtime's workspace (open), at `sourcePath`; the reference lives at `path`. */
  constructor(
    path: string,
    source: Workspace,
    private readonly sourcePath: string,
  ) {
    this.db = openWorkspace({ path });
    this.read = source
      .prepare(
        'SELECT run, seq, at_ms, kind, actor, data FROM run_journal WHERE run = ? AND seq >= ? AND seq <= ? ORDER BY seq',
      )
      .raw(true);
    this.insert = this.db.prepare(
      'INSERT INTO run_journal (run, seq, at_ms, kind, actor, data) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertTransaction = this.db.transaction((rows: readonly RowValues[]) => {
      for (const row of rows) this.insert.run(row);
    });
  }

  /**
   * Inserts the rows of the given transactions, one transaction each, and returns the time taken
   * in ms. The rows are read back from the runtime's journal and the runs they belong to copied
   * before the clock starts.
   */
  insertLike(transactions: readonly (readonly StepRows[])[]): number {
    this.copyRuns();
    const batches = transactions.map((transaction) =>
      transaction.flatMap((step) => {
        const rows = this.read.all(step.run, step.from, step.to) as unknown as RowValues[];
        if (rows.length !== Math.max(0, step.to - step.from + 1))
          throw new Error(`run ${step.run} lacks journal rows ${step.from}..${step.to}`);
        return rows;
      }),
    );
    const started = performance.now();
    for (const rows of batches) this.insertTransaction(rows);
    return performance.now() - started;
  }

  /** The journal's foreign key wants the runs (and their definitions) to exist. */
  private copyRuns(): void {
    this.db.prepare('ATTACH DATABASE ? AS source').run(this.sourcePath);
    try {
      this.db.exec(`INSERT OR IGNORE INTO main.run_blobs SELECT * FROM source.run_blobs;
        INSERT OR IGNORE INTO main.runs SELECT * FROM source.runs;`);
    } finally {
      this.db.exec('DETACH DATABASE source');
    }
  }

  /** Empties the reference journal (not timed), so the same rows can be inserted again. */
  reset(): void {
    this.db.exec('DELETE FROM run_journal');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    closeWorkspace(this.db);
  }
}
