import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compilerCases } from '../../test/fixtures/compiler/cases';
import { map, orderSaga, react } from '../../test/fixtures/compiler/maps';
import { useTempDirs } from '../../test/main/tempDirs';
import {
  COMPILER_VERSION,
  compileFlow,
  serializeMachine,
} from '../../src-shared/compiler/compileFlow';
import {
  compileMap,
  MAP_COMPILER_VERSION,
  serializeCompiledMap,
} from '../../src-shared/compiler/map/compileMap';
import { isCompiledMap } from '../../src-shared/compiler/map/mapTypes';
import type { Client } from '../../src-shared/contract/contract';
import { BatonError } from '../../src-shared/contract/errors';
import { serializeDocument } from '../../src-shared/format/serializeDocument';
import { createEmptyDocument, type WorkflowDocument } from '../../src-shared/model/document';
import { closeWorkspace, openWorkspace } from '../storage/openWorkspace';
import { BatonCore, createInProcessClient } from './BatonCore';

const makeTempDir = useTempDirs('baton-core-machines-');
const cores: BatonCore[] = [];
let clock = 1_000;

afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function start(workspacePath = ':memory:'): Client {
  const core = new BatonCore({ workspacePath, mode: 'in-process', now: () => (clock += 1_000) });
  cores.push(core);
  return createInProcessClient(core);
}

/** Runs raw SQL on a workspace file closed first, as another program (or an older Baton) might. */
function tamper(path: string, sql: string) {
  for (const core of cores.splice(0)) core.close();
  const db = openWorkspace({ path });
  db.exec(sql);
  closeWorkspace(db);
}

function storedMachineCount(path: string): unknown {
  for (const core of cores.splice(0)) core.close();
  const db = openWorkspace({ path });
  try {
    return db.prepare('SELECT COUNT(*) FROM compiled_machines').pluck().get();
  } finally {
    closeWorkspace(db);
  }
}

async function failureOf(call: Promise<unknown>): Promise<BatonError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BatonError);
  return error as BatonError;
}

const sequence = compilerCases['sequence.basic'] as WorkflowDocument;
const compensation = compilerCases['compensation.reverseOrder'] as WorkflowDocument;
const sha256 = (doc: WorkflowDocument) =>
  createHash('sha256').update(serializeDocument(doc)).digest('hex');
const machineOf = (doc: WorkflowDocument) =>
  JSON.parse(serializeMachine(compileFlow(doc).machine!)) as unknown;
const compiledMapOf = (doc: WorkflowDocument) =>
  JSON.parse(serializeCompiledMap(compileMap(doc).compiled!)) as unknown;

/** A map whose draft is `doc`, saved as a version. */
async function mapWithVersion(client: Client, doc: WorkflowDocument, name = 'Shop') {
  const { id } = await client['workflows.create']({ kind: 'map', name });
  await client['drafts.save']({ id, baseRevision: 1, document: doc });
  const version = await client['versions.create']({ id });
  return { id, version };
}

/** A flow whose draft is `doc`, saved as a version. */
async function flowWithVersion(client: Client, doc: WorkflowDocument, name = 'Orders') {
  const { id } = await client['workflows.create']({ kind: 'flow', name });
  await client['drafts.save']({ id, baseRevision: 1, document: doc });
  const version = await client['versions.create']({ id });
  return { id, version };
}

describe('machines: compiled when a version is saved', () => {
  it('given a flow that compiles, when a version is saved, then its machine, hash and compiler version are stored', async () => {
    const client = start();

    const { id, version } = await flowWithVersion(client, sequence);

    expect(await client['machines.get']({ id })).toEqual({
      versionNumber: 1,
      compilerVersion: COMPILER_VERSION,
      documentHash: sha256(sequence),
      machine: machineOf(sequence),
      diagnostics: [],
      compiledAt: version.createdAt,
      stale: false,
    });
  });

  it('given a flow with no start event, when a version is saved, then it is stored with a null machine and the error that stops it', async () => {
    const client = start();
    const { id } = await client['workflows.create']({ kind: 'flow', name: 'Empty' });
    await client['versions.create']({ id });

    const compiled = await client['machines.get']({ id });

    expect(compiled.machine).toBeNull();
    expect(compiled.stale).toBe(false);
    expect(compiled.documentHash).toBe(sha256(createEmptyDocument('flow')));
    expect(compiled.diagnostics).toEqual([
      expect.objectContaining({ code: 'COMP002', severity: 'error' }),
    ]);
  });

  it('given two versions, when no version is named, then the latest one is returned, and a named one on request', async () => {
    const client = start();
    const { id } = await flowWithVersion(client, sequence);
    await client['drafts.save']({ id, baseRevision: 2, document: compensation });
    await client['versions.create']({ id });

    const latest = await client['machines.get']({ id });
    const first = await client['machines.get']({ id, version: 1 });

    expect(latest).toMatchObject({ versionNumber: 2, machine: machineOf(compensation) });
    expect(first).toMatchObject({ versionNumber: 1, documentHash: sha256(sequence) });
  });

  it('given a flow without versions or an unknown version, when its machine is asked for, then it is not-found', async () => {
    const client = start();
    const { id } = await client['workflows.create']({ kind: 'flow', name: 'Orders' });

    const none = await failureOf(client['machines.get']({ id }));
    await client['versions.create']({ id });
    const missing = await failureOf(client['machines.compile']({ id, version: 4 }));

    expect([none.code, none.message]).toEqual(['not-found', '“Orders” has no saved version yet']);
    expect([missing.code, missing.message]).toEqual(['not-found', '“Orders” has no version 4']);
  });

  it('given a map that compiles, when a version is saved, then its compiled map is stored with the map compiler version', async () => {
    const path = join(makeTempDir(), 'workspace.baton.db');
    const client = start(path);

    const { id, version } = await mapWithVersion(client, orderSaga);
    const compiled = await client['machines.get']({ id });

    expect(compiled).toEqual({
      versionNumber: 1,
      compilerVersion: MAP_COMPILER_VERSION,
      documentHash: sha256(orderSaga),
      machine: compiledMapOf(orderSaga),
      diagnostics: [],
      compiledAt: version.createdAt,
      stale: false,
    });
    expect(isCompiledMap(compiled.machine)).toBe(true);
    expect(storedMachineCount(path)).toBe(1);
  });

  it('given a map with a reaction on a publish edge, when a version is saved, then it is stored with a null machine and the error', async () => {
    const client = start();
    const broken = map(
      [
        ['svc', 'service'],
        ['evt', 'eventType'],
      ],
      [['svc', 'evt', react({})]],
    );

    const { id } = await mapWithVersion(client, broken);
    const compiled = await client['machines.get']({ id });

    expect(compiled.machine).toBeNull();
    expect(compiled.diagnostics).toEqual([
      expect.objectContaining({ code: 'MAP002', severity: 'error', elementId: 'e1' }),
    ]);
  });
});

describe('machines: stale machines and recompiling', () => {
  async function storedFlow() {
    const path = join(makeTempDir(), 'workspace.baton.db');
    const { id, version } = await flowWithVersion(start(path), sequence);
    return { path, id, version };
  }

  it.each([
    ['an older compiler', "UPDATE compiled_machines SET compiler_version = '0.9.0'"],
    [
      'a document hash that no longer matches',
      `UPDATE compiled_machines SET document_hash = '${'b'.repeat(64)}'`,
    ],
  ])(
    'given a machine stored by %s, when read, then it is stale; when compiled, then it is current and stored',
    async (_cause, sql) => {
      const { path, id, version } = await storedFlow();
      tamper(path, sql);
      const client = start(path);

      const stale = await client['machines.get']({ id });
      const compiled = await client['machines.compile']({ id });
      const reread = await client['machines.get']({ id, version: 1 });

      expect(stale.stale).toBe(true);
      expect(stale.compiledAt).toBe(version.createdAt);
      expect(compiled).toMatchObject({
        compilerVersion: COMPILER_VERSION,
        documentHash: sha256(sequence),
        machine: machineOf(sequence),
        stale: false,
      });
      expect(compiled.compiledAt).toBeGreaterThan(version.createdAt);
      expect(reread).toEqual(compiled);
    },
  );

  it('given an up-to-date machine, when compiled, then it is returned as stored, not compiled again', async () => {
    const client = start();
    const { id } = await flowWithVersion(client, sequence);
    const stored = await client['machines.get']({ id });

    expect(await client['machines.compile']({ id })).toEqual(stored);
  });

  it('given a map compiled by an older map compiler, when compiled, then it is current again', async () => {
    const path = join(makeTempDir(), 'workspace.baton.db');
    const { id } = await mapWithVersion(start(path), orderSaga);
    tamper(path, "UPDATE compiled_machines SET compiler_version = '0.9.0'");
    const client = start(path);

    const stale = await client['machines.get']({ id });
    const compiled = await client['machines.compile']({ id });

    expect(stale.stale).toBe(true);
    expect(compiled).toMatchObject({
      compilerVersion: MAP_COMPILER_VERSION,
      machine: compiledMapOf(orderSaga),
      stale: false,
    });
  });

  it('given a version saved before machines were stored, when read, then it is compiled and stored once', async () => {
    const { path, id } = await storedFlow();
    tamper(path, 'DELETE FROM compiled_machines');
    const client = start(path);

    const first = await client['machines.get']({ id });
    const second = await client['machines.get']({ id });

    expect(first).toMatchObject({ machine: machineOf(sequence), stale: false });
    expect(second).toEqual(first);
  });
});
