import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Workspace } from '../storage/openWorkspace';
import type { Breakpoint, DebugStop, RunMode } from '../../src-shared/runtime/debug';
import type { RunStatus } from '../../src-shared/runtime/runReport';

/** One row of a run's journal: the runtime's single trace event type. */
export interface JournalRow {
  readonly seq: number;
  readonly atMs: number;
  readonly kind: string;
  readonly actor: string | null;
  readonly data: Record<string, unknown>;
}

/** Something due in a run: a timer, a call in flight, a delivery, a wait (`dueMs` null). */
export interface AgendaRow {
  readonly id: number;
  readonly dueMs: number | null;
  readonly kind: string;
  readonly actor: string;
  readonly data: Record<string, unknown>;
}

/** A run's row: what it runs, against what, and where it is. */
export interface RunRow {
  readonly id: number;
  readonly uid: string;
  readonly workflowId: string | null;
  readonly version: number | null;
  readonly name: string;
  readonly kind: 'flow' | 'map';
  readonly definitionHash: string;
  readonly scenario: string;
  readonly seed: number;
  readonly correlationId: string;
  readonly status: RunStatus;
  readonly paused: boolean;
  readonly nowMs: number;
  readonly endedAtMs: number | null;
  readonly state: string;
  readonly parentRun: string | null;
  readonly forkedAt: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** `debug` runs start paused; both stop at their breakpoints. */
  readonly mode: RunMode;
  readonly breakpoints: readonly Breakpoint[];
  /** Why the run is paused where it is (null when it is not paused). */
  readonly stop: DebugStop | null;
}

/** Which runs a list shows (every filter optional). */
export interface RunFilter {
  readonly limit?: number;
  readonly statuses?: readonly RunStatus[];
  readonly workflowId?: string;
  /** Contained in the run id, the correlation id or the name, ignoring case. */
  readonly query?: string;
}

/** Everything one step of one run writes, committed together. */
export interface StepWrite {
  readonly run: number;
  readonly journal: readonly JournalRow[];
  readonly agendaDeleted: readonly number[];
  readonly agendaAdded: readonly AgendaRow[];
  readonly snapshot?: { readonly seq: number; readonly state: string };
  readonly update: {
    readonly status: RunStatus;
    readonly nowMs: number;
    readonly endedAtMs: number | null;
    readonly state: string;
  };
}

interface RawRun {
  id: number;
  uid: string;
  workflow_id: string | null;
  version: number | null;
  name: string;
  kind: 'flow' | 'map';
  definition_hash: string;
  scenario: string;
  seed: number;
  correlation_id: string;
  status: RunStatus;
  paused: number;
  now_ms: number;
  ended_at_ms: number | null;
  state: string;
  parent_run: string | null;
  forked_at: number | null;
  created_at: number;
  updated_at: number;
  mode: RunMode;
  breakpoints: string;
  stop: string | null;
}

const toRun = (raw: RawRun): RunRow => ({
  id: raw.id,
  uid: raw.uid,
  workflowId: raw.workflow_id,
  version: raw.version,
  name: raw.name,
  kind: raw.kind,
  definitionHash: raw.definition_hash,
  scenario: raw.scenario,
  seed: raw.seed,
  correlationId: raw.correlation_id,
  status: raw.status,
  paused: raw.paused === 1,
  nowMs: raw.now_ms,
  endedAtMs: raw.ended_at_ms,
  state: raw.state,
  parentRun: raw.parent_run,
  forkedAt: raw.forked_at,
  createdAt: raw.created_at,
  updatedAt: raw.updated_at,
  mode: raw.mode,
  breakpoints: JSON.parse(raw.breakpoints) as Breakpoint[],
  stop: raw.stop === null ? null : (JSON.parse(raw.stop) as DebugStop),
});

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The runs of a workspace in SQLite: runs, their pinned machines and definitions (by hash), the
 * append-only journal, the agenda and snapshots. Every step's writes go in through `commit`, in
 * one transaction with every other step of the same batch.
 */
export class RunStore {
  private readonly statements: {
    blob: Statement;
    readBlob: Statement;
    insertRun: Statement;
    journal: Statement;
    deleteAgenda: Statement;
    addAgenda: Statement;
    snapshot: Statement;
    updateStatus: Statement;
    update: Statement;
    setPaused: Statement;
    setDebug: Statement;
    setStop: Statement;
    setFork: Statement;
    deleteRun: Statement;
    run: Statement;
    runByUid: Statement;
    list: Statement;
    unfinished: Statement;
    agenda: Statement;
    journalRange: Statement;
    journalKind: Statement;
    machineEvents: Statement;
    lastSnapshot: Statement;
    lastSeq: Statement;
  };
  private readonly commitMany: (writes: readonly StepWrite[], now: number) => void;

  constructor(private readonly db: Workspace) {
    const prepare = (sql: string) => db.prepare(sql);
    this.statements = {
      blob: prepare('INSERT OR IGNORE INTO run_blobs (hash, text) VALUES (?, ?)'),
      readBlob: prepare('SELECT text FROM run_blobs WHERE hash = ?').pluck(),
      insertRun: prepare(`INSERT INTO runs (uid, workflow_id, version, name, kind, definition_hash,
        scenario, seed, correlation_id, status, paused, now_ms, ended_at_ms, state, parent_run,
        forked_at, created_at, updated_at, mode, breakpoints)
        VALUES (@uid, @workflowId, @version, @name, @kind, @definitionHash, @scenario, @seed,
        @correlationId, @status, 0, @nowMs, NULL, @state, @parentRun, @forkedAt, @createdAt,
        @createdAt, @mode, @breakpoints)`),
      journal: prepare(
        'INSERT INTO run_journal (run, seq, at_ms, kind, actor, data) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      deleteAgenda: prepare('DELETE FROM run_agenda WHERE run = ? AND id = ?'),
      addAgenda: prepare(
        'INSERT INTO run_agenda (run, id, due_ms, kind, actor, data) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      snapshot: prepare('INSERT OR REPLACE INTO run_snapshots (run, seq, state) VALUES (?, ?, ?)'),
      // The status apart, and only when it changes: setting it rewrites its index entry even
      // when the value is the same, an extra page in the WAL for most steps.
      updateStatus: prepare('UPDATE runs SET status = ? WHERE id = ? AND status IS NOT ?'),
      update: prepare(
        'UPDATE runs SET now_ms = ?, ended_at_ms = ?, state = ?, updated_at = ? WHERE id = ?',
      ),
      setPaused: prepare(`UPDATE runs SET paused = @paused, updated_at = @now, status = CASE
        WHEN @paused = 1 AND status = 'running' THEN 'paused'
        WHEN @paused = 0 AND status = 'paused' THEN 'running' ELSE status END WHERE uid = @uid`),
      setDebug: prepare('UPDATE runs SET breakpoints = ?, updated_at = ? WHERE uid = ?'),
      setStop: prepare('UPDATE runs SET stop = ?, updated_at = ? WHERE uid = ?'),
      setFork: prepare('UPDATE runs SET parent_run = ?, forked_at = ? WHERE uid = ?'),
      deleteRun: prepare('DELETE FROM runs WHERE uid = ?'),
      run: prepare('SELECT * FROM runs WHERE id = ?'),
      runByUid: prepare('SELECT * FROM runs WHERE uid = ?'),
      list: prepare(`SELECT * FROM runs
        WHERE (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))
        AND (@workflowId IS NULL OR workflow_id = @workflowId)
        AND (@query IS NULL OR instr(lower(uid), @query) > 0
          OR instr(lower(correlation_id), @query) > 0 OR instr(lower(name), @query) > 0)
        ORDER BY id DESC LIMIT @limit`),
      unfinished: prepare(
        `SELECT * FROM runs WHERE status IN ('running', 'paused') OR
        EXISTS (SELECT 1 FROM run_agenda WHERE run = runs.id AND due_ms IS NOT NULL) ORDER BY id`,
      ),
      agenda: prepare(
        'SELECT id, due_ms, kind, actor, data FROM run_agenda WHERE run = ? ORDER BY id',
      ),
      journalRange: prepare(
        'SELECT seq, at_ms, kind, actor, data FROM run_journal WHERE run = ? AND seq > ? AND seq <= ? ORDER BY seq',
      ),
      journalKind: prepare(
        'SELECT seq, at_ms, kind, actor, data FROM run_journal WHERE run = ? AND kind = ? ORDER BY seq',
      ),
      machineEvents: prepare(
        `SELECT seq, at_ms, kind, actor, data FROM run_journal
        WHERE run = ? AND kind IN ('event', 'actor.created', 'data.edited') ORDER BY seq`,
      ),
      lastSnapshot: prepare(
        'SELECT seq, state FROM run_snapshots WHERE run = ? AND seq <= ? ORDER BY seq DESC LIMIT 1',
      ),
      lastSeq: prepare('SELECT max(seq) FROM run_journal WHERE run = ?').pluck(),
    };
    const s = this.statements;
    this.commitMany = db.transaction((writes: readonly StepWrite[], now: number) => {
      for (const write of writes) {
        for (const id of write.agendaDeleted) s.deleteAgenda.run(write.run, id);
        for (const row of write.journal) {
          s.journal.run(
            write.run,
            row.seq,
            row.atMs,
            row.kind,
            row.actor,
            JSON.stringify(row.data),
          );
        }
        for (const row of write.agendaAdded) {
          s.addAgenda.run(
            write.run,
            row.id,
            row.dueMs,
            row.kind,
            row.actor,
            JSON.stringify(row.data),
          );
        }
        if (write.snapshot) s.snapshot.run(write.run, write.snapshot.seq, write.snapshot.state);
        const { status, nowMs, endedAtMs, state } = write.update;
        s.updateStatus.run(status, write.run, status);
        s.update.run(nowMs, endedAtMs, state, now, write.run);
      }
    });
  }

  /** Stores a machine or definition text once, by its sha-256; returns the hash. */
  putBlob(text: string): string {
    const hash = sha256(text);
    this.statements.blob.run(hash, text);
    return hash;
  }

  blob(hash: string): string {
    const text = this.statements.readBlob.get(hash) as string | undefined;
    if (text === undefined) throw new Error(`run storage is missing blob ${hash}`);
    return text;
  }

  insertRun(
    run: Omit<RunRow, 'id' | 'paused' | 'endedAtMs' | 'updatedAt' | 'stop' | 'breakpoints'> & {
      readonly breakpoints?: readonly Breakpoint[];
    },
  ): RunRow {
    const { lastInsertRowid } = this.statements.insertRun.run({
      ...run,
      breakpoints: JSON.stringify(run.breakpoints ?? []),
    });
    return this.run(Number(lastInsertRowid)) as RunRow;
  }

  /** Commits the steps of one batch in one transaction (synchronous = FULL: durable on return). */
  commit(writes: readonly StepWrite[], now: number): void {
    if (writes.length > 0) this.commitMany(writes, now);
  }

  setPaused(uid: string, paused: boolean, now: number): void {
    this.statements.setPaused.run({ paused: paused ? 1 : 0, now, uid });
  }

  setBreakpoints(uid: string, breakpoints: readonly Breakpoint[], now: number): void {
    this.statements.setDebug.run(JSON.stringify(breakpoints), now, uid);
  }

  setStop(uid: string, stop: DebugStop | null, now: number): void {
    this.statements.setStop.run(stop === null ? null : JSON.stringify(stop), now, uid);
  }

  /** Marks a run as a branch of another, taken after the parent's entry `forkedAt`. */
  setFork(uid: string, parentRun: string, forkedAt: number): void {
    this.statements.setFork.run(parentRun, forkedAt, uid);
  }

  /** Deletes a run and everything it holds (a branch that could not be made). */
  deleteRun(uid: string): void {
    this.statements.deleteRun.run(uid);
  }

  run(id: number): RunRow | undefined {
    const raw = this.statements.run.get(id) as RawRun | undefined;
    return raw && toRun(raw);
  }

  runByUid(uid: string): RunRow | undefined {
    const raw = this.statements.runByUid.get(uid) as RawRun | undefined;
    return raw && toRun(raw);
  }

  /** Runs, newest first, filtered in SQL. */
  list(filter: RunFilter = {}): RunRow[] {
    const query = filter.query?.trim().toLowerCase();
    return (
      this.statements.list.all({
        limit: filter.limit ?? 10_000,
        statuses: filter.statuses ? JSON.stringify(filter.statuses) : null,
        workflowId: filter.workflowId ?? null,
        query: query ? query : null,
      }) as RawRun[]
    ).map(toRun);
  }

  /** Runs that have work left: running or paused, or waiting on something that is due. */
  unfinished(): RunRow[] {
    return (this.statements.unfinished.all() as RawRun[]).map(toRun);
  }

  agenda(run: number): AgendaRow[] {
    return (
      this.statements.agenda.all(run) as {
        id: number;
        due_ms: number | null;
        kind: string;
        actor: string;
        data: string;
      }[]
    ).map((row) => ({
      id: row.id,
      dueMs: row.due_ms,
      kind: row.kind,
      actor: row.actor,
      data: JSON.parse(row.data) as Record<string, unknown>,
    }));
  }

  /** Journal entries with `after < seq <= upTo`, in order. */
  journal(run: number, after = 0, upTo = Number.MAX_SAFE_INTEGER): JournalRow[] {
    return (this.statements.journalRange.all(run, after, upTo) as RawJournal[]).map(toJournal);
  }

  journalOfKind(run: number, kind: string): JournalRow[] {
    return (this.statements.journalKind.all(run, kind) as RawJournal[]).map(toJournal);
  }

  /** What a replay needs: the machines created, the events sent to them and data edits, in order. */
  machineEvents(run: number): JournalRow[] {
    return (this.statements.machineEvents.all(run) as RawJournal[]).map(toJournal);
  }

  lastSeq(run: number): number {
    return (this.statements.lastSeq.get(run) as number | null) ?? 0;
  }

  /** The latest snapshot at or before `seq`. */
  snapshotAtOrBefore(run: number, seq: number): { seq: number; state: string } | undefined {
    return this.statements.lastSnapshot.get(run, seq) as { seq: number; state: string } | undefined;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}

interface RawJournal {
  seq: number;
  at_ms: number;
  kind: string;
  actor: string | null;
  data: string;
}

const toJournal = (raw: RawJournal): JournalRow => ({
  seq: raw.seq,
  atMs: raw.at_ms,
  kind: raw.kind,
  actor: raw.actor,
  data: JSON.parse(raw.data) as Record<string, unknown>,
});
