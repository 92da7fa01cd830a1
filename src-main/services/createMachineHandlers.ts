import { createHash } from 'node:crypto';
import { COMPILER_VERSION } from '../../src-shared/compiler/compileFlow';
import { compileDocument } from '../../src-shared/compiler/compileDocument';
import { MAP_COMPILER_VERSION } from '../../src-shared/compiler/map/compileMap';
import type { CompiledMachine, Handlers } from '../../src-shared/contract/contract';
import { serializeDocument } from '../../src-shared/format/serializeDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { WorkflowKind } from '../../src-shared/model/elementTypes';
import type { Diagnostic } from '../../src-shared/validation/Diagnostic';
import type { MachineRepository, StoredMachine } from '../storage/MachineRepository';
import type { StoredVersion, WorkflowRepository } from '../storage/WorkflowRepository';
import { parseStoredDocument } from './parseStoredDocument';

export interface MachineServiceDeps {
  readonly repository: WorkflowRepository;
  readonly machines: MachineRepository;
  readonly now: () => number;
}

/** sha-256 (hex) of a document in its saved form, so key order or spacing never changes it. */
export function documentHash(document: WorkflowDocument): string {
  return createHash('sha256').update(serializeDocument(document), 'utf8').digest('hex');
}

function readVersion(stored: StoredVersion) {
  const document = parseStoredDocument(
    stored.version.workflowId,
    stored.document,
    `version ${stored.version.number}`,
  );
  return { document, hash: documentHash(document) };
}

/** The compiler version that compiles documents of this kind today. */
export const compilerVersionOf = (kind: WorkflowKind): string =>
  kind === 'map' ? MAP_COMPILER_VERSION : COMPILER_VERSION;

/** Compiles a stored flow or map version into the row that keeps its machine. */
export function compileVersion(stored: StoredVersion, now: number): StoredMachine {
  const { document, hash } = readVersion(stored);
  const { text, diagnostics } = compileDocument(document);
  return {
    versionId: stored.version.id,
    compilerVersion: compilerVersionOf(document.kind),
    documentHash: hash,
    machine: text,
    diagnostics: JSON.stringify(diagnostics),
    compiledAt: now,
  };
}

/**
 * Stores the machine of a version that was just saved; run inside `createVersion`'s transaction
 * so a version never exists without its machine (for a map: its compiled services and wiring).
 */
export function storeCompiledMachine(
  machines: MachineRepository,
  stored: StoredVersion,
  now: number,
): void {
  machines.put(compileVersion(stored, now));
}

function toCompiledMachine(
  stored: StoredVersion,
  row: StoredMachine,
  currentHash: string,
): CompiledMachine {
  return {
    versionNumber: stored.version.number,
    compilerVersion: row.compilerVersion,
    documentHash: row.documentHash,
    machine: row.machine === null ? null : (JSON.parse(row.machine) as CompiledMachine['machine']),
    diagnostics: JSON.parse(row.diagnostics) as Diagnostic[],
    compiledAt: row.compiledAt,
    stale:
      row.compilerVersion !== compilerVersionOf(stored.kind) || row.documentHash !== currentHash,
  };
}

/**
 * The calls that read and refresh compiled machines. Machines are compiled when a version of a
 * flow or a map is saved (`versions.create`); a version saved before its machine was stored (a
 * workspace from an older Baton) is compiled on its first read.
 */
export function createMachineHandlers(
  deps: MachineServiceDeps,
): Pick<Handlers, 'machines.get' | 'machines.compile'> {
  const { repository, machines, now } = deps;

  const current = (stored: StoredVersion): CompiledMachine => {
    const { hash } = readVersion(stored);
    let row = machines.find(stored.version.id);
    if (!row) {
      row = compileVersion(stored, now());
      machines.put(row);
    }
    return toCompiledMachine(stored, row, hash);
  };

  return {
    /** The stored machine of a flow or map version, saying whether it is stale. */
    'machines.get': ({ id, version }) => current(repository.getVersion(id, version)),

    /** Compiles a stale machine again and stores it; an up-to-date one is returned as it is. */
    'machines.compile': ({ id, version }) => {
      const stored = repository.getVersion(id, version);
      const machine = current(stored);
      if (!machine.stale) return machine;
      const row = compileVersion(stored, now());
      machines.put(row);
      return toCompiledMachine(stored, row, row.documentHash);
    },
  };
}
