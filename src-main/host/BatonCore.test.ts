import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallChannel, CallInput } from '../../src-shared/contract/contract';
import { callChannels } from '../../src-shared/contract/contract';
import { BatonError, type Envelope, type ErrorInfo } from '../../src-shared/contract/errors';
import { createEmptyDocument } from '../../src-shared/model/document';
import { BatonCore } from './BatonCore';

const someId = '3f2b8c1e-9d4a-4e6b-8f1a-2c3d4e5f6a7b';

/** One valid payload per channel; the type makes a new channel without a sample fail to compile. */
const validPayloads: { [C in CallChannel]: CallInput<C> } = {
  'app.info': {},
  'workflows.list': { query: 'order' },
  'workflows.create': { kind: 'flow', name: 'Orders' },
  'workflows.rename': { id: someId, name: 'Orders' },
  'workflows.duplicate': { id: someId, name: 'Copy' },
  'workflows.delete': { id: someId },
  'workflows.open': { id: someId },
  'workflows.import': { text: JSON.stringify(createEmptyDocument('map')), name: 'Shop' },
  'workflows.export': { id: someId },
  'workflows.exportFor': { id: someId, format: 'asl' },
  'patterns.derive': { id: someId },
  'patterns.counterpart': { id: someId },
  'patterns.compare': { a: someId, b: someId, seed: 3, runs: 5 },
  'patterns.cancelCompare': { ticket: '0b8e3c52-8f0c-4d4e-9a55-3f1f0f8b7a11' },
  'drafts.save': { id: someId, baseRevision: 1, document: createEmptyDocument('flow') },
  'versions.create': { id: someId, label: 'v1' },
  'versions.list': { id: someId },
  'versions.get': { id: someId, version: 1 },
  'machines.get': { id: someId, version: 1 },
  'machines.compile': { id: someId, version: 2 },
  'catalog.get': {},
  'catalog.save': { catalog: { services: [] } },
  'runs.start': { id: someId, scenario: { seed: 3 }, seed: 4 },
  'runs.list': { limit: 10 },
  'runs.get': { runId: 'run-0123456789ab' },
  'runs.pause': { runId: 'run-0123456789ab' },
  'runs.resume': { runId: 'run-0123456789ab' },
  'runs.cancel': { runId: 'run-0123456789ab' },
  'runs.decide': { runId: 'run-0123456789ab', elementId: 'approve', decision: 'approve' },
  'runs.publish': { runId: 'run-0123456789ab', eventType: 'OrderPlaced', payload: {} },
  'runs.journal': { runId: 'run-0123456789ab', after: 0, limit: 10 },
  'runs.stateAt': { runId: 'run-0123456789ab', seq: 3 },
  'runs.replay': { runId: 'run-0123456789ab' },
  'runs.breakpoints': {
    runId: 'run-0123456789ab',
    breakpoints: [{ kind: 'element', target: 'chargePayment', condition: 'data.amount > 100' }],
  },
  'runs.step': { runId: 'run-0123456789ab', until: { toElement: 'chargePayment' } },
  'runs.nextOutcome': {
    runId: 'run-0123456789ab',
    next: { key: 'Payment.charge', outcome: 'fail' },
  },
  'runs.fork': { runId: 'run-0123456789ab', seq: 12, data: { amount: 5 }, mode: 'debug' },
  'runs.rerun': { runId: 'run-0123456789ab', mode: 'run' },
  'scenarios.list': { workflowId: someId },
  'scenarios.save': { workflowId: someId, name: 'payment fails', scenario: { seed: 2 } },
  'scenarios.delete': { workflowId: someId, name: 'payment fails' },
};

/** The fields each channel cannot do without. */
const requiredFields: { [C in CallChannel]: readonly string[] } = {
  'app.info': [],
  'workflows.list': [],
  'workflows.create': ['kind', 'name'],
  'workflows.rename': ['id', 'name'],
  'workflows.duplicate': ['id'],
  'workflows.delete': ['id'],
  'workflows.open': ['id'],
  'workflows.import': ['text'],
  'workflows.export': ['id'],
  'workflows.exportFor': ['id', 'format'],
  'patterns.derive': ['id'],
  'patterns.counterpart': ['id'],
  'patterns.compare': ['a', 'b'],
  'patterns.cancelCompare': ['ticket'],
  'drafts.save': ['id', 'baseRevision', 'document'],
  'versions.create': ['id'],
  'versions.list': ['id'],
  'versions.get': ['id', 'version'],
  'machines.get': ['id'],
  'machines.compile': ['id'],
  'catalog.get': [],
  'catalog.save': ['catalog'],
  'runs.start': ['id'],
  'runs.list': [],
  'runs.get': ['runId'],
  'runs.pause': ['runId'],
  'runs.resume': ['runId'],
  'runs.cancel': ['runId'],
  'runs.decide': ['runId', 'elementId', 'decision'],
  'runs.publish': ['runId', 'eventType'],
  'runs.journal': ['runId'],
  'runs.stateAt': ['runId', 'seq'],
  'runs.replay': ['runId'],
  'runs.breakpoints': ['runId', 'breakpoints'],
  'runs.step': ['runId', 'until'],
  'runs.nextOutcome': ['runId', 'next'],
  'runs.fork': ['runId'],
  'runs.rerun': ['runId'],
  'scenarios.list': ['workflowId'],
  'scenarios.save': ['workflowId', 'name', 'scenario'],
  'scenarios.delete': ['workflowId', 'name'],
};

/** A value of another type than `value`, to put in its place. */
const wrongTypeFor = (value: unknown): unknown => (typeof value === 'string' ? 42 : 'not-this');

const logged: { message: string; error: unknown }[] = [];
const cores: BatonCore[] = [];

function openCore(): BatonCore {
  const core = new BatonCore({
    workspacePath: ':memory:',
    mode: 'in-process',
    log: (message, error) => logged.push({ message, error }),
  });
  cores.push(core);
  return core;
}

afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  logged.length = 0;
});

/** The error of an envelope that must have failed. */
function errorOf(envelope: Envelope<unknown>): ErrorInfo {
  expect(envelope.ok, JSON.stringify(envelope)).toBe(false);
  return envelope.ok ? { code: 'internal', message: 'succeeded' } : envelope.error;
}

describe('BatonCore.invoke: channels', () => {
  it.each(['workflows.explode', '', '__proto__', 'toString', 'hasOwnProperty', 'constructor'])(
    'given the unknown channel "%s", when invoked, then an unknown-channel envelope comes back',
    async (channel) => {
      const core = openCore();

      const error = errorOf(await core.invoke(channel, {}));

      expect(error.code).toBe('unknown-channel');
      expect(error.message).toContain(`"${channel}"`);
    },
  );

  it('given the app.info channel, when invoked, then it names the mode, the workspace and the package version', async () => {
    const core = openCore();
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as {
      version: string;
    };

    const envelope = await core.invoke('app.info', {});

    expect(envelope).toEqual({
      ok: true,
      value: { version: pkg.version, mode: 'in-process', workspacePath: ':memory:' },
    });
  });
});

describe.each(callChannels)('BatonCore.invoke: malformed payloads on %s', (channel) => {
  const valid = validPayloads[channel] as Record<string, unknown>;

  it('given a valid payload, then it is not refused as invalid input', async () => {
    const envelope = await openCore().invoke(channel, valid);

    expect(envelope.ok || envelope.error.code).not.toBe('invalid-input');
  });

  it('given an extra key "bogus", then an invalid-input envelope names it', async () => {
    const error = errorOf(await openCore().invoke(channel, { ...valid, bogus: 1 }));

    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('bogus');
    expect(error.issues).toContainEqual({ path: '(root)', message: 'Unrecognized key: "bogus"' });
  });

  it('given only { bogus: 1 }, then an invalid-input envelope comes back', async () => {
    const error = errorOf(await openCore().invoke(channel, { bogus: 1 }));

    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(
      new RegExp(`^invalid arguments for ${channel.replace('.', '\\.')}: `),
    );
  });

  it.each(['text', 42, true, [], [valid]])(
    'given the payload %j, then an invalid-input envelope comes back',
    async (payload) => {
      const error = errorOf(await openCore().invoke(channel, payload));

      expect(error.code).toBe('invalid-input');
      expect(error.issues?.[0]?.path).toBe('(root)');
    },
  );

  const fields = Object.keys(valid);

  // `each` of an empty list is an error in Vitest, hence the guard (app.info takes no fields).
  if (fields.length > 0)
    it.each(fields)(
      'given a wrong type for %s, then the envelope names that field',
      async (field) => {
        const error = errorOf(
          await openCore().invoke(channel, { ...valid, [field]: wrongTypeFor(valid[field]) }),
        );

        expect(error.code).toBe('invalid-input');
        expect(error.issues?.map((issue) => issue.path)).toContain(field);
        expect(error.message).toContain(`${field}: `);
      },
    );

  const required = requiredFields[channel];

  it('given null, undefined or {}, then every missing required field is named, or none is needed', async () => {
    const core = openCore();

    for (const payload of [null, undefined, {}]) {
      const envelope = await core.invoke(channel, payload);
      if (required.length === 0) {
        expect(envelope.ok).toBe(true);
      } else {
        const error = errorOf(envelope);
        expect(error.code).toBe('invalid-input');
        expect(error.issues?.map((issue) => issue.path).sort()).toEqual([...required].sort());
      }
    }
  });
});

describe('BatonCore.invoke: failing handlers', () => {
  it('given a handler that throws a non-BatonError, when invoked, then an internal envelope comes back and the error is logged', async () => {
    const core = openCore();
    core.close(); // the repository now throws better-sqlite3's TypeError, not a BatonError

    const error = errorOf(await core.invoke('workflows.list', {}));

    expect(error).toEqual({ code: 'internal', message: 'workflows.list failed unexpectedly' });
    expect(logged).toHaveLength(1);
    expect(logged[0]?.message).toContain('workflows.list');
    expect(logged[0]?.error).toBeInstanceOf(Error);
    expect(logged[0]?.error).not.toBeInstanceOf(BatonError);
  });

  it('given a handler that throws a BatonError, when invoked, then its code comes back and nothing is logged', async () => {
    const core = openCore();

    const error = errorOf(await core.invoke('workflows.open', { id: someId }));

    expect(error.code).toBe('not-found');
    expect(error.message).toContain(someId);
    expect(logged).toEqual([]);
  });

  it('given a closed core, when closed again, then nothing throws', () => {
    const core = openCore();
    core.close();

    expect(() => core.close()).not.toThrow();
  });
});
