import { act, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Profiler, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDocument } from '../../src-shared/format/loadDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { createBreakpointStore } from '../../src-renderer/debugger/breakpointStore';
import { DebugContext, type DebugContextValue } from '../../src-renderer/debugger/DebugContext';
import type { Frames } from '../../src-renderer/debugger/frames';
import { RunElementMarks } from '../../src-renderer/debugger/RunElementMarks';
import { createRunSession, type RunSessionStore } from '../../src-renderer/debugger/runSession';
import { createInProcessPlatform } from '../helpers/inProcessPlatform';
import { EXAMPLES_DIR } from '../shared/exampleFiles';

const sagaText = readFileSync(join(EXAMPLES_DIR, 'order-saga.json'), 'utf8');
const sagaDocument = (): WorkflowDocument => {
  const loaded = loadDocument(sagaText);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.document;
};

/** Frames run when the test says (the browser's clock is the process edge here). */
function manualFrames(): Frames & { flush(): void } {
  const waiting = new Map<number, (now: number) => void>();
  let next = 1;
  return {
    request: (callback) => (waiting.set(next, callback), next++),
    cancel: (handle) => void waiting.delete(handle),
    now: () => 0,
    flush: () => {
      const due = [...waiting.values()];
      waiting.clear();
      due.forEach((callback) => callback(0));
    },
  };
}

/** Counts the commits in which an element's marks rendered. */
function counted(id: string, renders: Map<string, number>, children: ReactNode) {
  return (
    <Profiler id={id} onRender={() => renders.set(id, (renders.get(id) ?? 0) + 1)}>
      {children}
    </Profiler>
  );
}

const marksOf = (ids: readonly string[], renders: Map<string, number>) =>
  ids.map((id) => (
    <div key={id}>
      {counted(id, renders, <RunElementMarks elementId={id} name={id} decidable={false} />)}
    </div>
  ));

describe('the run overlay on elements', () => {
  let platform: ReturnType<typeof createInProcessPlatform>;
  let session: RunSessionStore | null = null;
  beforeEach(() => {
    platform = createInProcessPlatform();
  });
  afterEach(() => {
    session?.getState().dispose();
    platform.core.close();
  });

  it('draws nothing and re-renders nothing while the document is edited, but a breakpoint set elsewhere', () => {
    const breakpoints = createBreakpointStore('flow-1');
    const value: DebugContextValue = {
      session: null,
      breakpoints,
      connectionEnds: new Map(),
      connectionNames: new Map(),
      eventNodes: new Map(),
    };
    const renders = new Map<string, number>();
    const { container } = render(
      <DebugContext.Provider value={value}>
        {marksOf(['createOrder', 'chargePayment'], renders)}
      </DebugContext.Provider>,
    );
    expect(container.querySelectorAll('button, [role="img"]')).toHaveLength(0);
    const before = new Map(renders);

    act(() => breakpoints.getState().toggle('element', 'chargePayment'));
    expect(screen.getByRole('button', { name: 'Remove breakpoint on chargePayment' })).toBeTruthy();
    expect(renders.get('createOrder')).toBe(before.get('createOrder'));
    expect(renders.get('chargePayment')).toBe((before.get('chargePayment') ?? 0) + 1);
  });

  it('re-renders an element only when what it shows changes as the cursor moves', async () => {
    const { client } = platform;
    const saga = await client['workflows.import']({ text: sagaText });
    const run = await client['runs.start']({
      id: saga.id,
      scenario: { input: { orderId: 'o-1' }, mocks: { 'Payment.charge': { outcomes: ['fail'] } } },
    });
    await vi.waitFor(async () => {
      const [listed] = await client['runs.list']({ query: run.runId });
      expect(listed?.status).toBe('compensated');
    });
    const frames = manualFrames();
    session = createRunSession({
      client,
      subscribe: platform.subscribe,
      runId: run.runId,
      document: sagaDocument(),
      frames,
    });
    session.getState().start();
    await vi.waitFor(() => {
      frames.flush();
      expect(session!.getState().view).not.toBeNull();
    });
    const value: DebugContextValue = {
      session,
      breakpoints: createBreakpointStore(saga.id),
      connectionEnds: new Map(),
      connectionNames: new Map(),
      eventNodes: new Map(),
    };
    const renders = new Map<string, number>();
    render(
      <DebugContext.Provider value={value}>
        {marksOf(['createOrder', 'orderCompleted'], renders)}
      </DebugContext.Provider>,
    );
    expect(screen.getByRole('img', { name: 'createOrder: compensated' })).toBeTruthy();

    // Scrub over the whole run, one frame per entry.
    const { history } = session.getState();
    const states = new Set<string | undefined>();
    const before = new Map(renders);
    for (let seq = 1; seq <= history!.lastSeq; seq += 1) {
      act(() => {
        session!.getState().seek(seq);
        frames.flush();
      });
      states.add(session.getState().view?.elements.createOrder);
    }
    // The end event is never reached: its marks never render again. The first task renders once
    // per change of its state (and the breakpoint gutter's first showing), not once per entry.
    expect(renders.get('orderCompleted')).toBe(before.get('orderCompleted'));
    const createOrderRenders = renders.get('createOrder')! - before.get('createOrder')!;
    expect(createOrderRenders).toBeLessThanOrEqual(states.size + 2);
    expect(history!.lastSeq).toBeGreaterThan(createOrderRenders * 2);
  });
});
