import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/main/tempDirs';
import type { Client } from '../../src-shared/contract/contract';
import { BatonError } from '../../src-shared/contract/errors';
import { createEmptyDocument, type WorkflowDocument } from '../../src-shared/model/document';
import type { EventMessage } from '../services/EventHub';
import { closeWorkspace, openWorkspace } from '../storage/openWorkspace';
import { BatonCore, createInProcessClient } from './BatonCore';

const makeTempDir = useTempDirs('baton-core-versions-');
const cores: BatonCore[] = [];
const events: EventMessage[] = [];
let clock = 1_000;

afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  events.length = 0;
});

function start(workspacePath = ':memory:'): Client {
  const core = new BatonCore({ workspacePath, mode: 'in-process', now: () => (clock += 1_000) });
  core.events.subscribe((message) => events.push(message));
  cores.push(core);
  return createInProcessClient(core);
}

async function failureOf(call: Promise<unknown>): Promise<BatonError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BatonError);
  return error as BatonError;
}

const flowWithTask = (name: string, timeoutMs?: number): WorkflowDocument => ({
  ...createEmptyDocument('flow'),
  model: {
    elements: [{ id: 'task', type: 'serviceTask', name, ...(timeoutMs ? { timeoutMs } : {}) }],
    connections: [],
  },
  diagram: { shapes: { task: { x: 40, y: 80 } } },
});

/** A flow saved as version 1 ("Charge", labelled "first") and version 2 ("Refund"), then edited. */
async function flowWithTwoVersions(client: Client) {
  const { id } = await client['workflows.create']({ kind: 'flow', name: 'Orders' });
  await client['drafts.save']({ id, baseRevision: 1, document: flowWithTask('Charge', 5_000) });
  const one = await client['versions.create']({ id, label: 'first' });
  await client['drafts.save']({ id, baseRevision: 2, document: flowWithTask('Refund') });
  const two = await client['versions.create']({ id });
  await client['drafts.save']({ id, baseRevision: 3, document: flowWithTask('Draft') });
  return { id, one, two };
}

describe('versions.get', () => {
  it('given two saved versions and a later draft, when each is read, then it comes back with the document it stored', async () => {
    const client = start();
    const { id, one, two } = await flowWithTwoVersions(client);
    events.length = 0;

    const first = await client['versions.get']({ id, version: 1 });
    const second = await client['versions.get']({ id, version: 2 });

    expect(first).toEqual({ version: one, document: flowWithTask('Charge', 5_000) });
    expect(second).toEqual({ version: two, document: flowWithTask('Refund') });
    expect(first.version).toEqual((await client['versions.list']({ id }))[1]);
  });

  it('given a saved version, when it is read, then the draft, its revision and the versions stay as they were and nothing is announced', async () => {
    const client = start();
    const { id } = await flowWithTwoVersions(client);
    const openedBefore = await client['workflows.open']({ id });
    events.length = 0;

    await client['versions.get']({ id, version: 1 });

    expect(await client['workflows.open']({ id })).toEqual(openedBefore);
    expect(await client['versions.list']({ id })).toHaveLength(2);
    expect(events).toEqual([]);
  });

  it.each([
    ['a version the flow does not have', 3, /“Orders” has no version 3/],
    ['a flow with no version yet', 1, /“Empty” has no version 1/],
  ] as const)('given %s, when it is read, then not-found names it', async (_case, number, text) => {
    const client = start();
    const { id } =
      number === 3
        ? await flowWithTwoVersions(client)
        : await client['workflows.create']({ kind: 'flow', name: 'Empty' });

    const error = await failureOf(client['versions.get']({ id, version: number }));

    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(text);
  });

  it('given a workflow that does not exist, when a version is read, then not-found names its id', async () => {
    const missing = '3f2b8c1e-9d4a-4e6b-8f1a-2c3d4e5f6a7b';

    const error = await failureOf(start()['versions.get']({ id: missing, version: 1 }));

    expect(error.code).toBe('not-found');
    expect(error.message).toContain(missing);
  });

  it('given a version stored by another program that is not a valid document, when it is read, then an internal error names the version', async () => {
    const path = join(makeTempDir(), 'workspace.baton.db');
    const { id } = await flowWithTwoVersions(start(path));
    for (const core of cores.splice(0)) core.close();
    const db = openWorkspace({ path });
    db.prepare(
      `INSERT INTO workflow_versions (workflow_id, number, label, document, created_at)
       VALUES (?, 3, '', '{"kind":"flow"}', 9000)`,
    ).run(id);
    closeWorkspace(db);

    const error = await failureOf(start(path)['versions.get']({ id, version: 3 }));

    expect(error.code).toBe('internal');
    expect(error.message).toBe(`the stored version 3 of workflow ${id} is not a valid document`);
  });
});
