import type { Statement } from 'better-sqlite3';
import type { Workspace } from './openWorkspace';

/**
 * What a version compiled to, as stored: a flow's machine or a map's compiled map (services,
 * broker wiring, tracker). The machine and diagnostics are JSON text, written and read by the
 * caller. `machine` is null when the document does not compile.
 */
export interface StoredMachine {
  readonly versionId: number;
  readonly compilerVersion: string;
  /** sha-256 (hex) of the version's document as `serializeDocument` writes it. */
  readonly documentHash: string;
  readonly machine: string | null;
  readonly diagnostics: string;
  readonly compiledAt: number;
}

interface MachineRow {
  version_id: number;
  compiler_version: string;
  document_hash: string;
  machine: string | null;
  diagnostics: string;
  compiled_at: number;
}

/** Compiled machines, one per version of a flow or map; rewritten when it is compiled again. */
export class MachineRepository {
  private readonly statements: {
    find: Statement<[number], MachineRow>;
    put: Statement<[MachineRow]>;
  };

  constructor(db: Workspace) {
    this.statements = {
      find: db.prepare(
        `SELECT version_id, compiler_version, document_hash, machine, diagnostics, compiled_at
         FROM compiled_machines WHERE version_id = ?`,
      ),
      put: db.prepare(
        `INSERT INTO compiled_machines
           (version_id, compiler_version, document_hash, machine, diagnostics, compiled_at)
         VALUES (@version_id, @compiler_version, @document_hash, @machine, @diagnostics, @compiled_at)
         ON CONFLICT (version_id) DO UPDATE SET
           compiler_version = excluded.compiler_version, document_hash = excluded.document_hash,
           machine = excluded.machine, diagnostics = excluded.diagnostics,
           compiled_at = excluded.compiled_at`,
      ),
    };
  }

  /** The stored machine of a version, or `undefined` when it has never been compiled. */
  find(versionId: number): StoredMachine | undefined {
    const row = this.statements.find.get(versionId);
    return (
      row && {
        versionId: row.version_id,
        compilerVersion: row.compiler_version,
        documentHash: row.document_hash,
        machine: row.machine,
        diagnostics: row.diagnostics,
        compiledAt: row.compiled_at,
      }
    );
  }

  /** Stores a version's machine, replacing the one compiled before. */
  put(machine: StoredMachine): void {
    this.statements.put.run({
      version_id: machine.versionId,
      compiler_version: machine.compilerVersion,
      document_hash: machine.documentHash,
      machine: machine.machine,
      diagnostics: machine.diagnostics,
      compiled_at: machine.compiledAt,
    });
  }
}
