import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BatonError, type ErrorCode } from '../../src-shared/contract/errors';
import { useTempDirs } from '../../test/main/tempDirs';
import { closeWorkspace, openWorkspace, type Workspace } from './openWorkspace';
import { WorkflowRepository } from './WorkflowRepository';

const makeTempDir = useTempDirs('baton-repo-');
const opened: Workspace[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) closeWorkspace(db);
});

function open(path: string) {
  const db = openWorkspace({ path });
  opened.push(db);
  return { db, repository: new WorkflowRepository(db) };
}

const ids = { orders: 'id-orders', refunds: 'id-refunds', shop: 'id-shop' } as const;
const doc = (label: string) => JSON.stringify({ label });

/** Runs `action` and returns the code of the BatonError it must throw. */
function codeOf(action: () => unknown): ErrorCode {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(BatonError);
    return (error as BatonError).code;
  }
  throw new Error('expected a BatonError');
}

const count = (db: Workspace, table: string, workflowId: string) =>
  db.prepare(`SELECT COUNT(*) FROM ${table} WHERE workflow_id = ?`).pluck().get(workflowId);

describe.each([
  ['in memory', () => ':memory:'],
  ['in a file', () => join(makeTempDir(), 'workspace.baton.db')],
])('WorkflowRepository %s', (_where, pathOf) => {
  /** A repository holding Orders (t=100), Refunds (t=200) and Shop (t=300). */
  function seeded() {
    const workspace = open(pathOf());
    const { repository } = workspace;
    repository.create({
      id: ids.orders,
      kind: 'flow',
      name: 'Orders',
      document: doc('o'),
      now: 100,
    });
    repository.create({
      id: ids.refunds,
      kind: 'flow',
      name: 'Order refunds',
      document: doc('r'),
      now: 200,
    });
    repository.create({ id: ids.shop, kind: 'map', name: 'Shop', document: doc('s'), now: 300 });
    return workspace;
  }

  describe('create and get', () => {
    it('given a new workflow, when created, then its summary and first draft are stored', () => {
      const { repository } = open(pathOf());

      const summary = repository.create({
        id: 'w',
        kind: 'map',
        name: 'Shop',
        document: doc('s'),
        now: 42,
      });

      expect(summary).toEqual({
        id: 'w',
        kind: 'map',
        name: 'Shop',
        createdAt: 42,
        updatedAt: 42,
        versionCount: 0,
      });
      expect(repository.get('w')).toEqual(summary);
      expect(repository.getDraft('w')).toEqual({ document: doc('s'), revision: 1, savedAt: 42 });
    });

    it('given an unknown id, when read, then it is not-found', () => {
      const { repository } = open(pathOf());

      expect(codeOf(() => repository.get('ghost'))).toBe('not-found');
      expect(codeOf(() => repository.getDraft('ghost'))).toBe('not-found');
      expect(codeOf(() => repository.listVersions('ghost'))).toBe('not-found');
    });
  });

  describe('list and search', () => {
    it('given three workflows, when listed, then the most recently updated comes first', () => {
      const { repository } = seeded();

      expect(repository.list().map((w) => w.name)).toEqual(['Shop', 'Order refunds', 'Orders']);
    });

    it('given an older workflow, when renamed, then it moves to the top', () => {
      const { repository } = seeded();

      repository.rename(ids.orders, 'Orders v2', 400);

      expect(repository.list().map((w) => w.name)).toEqual(['Orders v2', 'Shop', 'Order refunds']);
    });

    it('given two workflows updated at the same time, when listed, then they are ordered by name', () => {
      const { repository } = open(pathOf());
      for (const name of ['b', 'c', 'a'])
        repository.create({ id: name, kind: 'flow', name, document: doc(name), now: 5 });

      expect(repository.list().map((w) => w.name)).toEqual(['a', 'b', 'c']);
    });

    it.each([
      ['ORDER', ['Order refunds', 'Orders']],
      ['der', ['Order refunds', 'Orders']],
      ['REFUND', ['Order refunds']],
      ['  shop  ', ['Shop']],
      ['', ['Shop', 'Order refunds', 'Orders']],
      ['%', []],
      ['_', []],
      ['missing', []],
    ])(
      'given the query %j, when searched, then the case-insensitive substring matches are %j',
      (query, names) => {
        const { repository } = seeded();

        expect(repository.list(query).map((w) => w.name)).toEqual(names);
      },
    );

    // Regression (fixed; src-main/storage/WorkflowRepository.ts, `list`): SQLite's lower() folds ASCII
    // only, so a search for "überweisung" does not find "Überweisung".
    it('given a name with a non-ASCII capital, when searched in lower case, then it is found', () => {
      const { repository } = open(pathOf());
      repository.create({ id: 'u', kind: 'flow', name: 'Überweisung', document: doc('u'), now: 1 });

      expect(repository.list('überweisung').map((w) => w.id)).toEqual(['u']);
    });
  });

  describe('rename', () => {
    it('given a workflow, when renamed, then the name and updated time change', () => {
      const { repository } = seeded();

      const renamed = repository.rename(ids.shop, 'Store', 999);

      expect(renamed).toMatchObject({ name: 'Store', createdAt: 300, updatedAt: 999 });
    });

    it('given an unknown id, when renamed, then it is not-found', () => {
      const { repository } = seeded();

      expect(codeOf(() => repository.rename('ghost', 'X', 1))).toBe('not-found');
    });
  });

  describe('drafts', () => {
    it('given revision 1, when saved on it, then the revision is 2 and the workflow is touched', () => {
      const { repository } = seeded();

      const saved = repository.saveDraft(ids.orders, 1, doc('o2'), 500);

      expect(saved).toEqual({ revision: 2, savedAt: 500 });
      expect(repository.getDraft(ids.orders)).toEqual({
        document: doc('o2'),
        revision: 2,
        savedAt: 500,
      });
      expect(repository.get(ids.orders).updatedAt).toBe(500);
    });

    it('given revision 2, when a save builds on revision 1, then it is a conflict and the draft is kept', () => {
      const { repository } = seeded();
      repository.saveDraft(ids.orders, 1, doc('mine'), 500);

      expect(codeOf(() => repository.saveDraft(ids.orders, 1, doc('theirs'), 600))).toBe(
        'conflict',
      );
      expect(repository.getDraft(ids.orders)).toEqual({
        document: doc('mine'),
        revision: 2,
        savedAt: 500,
      });
      expect(repository.get(ids.orders).updatedAt).toBe(500);
    });

    it('given an unknown id, when a draft is saved, then it is not-found', () => {
      const { repository } = seeded();

      expect(codeOf(() => repository.saveDraft('ghost', 1, doc('x'), 1))).toBe('not-found');
    });
  });

  describe('versions', () => {
    it('given two workflows, when versions are made, then each numbers its own from 1, newest listed first', () => {
      const { repository } = seeded();

      const one = repository.createVersion(ids.orders, 'first', 500);
      const other = repository.createVersion(ids.shop, '', 510);
      const two = repository.createVersion(ids.orders, 'second', 520);

      expect([one.number, two.number, other.number]).toEqual([1, 2, 1]);
      expect(one).toMatchObject({ workflowId: ids.orders, label: 'first', createdAt: 500 });
      expect(repository.listVersions(ids.orders)).toEqual([two, one]);
      expect(repository.get(ids.orders)).toMatchObject({ versionCount: 2, updatedAt: 520 });
    });

    it('given a version, when the draft changes afterwards, then the version keeps the draft of its time', () => {
      const { db, repository } = seeded();
      repository.saveDraft(ids.orders, 1, doc('at version time'), 500);
      repository.createVersion(ids.orders, '', 510);

      repository.saveDraft(ids.orders, 2, doc('later'), 520);

      expect(db.prepare('SELECT document FROM workflow_versions').pluck().all()).toEqual([
        doc('at version time'),
      ]);
    });

    it('given a stored version, when a raw UPDATE changes it, then it throws and the version is unchanged', () => {
      const { db, repository } = seeded();
      repository.createVersion(ids.orders, 'v', 500);

      expect(() => db.prepare("UPDATE workflow_versions SET document = '{}'").run()).toThrow(
        /immutable/,
      );
      expect(db.prepare('SELECT document FROM workflow_versions').pluck().get()).toBe(doc('o'));
    });

    it('given an unknown id, when a version is made, then it is not-found and nothing is stored', () => {
      const { db, repository } = seeded();

      expect(codeOf(() => repository.createVersion('ghost', '', 1))).toBe('not-found');
      expect(db.prepare('SELECT COUNT(*) FROM workflow_versions').pluck().get()).toBe(0);
    });
  });

  describe('delete and duplicate', () => {
    it('given a workflow with versions, when deleted, then its draft and versions go and the others stay', () => {
      const { db, repository } = seeded();
      repository.createVersion(ids.orders, '', 500);
      repository.createVersion(ids.shop, '', 510);

      repository.delete(ids.orders);

      expect(codeOf(() => repository.get(ids.orders))).toBe('not-found');
      expect(count(db, 'drafts', ids.orders)).toBe(0);
      expect(count(db, 'workflow_versions', ids.orders)).toBe(0);
      expect(count(db, 'drafts', ids.shop)).toBe(1);
      expect(count(db, 'workflow_versions', ids.shop)).toBe(1);
      expect(codeOf(() => repository.delete(ids.orders))).toBe('not-found');
    });

    it('given a workflow with a saved draft and a version, when duplicated, then the copy has the draft but no versions', () => {
      const { repository } = seeded();
      repository.saveDraft(ids.shop, 1, doc('s2'), 500);
      repository.createVersion(ids.shop, '', 510);

      const copy = repository.duplicate({
        sourceId: ids.shop,
        id: 'copy',
        name: 'Shop 2',
        now: 600,
      });

      expect(copy).toEqual({
        id: 'copy',
        kind: 'map',
        name: 'Shop 2',
        createdAt: 600,
        updatedAt: 600,
        versionCount: 0,
      });
      expect(repository.getDraft('copy')).toEqual({
        document: doc('s2'),
        revision: 1,
        savedAt: 600,
      });
      expect(repository.listVersions(ids.shop)).toHaveLength(1);
    });

    it('given an unknown source, when duplicated, then it is not-found and nothing is created', () => {
      const { repository } = seeded();

      expect(
        codeOf(() => repository.duplicate({ sourceId: 'ghost', id: 'copy', name: 'X', now: 1 })),
      ).toBe('not-found');
      expect(repository.list()).toHaveLength(3);
    });
  });
});

describe('WorkflowRepository in a file: persistence', () => {
  it('given workflows, drafts and versions, when the workspace is closed and reopened, then all is there', () => {
    const path = join(makeTempDir(), 'workspace.baton.db');
    const first = openWorkspace({ path });
    const writer = new WorkflowRepository(first);
    writer.create({ id: 'a', kind: 'flow', name: 'Alpha', document: doc('a1'), now: 1 });
    writer.create({ id: 'b', kind: 'map', name: 'Beta', document: doc('b1'), now: 2 });
    writer.saveDraft('a', 1, doc('a2'), 3);
    writer.createVersion('a', 'release', 4);
    const before = { list: writer.list(), versions: writer.listVersions('a') };
    closeWorkspace(first);

    const { repository } = open(path);

    expect(repository.list()).toEqual(before.list);
    expect(repository.listVersions('a')).toEqual(before.versions);
    expect(repository.getDraft('a')).toEqual({ document: doc('a2'), revision: 2, savedAt: 3 });
    expect(repository.getDraft('b')).toEqual({ document: doc('b1'), revision: 1, savedAt: 2 });
  });
});
