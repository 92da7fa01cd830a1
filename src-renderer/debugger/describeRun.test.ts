import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src-shared/runtime/runReport';
import { describeRun } from './describeRun';

const names: Record<string, string> = {
  chargePayment: 'Charge payment',
  managerApproval: 'Manager approval',
};
const nameOf = (id: string) => names[id] ?? id;
const summary = (change: Partial<RunSummary>): RunSummary => ({
  runId: 'run-0123456789ab',
  name: 'Order saga',
  kind: 'flow',
  status: 'running',
  seed: 1,
  correlationId: 'c-1',
  workflowId: 'flow-1',
  version: null,
  createdAt: 0,
  atMs: 0,
  endedAtMs: null,
  seq: 10,
  mode: 'debug',
  active: [],
  activeNames: [],
  retries: 0,
  parentRunId: null,
  forkedAtSeq: null,
  ...change,
});

describe('describeRun', () => {
  it.each([
    [
      summary({
        status: 'paused',
        stop: {
          reason: 'breakpoint',
          seq: 9,
          elementId: 'chargePayment',
          breakpoint: { index: 0, breakpoint: { kind: 'element', target: 'chargePayment' } },
        },
      }),
      'Paused at breakpoint on Charge payment',
    ],
    [
      summary({
        status: 'paused',
        stop: {
          reason: 'breakpoint',
          seq: 9,
          eventType: 'PaymentFailed',
          breakpoint: { index: 1, breakpoint: { kind: 'event', target: 'PaymentFailed' } },
        },
      }),
      'Paused at breakpoint on event PaymentFailed',
    ],
    [
      summary({ status: 'paused', stop: { reason: 'start', seq: 1 } }),
      'Paused before the first step',
    ],
    [
      summary({ status: 'paused', stop: { reason: 'step', seq: 4, elementId: 'chargePayment' } }),
      'Paused after a step, at Charge payment',
    ],
    [summary({ status: 'waiting', active: ['managerApproval'] }), 'Waiting for Manager approval'],
    [summary({ status: 'compensated' }), 'Compensated'],
    [summary({ status: 'cancelled' }), 'Stopped'],
  ])('says where the run is (%#)', (given, said) => {
    expect(describeRun(given, nameOf)).toBe(said);
  });
});
