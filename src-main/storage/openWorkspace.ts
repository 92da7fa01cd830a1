import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { BatonError } from '../../src-shared/contract/errors';
import { migrations } from './migrations';

export type Workspace = Database.Database;

export interface OpenOptions {
  /** Path of the SQLite file, or `:memory:`. */
  readonly path: string;
  /** Path of a better-sqlite3 native build to load instead of the default (Electron's ABI). */
  readonly nativeBinding?: string;
}

/**
 * Opens (creating if needed) a workspace file, sets its pragmas and brings its schema up to date.
 * A file written by a newer Baton is refused rather than misread.
 */
export function openWorkspace({ path, nativeBinding }: OpenOptions): Workspace {
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  let db: Workspace;
  try {
    db = new Database(path, nativeBinding ? { nativeBinding } : {});
  } catch (error) {
    throw new BatonError(
      'unavailable',
      `cannot open workspace ${path}: ${(error as Error).message}`,
    );
  }
  try {
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // SQLite's lower() folds ASCII only; searches by name fold every script.
    db.function('casefold', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? text.toLocaleLowerCase() : text,
    );
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof BatonError) throw error;
    throw new BatonError(
      'unavailable',
      `${path} is not a usable workspace: ${(error as Error).message}`,
    );
  }
}

/** Applies the migrations the file has not seen yet, each in its own transaction. */
export function migrate(db: Workspace): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new BatonError(
      'unavailable',
      `this workspace has schema version ${current}, made by a newer Baton (this one knows up to ${migrations.length})`,
    );
  }
  migrations.slice(current).forEach((sql, index) => {
    const version = current + index + 1;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  });
}

/** Flushes the WAL into the main file and closes the workspace. */
export function closeWorkspace(db: Workspace): void {
  if (!db.open) return;
  if (!db.memory) db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
