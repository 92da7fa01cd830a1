import Database from 'better-sqlite3';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatonError } from '../../src-shared/contract/errors';
import { useTempDirs } from '../../test/main/tempDirs';
import { migrations } from './migrations';
import { closeWorkspace, migrate, openWorkspace, type Workspace } from './openWorkspace';

const makeTempDir = useTempDirs('baton-open-');
const opened: Workspace[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) closeWorkspace(db);
});

function open(path: string): Workspace {
  const db = openWorkspace({ path });
  opened.push(db);
  return db;
}

const tempFile = () => join(makeTempDir(), 'workspace.baton.db');

const tables = (db: Workspace) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((row) => row.name);

/** The error `openWorkspace` must fail with. */
function openFailure(path: string): BatonError {
  let thrown: unknown;
  try {
    open(path);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(BatonError);
  return thrown as BatonError;
}

describe.each([
  ['in memory', () => ':memory:'],
  ['in a file', tempFile],
])('openWorkspace %s', (_where, pathOf) => {
  it('given a new workspace, when opened, then every migration has run and user_version is migrations.length', () => {
    const db = open(pathOf());

    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(tables(db)).toEqual([
      'catalog_events',
      'catalog_services',
      'compiled_machines',
      'drafts',
      'pattern_links',
      'run_agenda',
      'run_blobs',
      'run_journal',
      'run_snapshots',
      'runs',
      'saved_scenarios',
      'settings',
      'workflow_versions',
      'workflows',
    ]);
  });

  it('given a new workspace, when opened, then foreign keys are on and writes are synchronous', () => {
    const db = open(pathOf());

    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('given an up-to-date workspace, when migrate runs again, then no migration SQL runs', () => {
    const db = open(pathOf());
    const exec = vi.spyOn(db, 'exec');

    migrate(db);

    expect(exec).not.toHaveBeenCalled();
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
  });

  it('given a stored version, when a raw UPDATE touches it, then the trigger refuses it', () => {
    const db = open(pathOf());
    db.prepare("INSERT INTO workflows VALUES ('w', 'flow', 'W', 1, 1)").run();
    db.prepare(
      "INSERT INTO workflow_versions (workflow_id, number, label, document, created_at) VALUES ('w', 1, '', '{}', 1)",
    ).run();

    expect(() => db.prepare("UPDATE workflow_versions SET label = 'edited'").run()).toThrow(
      /workflow versions are immutable/,
    );
    expect(db.prepare('SELECT label FROM workflow_versions').pluck().get()).toBe('');
  });
});

describe('openWorkspace: a file', () => {
  it('given a file, when opened, then it is in WAL mode', () => {
    const db = open(tempFile());

    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('given :memory:, when opened, then it stays in memory journal mode', () => {
    const db = open(':memory:');

    expect(db.pragma('journal_mode', { simple: true })).toBe('memory');
  });

  it('given a path in folders that do not exist, when opened, then the folders are made', () => {
    const path = join(makeTempDir(), 'a', 'b', 'workspace.baton.db');

    open(path);

    expect(existsSync(path)).toBe(true);
  });

  it('given a migrated file with data, when closed and reopened, then migrations do not run again and the data is there', () => {
    const path = tempFile();
    const first = openWorkspace({ path });
    first.prepare("INSERT INTO settings VALUES ('theme', 'dark')").run();
    closeWorkspace(first);

    const second = open(path);

    expect(second.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(second.prepare("SELECT value FROM settings WHERE key = 'theme'").pluck().get()).toBe(
      'dark',
    );
  });

  it('given a file at schema 3 with a service, when opened, then the events catalog is added and the service kept', () => {
    const path = tempFile();
    const older = new Database(path);
    for (const sql of migrations.slice(0, 3)) older.exec(sql);
    older.pragma('user_version = 3');
    older.prepare("INSERT INTO catalog_services VALUES ('Payment', '{}')").run();
    older.close();

    const db = open(path);

    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(tables(db)).toContain('catalog_events');
    expect(db.prepare('SELECT name FROM catalog_services').pluck().all()).toEqual(['Payment']);
    expect(db.prepare('SELECT count(*) FROM catalog_events').pluck().get()).toBe(0);
  });

  it('given a workspace with writes, when closed, then the WAL is folded into the main file', () => {
    const path = tempFile();
    const db = openWorkspace({ path });
    db.prepare("INSERT INTO settings VALUES ('k', 'v')").run();

    closeWorkspace(db);

    expect(db.open).toBe(false);
    expect(!existsSync(`${path}-wal`) || statSync(`${path}-wal`).size === 0).toBe(true);
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT value FROM settings').pluck().get()).toBe('v');
    raw.close();
  });

  it('given a closed workspace, when closed again, then nothing throws', () => {
    const db = openWorkspace({ path: tempFile() });
    closeWorkspace(db);

    expect(() => closeWorkspace(db)).not.toThrow();
  });
});

describe('openWorkspace: files it must refuse', () => {
  it('given a file from a newer Baton, when opened, then it is refused as unavailable and left as it was', () => {
    const path = tempFile();
    const newer = new Database(path);
    newer.pragma(`user_version = ${migrations.length + 1}`);
    newer.close();

    const error = openFailure(path);

    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/newer Baton/);
    expect(error.message).toContain(`schema version ${migrations.length + 1}`);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
    expect(tables(raw)).toEqual([]);
    raw.close();
  });

  it('given a file of garbage bytes, when opened, then it is refused as not a usable workspace', () => {
    const path = tempFile();
    writeFileSync(
      path,
      Buffer.from(Array.from({ length: 8192 }, (_, index) => (index * 37 + 11) % 256)),
    );

    const error = openFailure(path);

    expect(error.code).toBe('unavailable');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/not a usable workspace: file is not a database/);
  });

  it('given a folder where the file should be, when opened, then it is refused as unavailable', () => {
    const dir = makeTempDir();

    const error = openFailure(dir);

    expect(error.code).toBe('unavailable');
    expect(error.message).toContain(dir);
  });
});
