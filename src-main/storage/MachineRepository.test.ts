import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BatonError } from '../../src-shared/contract/errors';
import { useTempDirs } from '../../test/main/tempDirs';
import { MachineRepository, type StoredMachine } from './MachineRepository';
import { migrations } from './migrations';
import { closeWorkspace, openWorkspace, type Workspace } from './openWorkspace';
import { WorkflowRepository } from './WorkflowRepository';

const makeTempDir = useTempDirs('baton-machines-');
const opened: Workspace[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) closeWorkspace(db);
});

const tempFile = () => join(makeTempDir(), 'workspace.baton.db');

function open(path: string) {
  const db = openWorkspace({ path });
  opened.push(db);
  return { db, workflows: new WorkflowRepository(db), machines: new MachineRepository(db) };
}

const hash = (char: string) => char.repeat(64);

const machineOf = (versionId: number, overrides: Partial<StoredMachine> = {}): StoredMachine => ({
  versionId,
  compilerVersion: '1.0.0',
  documentHash: hash('a'),
  machine: '{"id":"flow"}',
  diagnostics: '[]',
  compiledAt: 700,
  ...overrides,
});

/** The message of the BatonError `action` must throw, with its code. */
function failureOf(action: () => unknown): { code: string; message: string } {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(BatonError);
    return { code: (error as BatonError).code, message: (error as BatonError).message };
  }
  throw new Error('expected a BatonError');
}

describe.each([
  ['in memory', () => ':memory:'],
  ['in a file', tempFile],
])('compiled machines %s', (_where, pathOf) => {
  /** Orders (a flow) with versions 1 and 2, and Shop (a map) with none. */
  function seeded() {
    const workspace = open(pathOf());
    workspace.workflows.create({ id: 'o', kind: 'flow', name: 'Orders', document: '"v1"', now: 1 });
    workspace.workflows.create({ id: 's', kind: 'map', name: 'Shop', document: '{}', now: 2 });
    const one = workspace.workflows.createVersion('o', 'first', 10);
    workspace.workflows.saveDraft('o', 1, '"v2"', 20);
    const two = workspace.workflows.createVersion('o', 'second', 30);
    return { ...workspace, one, two };
  }

  it('given versions 1 and 2, when one is read by number or the latest without, then each comes with its document and kind', () => {
    const { workflows, one, two } = seeded();

    expect(workflows.getVersion('o', 1)).toEqual({ version: one, kind: 'flow', document: '"v1"' });
    expect(workflows.getVersion('o')).toEqual({ version: two, kind: 'flow', document: '"v2"' });
  });

  it('given a workflow, when a missing version is read, then not-found names the workflow and what is missing', () => {
    const { workflows } = seeded();

    expect(failureOf(() => workflows.getVersion('o', 3))).toEqual({
      code: 'not-found',
      message: '“Orders” has no version 3',
    });
    expect(failureOf(() => workflows.getVersion('s'))).toEqual({
      code: 'not-found',
      message: '“Shop” has no saved version yet',
    });
    expect(failureOf(() => workflows.getVersion('ghost')).code).toBe('not-found');
  });

  it('given a version being made, when what is stored with it succeeds, then both are stored and it saw the new version', () => {
    const { workflows, machines } = seeded();

    const three = workflows.createVersion('o', '', 40, (stored) => {
      expect(stored).toEqual({
        version: expect.objectContaining({ number: 3 }) as unknown,
        kind: 'flow',
        document: '"v2"',
      });
      machines.put(machineOf(stored.version.id));
    });

    expect(machines.find(three.id)).toEqual(machineOf(three.id));
  });

  it('given a version being made, when what is stored with it throws, then no version is stored either', () => {
    const { db, workflows, machines } = seeded();

    expect(() =>
      workflows.createVersion('o', '', 40, (stored) => {
        machines.put(machineOf(stored.version.id));
        throw new Error('the compiler broke');
      }),
    ).toThrow('the compiler broke');

    expect(workflows.listVersions('o').map((version) => version.number)).toEqual([2, 1]);
    expect(db.prepare('SELECT COUNT(*) FROM compiled_machines').pluck().get()).toBe(0);
    expect(workflows.get('o').updatedAt).toBe(30);
  });

  it('given a stored machine, when put again, then the new one replaces it', () => {
    const { machines, one } = seeded();
    machines.put(machineOf(one.id));

    machines.put(machineOf(one.id, { compilerVersion: '2.0.0', machine: null, compiledAt: 800 }));

    expect(machines.find(one.id)).toEqual(
      machineOf(one.id, { compilerVersion: '2.0.0', machine: null, compiledAt: 800 }),
    );
    expect(machines.find(9_999)).toBeUndefined();
  });

  it('given a version of a map, when its compiled map is put, then it is read back as it was written', () => {
    const { workflows, machines } = seeded();
    const version = workflows.createVersion('s', 'first', 40);
    const compiledMap = machineOf(version.id, {
      compilerVersion: '1.0.0',
      machine: '{"kind":"map","services":{},"broker":{},"tracker":{"id":"tracker"}}\n',
    });

    machines.put(compiledMap);

    expect(machines.find(version.id)).toEqual(compiledMap);
  });

  it('given machines of a workflow, when the workflow is deleted, then its machines go with its versions', () => {
    const { db, workflows, machines, one, two } = seeded();
    machines.put(machineOf(one.id));
    machines.put(machineOf(two.id));

    workflows.delete('o');

    expect(db.prepare('SELECT COUNT(*) FROM compiled_machines').pluck().get()).toBe(0);
  });

  it('given a machine for no version or a hash that is not sha-256, when put, then SQLite refuses it', () => {
    const { machines, one } = seeded();

    expect(() => machines.put(machineOf(9_999))).toThrow(/FOREIGN KEY/);
    expect(() => machines.put(machineOf(one.id, { documentHash: 'short' }))).toThrow(/CHECK/);
  });
});

describe('compiled machines: migrating a workspace made before them', () => {
  it('given a schema-1 file with a version, when opened, then the table is added and the version is kept without a machine', () => {
    const path = tempFile();
    const old = new Database(path);
    old.exec(migrations[0] ?? '');
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO workflows VALUES ('o', 'flow', 'Orders', 1, 1)").run();
    old
      .prepare(
        "INSERT INTO workflow_versions (workflow_id, number, label, document, created_at) VALUES ('o', 1, '', '{}', 1)",
      )
      .run();
    old.close();

    const { db, workflows, machines } = open(path);

    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const { version } = workflows.getVersion('o');
    expect(version.number).toBe(1);
    expect(machines.find(version.id)).toBeUndefined();
  });
});
