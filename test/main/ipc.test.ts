import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callChannels } from '../../src-shared/contract/contract';
import type { Envelope } from '../../src-shared/contract/errors';

// Electron is the process edge: its IPC registry and windows are replaced by plain objects so the
// real transport code (sender checks, validation, dispatch to the real services) runs in Node.
const registry = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, payload: unknown) => unknown>(),
  windows: [] as { webContents: { send: (channel: string, payload: unknown) => void } }[],
  ours: new Set<unknown>(),
}));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, payload: unknown) => unknown) =>
      registry.handlers.set(channel, handler),
    removeHandler: (channel: string) => registry.handlers.delete(channel),
  },
  BrowserWindow: {
    fromWebContents: (contents: unknown) => (registry.ours.has(contents) ? {} : null),
    getAllWindows: () => registry.windows,
  },
}));

const { registerIpc } = await import('../../src-main/electron/ipc');
const { BatonCore } = await import('../../src-main/host/BatonCore');

const rendererFile = '/opt/baton/out/renderer/index.html';
const rendererUrl = 'file:///opt/baton/out/renderer/index.html';

function senderEvent({ url = rendererUrl, subframe = false, foreign = false } = {}) {
  const mainFrame = { url };
  const sender = { mainFrame };
  if (!foreign) registry.ours.add(sender);
  return { sender, senderFrame: subframe ? { url } : mainFrame };
}

async function call(channel: string, payload: unknown, event = senderEvent()) {
  const handler = registry.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (await handler(event, payload)) as Envelope<unknown>;
}

describe('the Electron IPC transport', () => {
  let core: InstanceType<typeof BatonCore>;
  let unregister: () => void;
  beforeEach(() => {
    core = new BatonCore({ workspacePath: ':memory:', mode: 'desktop', log: () => undefined });
    unregister = registerIpc(core, rendererFile);
  });
  afterEach(() => {
    unregister();
    core.close();
    registry.ours.clear();
    registry.windows.length = 0;
  });

  it('registers one handler per channel of the contract', () => {
    expect([...registry.handlers.keys()].sort()).toEqual([...callChannels].sort());
  });

  it('runs a valid call from our renderer', async () => {
    const created = await call('workflows.create', { kind: 'flow', name: 'Order saga' });
    expect(created).toMatchObject({ ok: true, value: { kind: 'flow', name: 'Order saga' } });
  });

  it.each([
    ['a subframe', { subframe: true }],
    ['another page', { url: 'https://example.com/' }],
    ['a webContents that is not our window', { foreign: true }],
  ])('refuses calls from %s', async (_what, options) => {
    const result = await call('workflows.list', {}, senderEvent(options));
    expect(result).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'untrusted sender' },
    });
    expect(await core.handlers['workflows.list']({})).toEqual([]);
  });

  it.each(callChannels)(
    'answers a malformed payload on %s with a validation error',
    async (channel) => {
      for (const payload of [{ bogus: 1 }, 'text', 42, [1, 2]]) {
        const result = await call(channel, payload);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('invalid-input');
      }
    },
  );

  it('forwards events of the core to every window', async () => {
    const sent: [string, unknown][] = [];
    registry.windows.push({
      webContents: { send: (channel, payload) => sent.push([channel, payload]) },
    });
    const created = await call('workflows.create', { kind: 'map', name: 'Shipments' });
    expect(created.ok).toBe(true);
    expect(sent).toEqual([
      [
        'workflows.changed',
        { id: created.ok && (created.value as { id: string }).id, change: 'created' },
      ],
    ]);
  });
});
