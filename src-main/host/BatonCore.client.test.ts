import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../src-shared/contract/contract';
import { BatonError } from '../../src-shared/contract/errors';
import { createEmptyDocument, type WorkflowDocument } from '../../src-shared/model/document';
import type { EventMessage } from '../services/EventHub';
import { closeWorkspace, openWorkspace } from '../storage/openWorkspace';
import { BatonCore, createInProcessClient } from './BatonCore';

let core: BatonCore;
let client: Client;
let events: EventMessage[];
let clock: number;

function start(workspacePath = ':memory:') {
  clock = 1_000;
  core = new BatonCore({ workspacePath, mode: 'in-process', now: () => (clock += 1_000) });
  client = createInProcessClient(core);
  events = [];
  core.events.subscribe((message) => events.push(message));
}

beforeEach(() => start());
afterEach(() => core.close());

/** The error a call must fail with. */
async function failureOf(call: Promise<unknown>): Promise<BatonError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BatonError);
  return error as BatonError;
}

const flowWithTask = (name: string): WorkflowDocument => ({
  ...createEmptyDocument('flow'),
  model: { elements: [{ id: 'task', type: 'serviceTask', name }], connections: [] },
  diagram: { shapes: { task: { x: 1, y: 2 } } },
});

describe('in-process client: workflows', () => {
  it('given an empty workspace, when a flow is created, then it is listed, opened empty at revision 1 and announced', async () => {
    const created = await client['workflows.create']({ kind: 'flow', name: '  Orders  ' });

    expect(created).toMatchObject({ kind: 'flow', name: 'Orders', versionCount: 0 });
    expect(created.createdAt).toBe(created.updatedAt);
    expect(await client['workflows.list']({})).toEqual([created]);
    expect(await client['workflows.open']({ id: created.id })).toEqual({
      workflow: created,
      document: createEmptyDocument('flow'),
      revision: 1,
      savedAt: created.createdAt,
    });
    expect(events).toEqual([
      { channel: 'workflows.changed', payload: { id: created.id, change: 'created' } },
    ]);
  });

  it('given a flow, when renamed, then the new name is stored and an update is announced', async () => {
    const { id } = await client['workflows.create']({ kind: 'flow', name: 'Orders' });

    const renamed = await client['workflows.rename']({ id, name: 'Refunds' });

    expect(renamed.name).toBe('Refunds');
    expect(renamed.updatedAt).toBeGreaterThan(renamed.createdAt);
    expect((await client['workflows.list']({ query: 'REFUND' })).map((w) => w.id)).toEqual([id]);
    expect(events.at(-1)).toEqual({
      channel: 'workflows.changed',
      payload: { id, change: 'updated' },
    });
  });

  it('given a map with a saved draft, when duplicated, then the copy has the draft and no versions', async () => {
    const { id } = await client['workflows.create']({ kind: 'map', name: 'Shop' });
    const document = {
      ...createEmptyDocument('map'),
      model: {
        elements: [{ id: 'billing', type: 'service' as const, name: 'Billing' }],
        connections: [],
      },
      diagram: { shapes: { billing: { x: 0, y: 0 } } },
    };
    await client['drafts.save']({ id, baseRevision: 1, document });
    await client['versions.create']({ id });

    const copy = await client['workflows.duplicate']({ id });

    expect(copy).toMatchObject({ kind: 'map', name: 'Shop (copy)', versionCount: 0 });
    expect(copy.id).not.toBe(id);
    expect((await client['workflows.open']({ id: copy.id })).document).toEqual(document);
    expect(events.at(-1)).toEqual({
      channel: 'workflows.changed',
      payload: { id: copy.id, change: 'created' },
    });
  });

  it('given a flow with versions, when deleted, then it, its draft and its versions are gone', async () => {
    const { id } = await client['workflows.create']({ kind: 'flow', name: 'Orders' });
    await client['versions.create']({ id });

    expect(await client['workflows.delete']({ id })).toEqual({ id });

    expect(await client['workflows.list']({})).toEqual([]);
    expect((await failureOf(client['workflows.open']({ id }))).code).toBe('not-found');
    expect((await failureOf(client['versions.list']({ id }))).code).toBe('not-found');
    expect((await failureOf(client['workflows.delete']({ id }))).code).toBe('not-found');
    expect(events.at(-1)).toEqual({
      channel: 'workflows.changed',
      payload: { id, change: 'deleted' },
    });
  });

  it('given an invalid name, when created, then the client rejects with invalid-input and nothing is stored', async () => {
    const error = await failureOf(client['workflows.create']({ kind: 'flow', name: '   ' }));

    expect(error.code).toBe('invalid-input');
    expect(error.issues).toEqual([{ path: 'name', message: 'a name cannot be empty' }]);
    expect(await client['workflows.list']({})).toEqual([]);
    expect(events).toEqual([]);
  });
});

describe('in-process client: drafts', () => {
  it('given revision 1, when saved twice in turn, then the revision goes 2, 3 and the draft is the last document', async () => {
    const { id } = await client['workflows.create']({ kind: 'flow', name: 'Orders' });

    const first = await client['drafts.save']({ id, baseRevision: 1, document: flowWithTask('A') });
    const second = await client['drafts.save']({
      id,
      baseRevision: 2,
      document: flowWithTask('B'),
    });

    expect(first.revision).toBe(2);
    expect(second).toEqual({ revision: 3, savedAt: clock });
    const opened = await client['workflows.open']({ id });
    expect(opened).toMatchObject({ revision: 3, document: flowWithTask('B') });
    expect(opened.workflow.updatedAt).toBe(second.savedAt);
  });

  it('given a stale base revision, when saved, then it is a conflict and the draft is kept', async () => {
    const { id } = await client['workflows.create']({ kind: 'flow', name: 'Orders' });
    await client['drafts.save']({ id, baseRevision: 1, document: flowWithTask('Mine') });

    const error = await failureOf(
      client['drafts.save']({ id, baseRevision: 1, document: flowWithTask('Theirs') }),
    );

    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/revision 2.*builds on 1/);
    expect(await client['workflows.open']({ id })).toMatchObject({
      revision: 2,
      document: flowWithTask('Mine'),
    });
  });

  it('given a flow, when a map document is saved into it, then it is refused as invalid input', async () => {
    const { id } = await client['workflows.create']({ kind: 'flow', name: 'Orders' });

    const error = await failureOf(
      client['drafts.save']({ id, baseRevision: 1, document: createEmptyDocument('map') }),
    );

    expect(error.code).toBe('invalid-input');
    expect((await client['workflows.open']({ id })).revision).toBe(1);
  });
});

describe('in-process client: versions', () => {
  it('given a flow, when two versions are made, then they are numbered 1 and 2, newest first', async () => {
    const { id } = await client['workflows.create']({ kind: 'flow', name: 'Orders' });

    const one = await client['versions.create']({ id, label: ' first ' });
    const two = await client['versions.create']({ id });

    expect(one).toMatchObject({ workflowId: id, number: 1, label: 'first' });
    expect(two).toMatchObject({ workflowId: id, number: 2, label: '' });
    expect(await client['versions.list']({ id })).toEqual([two, one]);
    expect((await client['workflows.list']({}))[0]?.versionCount).toBe(2);
    expect(events.at(-1)).toEqual({
      channel: 'workflows.changed',
      payload: { id, change: 'updated' },
    });
  });

  it('given a version made from a draft, when the draft changes later, then the stored version keeps the old document', async () => {
    core.close();
    const dir = mkdtempSync(join(tmpdir(), 'baton-core-'));
    const path = join(dir, 'workspace.baton.db');
    try {
      start(path);
      const { id } = await client['workflows.create']({ kind: 'flow', name: 'Orders' });
      await client['drafts.save']({ id, baseRevision: 1, document: flowWithTask('Before') });
      await client['versions.create']({ id });
      await client['drafts.save']({ id, baseRevision: 2, document: flowWithTask('After') });
      core.close();

      const db = openWorkspace({ path });
      const rows = db.prepare('SELECT number, document FROM workflow_versions').all() as {
        number: number;
        document: string;
      }[];
      closeWorkspace(db);

      expect(rows.map((row) => [row.number, JSON.parse(row.document) as unknown])).toEqual([
        [1, flowWithTask('Before')],
      ]);
    } finally {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
