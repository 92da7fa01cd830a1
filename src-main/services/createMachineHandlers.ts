import { createHash } from 'node:crypto';
import {
  COMPILER_VERSION,
  compileFlow,
  serializeMachine,
} from '../../src-shared/compiler/compileFlow';
import type { MachineJson } from '../../src-shared/compiler/machineTypes';
import type { CompiledMachine, Handlers } from '../../src-shared/contract/contract';
import { BatonError } from '../../src-shared/contract/errors';
import { serializeDocument } from '../../src-shared/format/serializeDocument';
import { emptyCatalog } from '../../src-shared/model/catalog';
import type { WorkflowDocument } from '../../src-shared/model/document';
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

/** Compiles a stored flow version into the row that keeps its machine. */
export function compileVersion(stored: StoredVersion, now: number): StoredMachine {
  const { document, hash } = readVersion(stored);
  // The workspace has no services catalog of its own yet; the document's is merged in anyway.
  const { machine, diagnostics } = compileFlow(document, { catalog: emptyCatalog });
  return {
    versionId: stored.version.id,
    compilerVersion: COMPILER_VERSION,
    documentHash: hash,
    machine: machine ? serializeMachine(machine) : null,
    diagnostics: JSON.stringify(diagnostics),
    compiledAt: now,
  };
}

/**
 * Stores the machine of a version that was just saved; run inside `createVersion`'s transaction
 * so a version of a flow never exists without its machine. Maps store none: they compile to one
 * machine per service, which is not stored.
 */
export function storeCompiledMachine(
  machines: MachineRepository,
  stored: StoredVersion,
  now: number,
): void {
  if (stored.kind === 'flow') machines.put(compileVersion(stored, now));
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
    machine: row.machine === null ? null : (JSON.parse(row.machine) as MachineJson),
    diagnostics: JSON.parse(row.diagnostics) as Diagnostic[],
    compiledAt: row.compiledAt,
    stale: row.compilerVersion !== COMPILER_VERSION || row.documentHash !== currentHash,
  };
}

/**
 * The calls that read and refresh compiled machines. Machines are compiled when a flow version
 * is saved (`versions.create`); a version saved before machines were stored (a workspace from an
 * older Baton) is compiled on its first read.
 */
export function createMachineHandlers(
  deps: MachineServiceDeps,
): Pick<Handlers, 'machines.get' | 'machines.compile'> {
  const { repository, machines, now } = deps;

  /** The flow version asked for; a map is refused because it has no stored machine. */
  const flowVersion = (id: string, version: number | undefined): StoredVersion => {
    const stored = repository.getVersion(id, version);
    if (stored.kind !== 'flow') {
      const { name } = repository.get(id);
      throw new BatonError(
        'invalid-input',
        `“${name}” is a choreography map: only orchestration flows have a stored machine`,
      );
    }
    return stored;
  };

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
    /** The stored machine of a flow version, saying whether it is stale. */
    'machines.get': ({ id, version }) => current(flowVersion(id, version)),

    /** Compiles a stale machine again and stores it; an up-to-date one is returned as it is. */
    'machines.compile': ({ id, version }) => {
      const stored = flowVersion(id, version);
      const machine = current(stored);
      if (!machine.stale) return machine;
      const row = compileVersion(stored, now());
      machines.put(row);
      return toCompiledMachine(stored, row, row.documentHash);
    },
  };
}
