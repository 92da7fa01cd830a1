import { describe, expect, it } from 'vitest';
import { generateCountingLoop } from '../../bench/generateCountingLoop';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { Scenario } from '../../src-shared/runtime/scenario';
import { stepKey } from '../../src-main/runtime/flowEffects';
import { runDocument } from './runtimeHarness';

/** A flow that calls Counter.increment until the count reaches `turns`, as a person draws a loop. */
function countingLoop(turns: number, options: { honoursIdempotency: boolean; retries?: number }) {
  const { document, scenario } = generateCountingLoop(turns);
  const withOptions: WorkflowDocument = {
    ...document,
    model: {
      ...document.model,
      elements: document.model.elements.map((element) =>
        element.id === 'count' && options.retries
          ? {
              ...element,
              retry: {
                maxAttempts: options.retries,
                backoff: 'fixed',
                initialDelayMs: 100,
                maxDelayMs: 100,
              },
            }
          : element,
      ),
    },
    catalog: {
      services: document.catalog!.services.map((service) => ({
        ...service,
        operations: service.operations.map((operation) => ({
          ...operation,
          mock: { ...operation.mock, honoursIdempotency: options.honoursIdempotency },
        })),
      })),
    },
  };
  return { document: withOptions, scenario };
}

const effectKeys = (ran: Awaited<ReturnType<typeof runDocument>>) =>
  ran.store
    .journal(ran.row.id)
    .filter((entry) => entry.kind === 'effect')
    .map((entry) => String(entry.data.effectKey));

describe('a loop that comes back to a service task', () => {
  it('given a service that honours idempotency keys, then each turn is done again and the loop ends', async () => {
    const { document, scenario } = countingLoop(5, { honoursIdempotency: true });
    const ran = await runDocument(document, scenario);
    expect(ran.report.status).toBe('completed');
    const turns = ran.report.steps.filter((step) => step.elementId === 'count');
    expect(turns.map((step) => step.attempt)).toEqual([1, 1, 1, 1, 1]);
    const keys = effectKeys(ran);
    expect(keys).toHaveLength(5);
    expect(new Set(keys).size).toBe(5);
    expect(keys[0]).toBe(`${ran.report.correlationId}:flow:count`);
    expect(keys[2]).toBe(`${ran.report.correlationId}:flow:count#3`);
  });

  it('given a service that does not, then the verdict takes the turns for steps, not duplicates', async () => {
    const { document, scenario } = countingLoop(5, { honoursIdempotency: false });
    const ran = await runDocument(document, scenario);
    expect(ran.report.status).toBe('completed');
    expect(ran.report.consistency.violations).toEqual([]);
    expect(ran.report.consistency.ok).toBe(true);
  });

  it('given a call that fails at its first attempt, then every turn fails once and retries (each visit has its own attempts)', async () => {
    const loop = countingLoop(3, { honoursIdempotency: true, retries: 2 });
    const mock = loop.scenario.mocks!['Counter.increment']!;
    const scenario: Scenario = {
      ...loop.scenario,
      mocks: { 'Counter.increment': { ...mock, outcomes: ['fail', 'ok'] } },
    };
    const ran = await runDocument(loop.document, scenario);
    expect(ran.report.status).toBe('completed');
    const turns = ran.report.steps.filter((step) => step.elementId === 'count');
    expect(turns.map((step) => `${step.attempt}:${step.outcome}`)).toEqual([
      '1:failed',
      '2:ok',
      '1:failed',
      '2:ok',
      '1:failed',
      '2:ok',
    ]);
  });
});

describe('a step’s effect key', () => {
  it('is the one runs always had on a first visit, and on machines pinned before visits', () => {
    expect(stepKey('c-1', 'flow', 'pay', { visits: { pay: 1 } })).toBe('c-1:flow:pay');
    expect(stepKey('c-1', 'flow', 'pay', {})).toBe('c-1:flow:pay');
    expect(stepKey('c-1', 'flow', 'pay', { visits: { pay: 2 } })).toBe('c-1:flow:pay#2');
  });
});
