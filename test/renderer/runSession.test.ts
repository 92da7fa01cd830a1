import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDocument } from '../../src-shared/format/loadDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { createRunSession, type RunSessionStore } from '../../src-renderer/debugger/runSession';
import type { Frames } from '../../src-renderer/debugger/frames';
import { createInProcessPlatform } from '../helpers/inProcessPlatform';
import { EXAMPLES_DIR } from '../shared/exampleFiles';

const exampleText = (name: string) => readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8');
const exampleDocument = (name: string): WorkflowDocument => {
  const loaded = loadDocument(exampleText(name));
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.document;
};

/** Animation frames the test hands out itself (the browser's are the process edge here). */
function manualFrames(): Frames & { flush(): number } {
  let next = 1;
  let now = 0;
  const waiting = new Map<number, (now: number) => void>();
  return {
    request: (callback) => {
      waiting.set(next, callback);
      return next++;
    },
    cancel: (handle) => void waiting.delete(handle),
    now: () => now,
    flush: () => {
      now += 16;
      const due = [...waiting.values()];
      waiting.clear();
      due.forEach((callback) => callback(now));
      return due.length;
    },
  };
}

describe('the debugger run session (real services on in-memory SQLite)', () => {
  let platform: ReturnType<typeof createInProcessPlatform>;
  let frames: ReturnType<typeof manualFrames>;
  const sessions: RunSessionStore[] = [];
  beforeEach(() => {
    platform = createInProcessPlatform();
    frames = manualFrames();
  });
  afterEach(() => {
    sessions.splice(0).forEach((session) => session.getState().dispose());
    platform.core.close();
  });

  const open = (runId: string, document: WorkflowDocument) => {
    const session = createRunSession({
      client: platform.client,
      subscribe: platform.subscribe,
      runId,
      document,
      frames,
    });
    sessions.push(session);
    session.getState().start();
    return session;
  };
  /** Hands out frames until the session shows `seq`. */
  const shown = async (session: RunSessionStore, seq: () => number) =>
    vi.waitFor(() => {
      frames.flush();
      expect(session.getState().view?.seq).toBe(seq());
    });

  it('given a finished saga with payment failing, when opened, then it shows the end, keeps the report, and seeks in one view per frame', async () => {
    const { client } = platform;
    const saga = await client['workflows.import']({ text: exampleText('order-saga') });
    const run = await client['runs.start']({
      id: saga.id,
      scenario: { input: { orderId: 'o-1' }, mocks: { 'Payment.charge': { outcomes: ['fail'] } } },
    });
    await vi.waitFor(async () => {
      const [listed] = await client['runs.list']({ query: run.runId });
      expect(listed?.status).toBe('compensated');
    });

    const session = open(run.runId, exampleDocument('order-saga'));
    await vi.waitFor(() => expect(session.getState().report?.status).toBe('compensated'));
    const { history } = session.getState();
    await shown(session, () => history!.lastSeq);
    expect(session.getState().cursor).toBe('live');
    expect(session.getState().view?.elements).toMatchObject({
      createOrder: 'compensated',
      reserveInventory: 'compensated',
      chargePayment: 'failed',
    });
    expect(session.getState().report?.compensated).toEqual(['reserveInventory', 'createOrder']);

    // Scrubbing: many seeks in one frame compute one view, at the last place asked.
    const at = vi.spyOn(history!, 'at');
    const failure = history!.firstFailureSeq()!;
    for (let seq = history!.lastSeq; seq >= failure; seq -= 1) session.getState().seek(seq);
    expect(at).not.toHaveBeenCalled();
    frames.flush();
    expect(at).toHaveBeenCalledTimes(1);
    expect(session.getState().seq).toBe(failure);
    // At the first failure nothing is compensated yet.
    expect(session.getState().view?.elements).toMatchObject({
      createOrder: 'completed',
      reserveInventory: 'completed',
    });

    // The instance data at the cursor comes once the cursor rests.
    await vi.waitFor(() => expect(session.getState().instance?.seq).toBe(failure));
    expect(session.getState().instance?.data).toMatchObject({ orderId: 'o-1' });

    // ← / → move one entry, and clamp at the ends.
    session.getState().stepCursor(-1);
    frames.flush();
    expect(session.getState().seq).toBe(failure - 1);
    session.getState().seek(10_000_000);
    frames.flush();
    expect(session.getState().seq).toBe(history!.lastSeq);
  });

  it('given a debug run, when it is continued to the payment breakpoint and payment is made to fail, then the session follows it to compensated', async () => {
    const { client } = platform;
    const saga = await client['workflows.import']({ text: exampleText('order-saga') });
    const run = await client['runs.start']({
      id: saga.id,
      scenario: { input: { orderId: 'o-7' } },
      mode: 'debug',
      breakpoints: [{ kind: 'element', target: 'chargePayment' }],
    });
    const session = open(run.runId, exampleDocument('order-saga'));
    await vi.waitFor(() => expect(session.getState().summary?.stop?.reason).toBe('start'));

    expect(await session.getState().resume()).toBe(true);
    await vi.waitFor(() => expect(session.getState().summary?.stop?.reason).toBe('breakpoint'));
    expect(session.getState().summary?.stop?.elementId).toBe('chargePayment');
    await shown(session, () => session.getState().summary!.seq);
    expect(session.getState().view?.elements.chargePayment).toBe('active');

    // "What if payment fails now?", at every stop on the payment task.
    for (let stops = 0; stops < 5 && session.getState().summary?.status === 'paused'; stops += 1) {
      expect(await session.getState().nextOutcome({ key: 'chargePayment', outcome: 'fail' })).toBe(
        true,
      );
      expect(await session.getState().resume()).toBe(true);
      await vi.waitFor(() =>
        expect(['paused', 'compensated']).toContain(session.getState().summary?.status),
      );
    }
    await vi.waitFor(() => expect(session.getState().report?.status).toBe('compensated'));
    await shown(session, () => session.getState().summary!.seq);
    expect(session.getState().view?.elements).toMatchObject({
      reserveInventory: 'compensated',
      createOrder: 'compensated',
    });

    // A refused control is said, not thrown.
    expect(await session.getState().step('event')).toBe(false);
    expect(session.getState().error).toMatch(/paused|ended|not/i);
  });

  it('forks a run at the cursor with edited data into a new branch, leaving the original as it was', async () => {
    const { client } = platform;
    const saga = await client['workflows.import']({ text: exampleText('order-saga') });
    const run = await client['runs.start']({
      id: saga.id,
      scenario: { input: { orderId: 'o-1' } },
    });
    await vi.waitFor(async () => {
      const [listed] = await client['runs.list']({ query: run.runId });
      expect(listed?.status).toBe('completed');
    });
    const session = open(run.runId, exampleDocument('order-saga'));
    await vi.waitFor(() => expect(session.getState().history).not.toBeNull());
    session.getState().seek(6);
    frames.flush();
    const forked = await session.getState().fork({ orderId: 'o-2', amount: 5 });
    // The branch starts at the end of the step that wrote entry 6.
    expect(forked?.parentRunId).toBe(run.runId);
    expect(forked?.forkedAtSeq).toBeGreaterThanOrEqual(6);
    const [original] = await client['runs.list']({ query: run.runId });
    expect(original?.status).toBe('completed');
  });

  it('folds a run of a saved version against that version, not the draft as edited since', async () => {
    const { client } = platform;
    const saga = await client['workflows.import']({ text: exampleText('order-saga') });
    await client['versions.create']({ id: saga.id });
    const run = await client['runs.start']({
      id: saga.id,
      version: 1,
      scenario: { input: { orderId: 'o-1' } },
    });
    const draft = exampleDocument('order-saga');
    const edited: WorkflowDocument = {
      ...draft,
      model: {
        ...draft.model,
        elements: draft.model.elements.map((element) =>
          element.id === 'createOrder' ? { ...element, name: 'Open an order' } : element,
        ),
      },
    };
    const session = open(run.runId, edited);
    await vi.waitFor(() => expect(session.getState().history).not.toBeNull());
    expect(session.getState().history!.nameOf('createOrder')).toBe('Create order');
  });
});
