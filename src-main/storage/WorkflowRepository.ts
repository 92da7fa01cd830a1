import type { Statement } from 'better-sqlite3';
import { BatonError } from '../../src-shared/contract/errors';
import type { VersionSummary, WorkflowSummary } from '../../src-shared/contract/contract';
import type { WorkflowKind } from '../../src-shared/model/elementTypes';
import type { Workspace } from './openWorkspace';

interface WorkflowRow {
  id: string;
  kind: WorkflowKind;
  name: string;
  created_at: number;
  updated_at: number;
  version_count: number;
}

interface VersionRow {
  id: number;
  workflow_id: string;
  number: number;
  label: string;
  created_at: number;
}

/** A stored version with its document as JSON text, validated by the caller. */
export interface StoredVersion {
  readonly version: VersionSummary;
  readonly kind: WorkflowKind;
  readonly document: string;
}

/** A saved draft as stored: the document is JSON text, validated by the caller. */
export interface DraftRow {
  readonly document: string;
  readonly revision: number;
  readonly savedAt: number;
}

const summarySelect = `
  SELECT w.id, w.kind, w.name, w.created_at, w.updated_at,
         (SELECT COUNT(*) FROM workflow_versions v WHERE v.workflow_id = w.id) AS version_count
  FROM workflows w`;

const toSummary = (row: WorkflowRow): WorkflowSummary => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  versionCount: row.version_count,
});

const toVersion = (row: VersionRow): VersionSummary => ({
  id: row.id,
  workflowId: row.workflow_id,
  number: row.number,
  label: row.label,
  createdAt: row.created_at,
});

/** Flows and maps, their drafts and their immutable versions. */
export class WorkflowRepository {
  private readonly statements: {
    list: Statement<[string], WorkflowRow>;
    get: Statement<[string], WorkflowRow>;
    insert: Statement<[string, string, string, number, number]>;
    rename: Statement<[string, number, string]>;
    touch: Statement<[number, string]>;
    remove: Statement<[string]>;
    getDraft: Statement<[string], { document: string; revision: number; saved_at: number }>;
    upsertDraft: Statement<[string, string, number, number]>;
    insertVersion: Statement<
      [{ id: string; label: string; document: string; now: number }],
      VersionRow
    >;
    listVersions: Statement<[string], VersionRow>;
    getVersion: Statement<
      [{ id: string; number: number | null }],
      VersionRow & { document: string }
    >;
  };

  constructor(private readonly db: Workspace) {
    this.statements = {
      list: db.prepare(
        `${summarySelect} WHERE instr(casefold(w.name), casefold(?)) > 0 ORDER BY w.updated_at DESC, w.name`,
      ),
      get: db.prepare(`${summarySelect} WHERE w.id = ?`),
      insert: db.prepare(
        'INSERT INTO workflows (id, kind, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      ),
      rename: db.prepare('UPDATE workflows SET name = ?, updated_at = ? WHERE id = ?'),
      touch: db.prepare('UPDATE workflows SET updated_at = ? WHERE id = ?'),
      remove: db.prepare('DELETE FROM workflows WHERE id = ?'),
      getDraft: db.prepare('SELECT document, revision, saved_at FROM drafts WHERE workflow_id = ?'),
      upsertDraft: db.prepare(
        `INSERT INTO drafts (workflow_id, document, revision, saved_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (workflow_id) DO UPDATE SET
           document = excluded.document, revision = excluded.revision, saved_at = excluded.saved_at`,
      ),
      insertVersion: db.prepare(
        `INSERT INTO workflow_versions (workflow_id, number, label, document, created_at)
         SELECT @id, COALESCE(MAX(number), 0) + 1, @label, @document, @now
         FROM workflow_versions WHERE workflow_id = @id
         RETURNING id, workflow_id, number, label, created_at`,
      ),
      listVersions: db.prepare(
        `SELECT id, workflow_id, number, label, created_at FROM workflow_versions
         WHERE workflow_id = ? ORDER BY number DESC`,
      ),
      getVersion: db.prepare(
        `SELECT id, workflow_id, number, label, created_at, document FROM workflow_versions
         WHERE workflow_id = @id AND (@number IS NULL OR number = @number)
         ORDER BY number DESC LIMIT 1`,
      ),
    };
  }

  list(query = ''): WorkflowSummary[] {
    return this.statements.list.all(query.trim()).map(toSummary);
  }

  /** The workflow's summary; a `not-found` error if there is none. */
  get(id: string): WorkflowSummary {
    const row = this.statements.get.get(id);
    if (!row) throw new BatonError('not-found', `no workflow with id ${id}`);
    return toSummary(row);
  }

  /**
   * Creates a workflow with its first draft, in one transaction. `alsoStore` runs inside it once
   * the workflow exists (to store what belongs with it, such as a pattern lab link): if it throws,
   * the workflow is not stored either.
   */
  create(
    input: { id: string; kind: WorkflowKind; name: string; document: string; now: number },
    alsoStore?: () => void,
  ) {
    this.db.transaction(() => {
      this.statements.insert.run(input.id, input.kind, input.name, input.now, input.now);
      this.statements.upsertDraft.run(input.id, input.document, 1, input.now);
      alsoStore?.();
    })();
    return this.get(input.id);
  }

  rename(id: string, name: string, now: number): WorkflowSummary {
    const { changes } = this.statements.rename.run(name, now, id);
    if (changes === 0) throw new BatonError('not-found', `no workflow with id ${id}`);
    return this.get(id);
  }

  delete(id: string): void {
    const { changes } = this.statements.remove.run(id);
    if (changes === 0) throw new BatonError('not-found', `no workflow with id ${id}`);
  }

  getDraft(id: string): DraftRow {
    const row = this.statements.getDraft.get(id);
    if (!row) throw new BatonError('not-found', `no draft for workflow ${id}`);
    return { document: row.document, revision: row.revision, savedAt: row.saved_at };
  }

  /**
   * Replaces the draft if `baseRevision` is still the stored one, so that two editors of the same
   * workflow cannot silently overwrite each other.
   */
  saveDraft(id: string, baseRevision: number, document: string, now: number) {
    return this.db.transaction(() => {
      const current = this.getDraft(id);
      if (current.revision !== baseRevision) {
        throw new BatonError(
          'conflict',
          `the draft changed elsewhere (revision ${current.revision}, this edit builds on ${baseRevision}); reopen it to continue`,
        );
      }
      const revision = baseRevision + 1;
      this.statements.upsertDraft.run(id, document, revision, now);
      this.statements.touch.run(now, id);
      return { revision, savedAt: now };
    })();
  }

  /**
   * Stores the current draft as the next immutable version. `alsoStore` runs inside the same
   * transaction with the stored version (to store what is derived from it, such as its compiled
   * machine): if it throws, the version is not stored either.
   */
  createVersion(
    id: string,
    label: string,
    now: number,
    alsoStore?: (stored: StoredVersion) => void,
  ): VersionSummary {
    return this.db.transaction(() => {
      const { kind } = this.get(id);
      const draft = this.getDraft(id);
      const row = this.statements.insertVersion.get({ id, label, document: draft.document, now });
      if (!row) throw new BatonError('internal', `could not store a version of ${id}`);
      this.statements.touch.run(now, id);
      const version = toVersion(row);
      alsoStore?.({ version, kind, document: draft.document });
      return version;
    })();
  }

  /**
   * One stored version with its document: version `number`, or the latest when it is omitted.
   * A `not-found` error names what is missing: the workflow, any version, or that number.
   */
  getVersion(id: string, number?: number): StoredVersion {
    const { kind, name } = this.get(id);
    const row = this.statements.getVersion.get({ id, number: number ?? null });
    if (!row) {
      throw new BatonError(
        'not-found',
        number === undefined
          ? `“${name}” has no saved version yet`
          : `“${name}” has no version ${number}`,
      );
    }
    return { version: toVersion(row), kind, document: row.document };
  }

  listVersions(id: string): VersionSummary[] {
    this.get(id);
    return this.statements.listVersions.all(id).map(toVersion);
  }

  /** Copies a workflow's current draft into a new workflow (versions stay with the original). */
  duplicate(input: { sourceId: string; id: string; name: string; now: number }): WorkflowSummary {
    return this.db.transaction(() => {
      const source = this.get(input.sourceId);
      const draft = this.getDraft(input.sourceId);
      return this.create({
        id: input.id,
        kind: source.kind,
        name: input.name,
        document: draft.document,
        now: input.now,
      });
    })();
  }
}
