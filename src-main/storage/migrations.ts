/**
 * The workspace schema, as an ordered list of migrations. Migration N brings `user_version` from
 * N - 1 to N. Never edit a migration that has shipped: add a new one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE workflows (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('flow', 'map')),
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE workflow_versions (
    id INTEGER PRIMARY KEY,
    workflow_id TEXT NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    label TEXT NOT NULL,
    document TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (workflow_id, number)
  ) STRICT;

  CREATE TRIGGER workflow_versions_are_immutable BEFORE UPDATE ON workflow_versions
  BEGIN
    SELECT RAISE(ABORT, 'workflow versions are immutable');
  END;

  CREATE TABLE drafts (
    workflow_id TEXT PRIMARY KEY REFERENCES workflows (id) ON DELETE CASCADE,
    document TEXT NOT NULL,
    revision INTEGER NOT NULL,
    saved_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  `,
  // 2: the machine each flow version compiles to. One row per version; `machine` is null when the
  // flow does not compile (its diagnostics say why). Rewritten when the compiler or the
  // document's serialization changes, so unlike versions these rows are not immutable.
  `
  CREATE TABLE compiled_machines (
    version_id INTEGER PRIMARY KEY REFERENCES workflow_versions (id) ON DELETE CASCADE,
    compiler_version TEXT NOT NULL,
    document_hash TEXT NOT NULL CHECK (length(document_hash) = 64),
    machine TEXT,
    diagnostics TEXT NOT NULL,
    compiled_at INTEGER NOT NULL
  ) STRICT;
  `,
  // 3: the workspace's services catalog: one row per service, its operations and default mock
  // behaviour as JSON (validated by the Catalog schema when read and written).
  `
  CREATE TABLE catalog_services (
    name TEXT PRIMARY KEY,
    definition TEXT NOT NULL
  ) STRICT;
  `,
  // 4: the workspace's events catalog: one row per event type (its owner, version, description
  // and payload fields as JSON, validated by the EventTypeDefinition schema when read and written).
  `
  CREATE TABLE catalog_events (
    name TEXT PRIMARY KEY,
    definition TEXT NOT NULL
  ) STRICT;
  `,
  // 5: runs. A run is pinned to the exact machines and definition it started with (stored once
  // per hash in run_blobs). Its journal is append-only; its agenda holds what is due (timers,
  // calls in flight, deliveries, waits), so nothing pending lives only in memory; snapshots of
  // its machines every few hundred events make resuming and seeking fast.
  `
  CREATE TABLE run_blobs (
    hash TEXT PRIMARY KEY CHECK (length(hash) = 64),
    text TEXT NOT NULL
  ) STRICT;

  CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    workflow_id TEXT,
    version INTEGER,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('flow', 'map')),
    definition_hash TEXT NOT NULL REFERENCES run_blobs (hash),
    scenario TEXT NOT NULL,
    seed INTEGER NOT NULL,
    correlation_id TEXT NOT NULL,
    status TEXT NOT NULL,
    paused INTEGER NOT NULL DEFAULT 0,
    now_ms INTEGER NOT NULL,
    ended_at_ms INTEGER,
    state TEXT NOT NULL,
    parent_run TEXT,
    forked_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX runs_by_status ON runs (status);

  CREATE TABLE run_journal (
    run INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    at_ms INTEGER NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (run, seq)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE run_agenda (
    run INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    id INTEGER NOT NULL,
    due_ms INTEGER,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (run, id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE run_snapshots (
    run INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (run, seq)
  ) STRICT, WITHOUT ROWID;
  `,
  // 6: debugging runs. A run's mode (`debug` runs start paused), the breakpoints it stops at (JSON,
  // replaced by `runs.breakpoints`) and why it is paused where it is (JSON, null when it is not):
  // none of them are inputs of the run, so they live on its row and never in its journal.
  `
  ALTER TABLE runs ADD COLUMN mode TEXT NOT NULL DEFAULT 'run' CHECK (mode IN ('run', 'debug'));
  ALTER TABLE runs ADD COLUMN breakpoints TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE runs ADD COLUMN stop TEXT;
  CREATE INDEX runs_by_workflow ON runs (workflow_id);
  `,
  // 7: scenarios saved with a flow or map under a name, for the run dialog (the scenario as JSON,
  // validated by the Scenario schema when written and checked again when read).
  `
  CREATE TABLE saved_scenarios (
    workflow_id TEXT NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    scenario TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (workflow_id, name)
  ) STRICT;
  `,
  // 8: pattern lab links. A derived workflow keeps which workflow it was derived from and the
  // mapping (JSON: source element id → derived element ids) so both views can be highlighted
  // together; the link goes when either workflow is deleted. A workflow is derived at most once
  // (derived_id is the key); a source may have many derived workflows.
  `
  CREATE TABLE pattern_links (
    derived_id TEXT PRIMARY KEY REFERENCES workflows (id) ON DELETE CASCADE,
    source_id TEXT NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
    mapping TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    CHECK (derived_id <> source_id)
  ) STRICT;
  CREATE INDEX pattern_links_by_source ON pattern_links (source_id);
  `,
];
