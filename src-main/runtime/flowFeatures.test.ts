import { describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { compilerCases } from '../../test/fixtures/compiler/cases';
import { openRuntime, stepLines, type Ran } from '../../test/main/runtimeHarness';
import type { Scenario } from '../../src-shared/runtime/scenario';

const fixture = (name: string) => compilerCases[name] as WorkflowDocument;

/** Runs a compiler fixture; `flows` are what its call activities may start, by flowId. */
async function run(
  document: WorkflowDocument,
  scenario: Scenario,
  flows: Record<string, WorkflowDocument> = {},
): Promise<Ran> {
  const { runtime, store } = openRuntime();
  const row = runtime.start({
    document,
    catalog: { services: [] },
    resolve: ({ flowId }) => flows[flowId],
    scenario,
  });
  await runtime.runUntilIdle();
  return { runtime, store, row, report: runtime.report(row.uid) };
}

describe('flow features at run time', () => {
  it('waits on a timer for its duration in virtual time', async () => {
    const ran = await run(fixture('timer.wait'), {});
    expect(ran.report.status).toBe('completed');
    expect(ran.report.steps).toEqual([
      expect.objectContaining({
        elementId: 'cool',
        outcome: 'fired',
        startedAtMs: 0,
        endedAtMs: 30_000,
      }),
    ]);
  });

  it('takes an error boundary path instead of compensating when its task fails', async () => {
    const ran = await run(fixture('boundary.errorCatch'), { mocks: { a: { outcomes: ['fail'] } } });
    expect(ran.report.status).toBe('completed');
    expect(stepLines(ran)).toEqual(['a failed', 'fallback ok']);
  });

  it("catches a failure inside a sub-process with the sub-process's boundary", async () => {
    const ran = await run(fixture('subProcess.embedded'), {
      mocks: { inner: { outcomes: ['fail'] } },
    });
    expect(ran.report.status).toBe('completed');
    expect(stepLines(ran)).toEqual(['inner failed', 'recover ok']);
  });

  it('after a pivot, a failure ends the run failed without undoing what came before it', async () => {
    const ran = await run(fixture('pivot.forwardOnly'), { mocks: { n: { outcomes: ['fail'] } } });
    expect(ran.report.status).toBe('failed');
    expect(stepLines(ran)).toEqual(['a ok', 'p ok', 'n failed', 'n failed']);
    expect(ran.report.compensated).toEqual([]);
    // Shop.a can be undone and was not: the verdict says the failed transaction left it standing.
    expect(
      ran.report.consistency.violations.map(
        (violation) => `${violation.code} ${violation.operation}`,
      ),
    ).toEqual(['not-undone a']);
  });

  it('runs a called flow as a child of the run and merges its data when it completes', async () => {
    const callee = fixture('sequence.basic');
    const ran = await run(
      fixture('callActivity.basic'),
      { input: { orderId: 'o-1' } },
      { 'refund-flow': callee },
    );
    expect(ran.report.status).toBe('completed');
    const call = ran.report.steps.find((step) => step.elementId === 'call');
    expect(call).toMatchObject({ outcome: 'completed', actor: 'flow' });
    expect(ran.report.steps.filter((step) => step.actor === 'sub:1').length).toBeGreaterThan(0);
  });

  it('fails the call activity, naming the flow, when the called flow is nowhere to be found', async () => {
    const ran = await run(fixture('callActivity.basic'), {});
    expect(ran.report.status).toBe('failed');
    expect(
      ran.store.journalOfKind(ran.row.id, 'result').map((entry) => entry.data.error),
    ).toContain(
      'the flow refund-flow@2 is not in this workspace (or next to the file), so it cannot start',
    );
  });

  it('publishes an event and waits for the answer a scenario sends, matched by correlation id', async () => {
    const ran = await run(fixture('message.throwCatch'), {
      input: { orderId: 'o-1' },
      correlationId: 'o-1',
      events: [{ type: 'PaymentSettled', atMs: 2_000, payload: { paid: true } }],
    });
    expect(ran.report.status).toBe('completed');
    expect(ran.report.events.map((event) => [event.type, event.correlationId, event.by])).toEqual([
      ['OrderPlaced', 'o-1', 'announce'],
      ['PaymentSettled', 'o-1', 'outside'],
    ]);
    expect(stepLines(ran)).toEqual(['announce published', 'wait received']);
  });

  it('reports a call that hangs with no timeout: the run waits for ever and the verdict says why, where a timeout fails it', async () => {
    const ran = await run(fixture('sequence.basic'), {
      mocks: { 'Shop.a': { outcomes: ['hang'] } },
    });
    // With a timeout on the task, a hanging service is a timeout and the flow fails.
    expect(ran.report.status).toBe('failed');
    expect(stepLines(ran)).toEqual(['a timeout']);
    const noTimeout = fixture('sequence.basic');
    const withoutTimeouts: WorkflowDocument = {
      ...noTimeout,
      model: {
        ...noTimeout.model,
        elements: noTimeout.model.elements.map((element) => {
          if (element.type !== 'serviceTask') return element;
          const { timeoutMs: _timeout, ...rest } = element;
          return rest;
        }),
      },
    };
    const stuck = await run(withoutTimeouts, { mocks: { 'Shop.a': { outcomes: ['hang'] } } });
    expect(stuck.report.status).toBe('waiting');
    expect(stuck.report.consistency.violations.map((violation) => violation.code)).toEqual([
      'hung',
    ]);
  });
});
