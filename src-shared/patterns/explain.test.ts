import { describe, expect, it } from 'vitest';
import type {
  ComparedDocument,
  ComparisonReport,
  DocumentFigures,
  FaultKind,
} from './compareTypes';
import { explainComparison, styleLabel } from './explain';

const figures = (over: Partial<DocumentFigures> = {}): DocumentFigures => ({
  runs: 20,
  statuses: { completed: 20 },
  latency: { runs: 20, p50Ms: 500, p95Ms: 900, maxMs: 1000 },
  messages: { total: 200, perRun: 10 },
  callAttempts: { total: 100, perRun: 5 },
  compensations: { total: 0, perRun: 0 },
  recovery: { runs: 0, detectMs: null, compensateMs: null },
  consistent: 20,
  ...over,
});

const flow: ComparedDocument = {
  name: 'Order saga',
  file: 'order-saga.json',
  kind: 'flow',
  services: ['Orders', 'Payment'],
  coupling: {
    style: 'api',
    dependencies: ['Orders.create', 'Payment.charge'],
    knows: ['coordinator -> Orders', 'coordinator -> Payment'],
    dependencyCount: 2,
    knowsCount: 2,
  },
  state: { kind: 'one-place', places: 1, services: ['Orders', 'Payment'] },
};
const map: ComparedDocument = {
  name: 'Choreography saga',
  file: 'choreography-saga.json',
  kind: 'map',
  services: ['Orders', 'Payment'],
  coupling: {
    style: 'events',
    dependencies: ['Orders <- Payment: PaymentCompleted'],
    knows: ['Orders -> Payment'],
    dependencyCount: 1,
    knowsCount: 1,
  },
  state: { kind: 'correlated', places: 2, services: ['Orders', 'Payment'] },
};

type Results = Partial<Record<FaultKind, [DocumentFigures, DocumentFigures]>>;

function report(results: Results): ComparisonReport {
  const names = Object.keys(results) as FaultKind[];
  return {
    formatVersion: 1,
    seed: 7,
    runsPerScenario: 20,
    seeds: { from: 7, count: 20 },
    sharedServices: ['Orders', 'Payment'],
    documents: [flow, map],
    sweep: names.map((name) => ({
      name,
      description: name,
      ...(name === 'base' ? {} : { service: 'Payment' }),
      scenarios: [{}, {}],
    })),
    results: names.map((name) => ({
      scenario: name,
      description: name,
      a: (results[name] as [DocumentFigures, DocumentFigures])[0],
      b: (results[name] as [DocumentFigures, DocumentFigures])[1],
    })),
  };
}

const blast = (blocked: number, backlog: number) => ({
  service: 'Payment',
  instancesBlocked: blocked,
  instancesNotCompleted: blocked,
  maxBacklog: backlog,
  maxLagMs: backlog * 100,
});

describe('explainComparison', () => {
  const sweep: Results = {
    base: [figures(), figures({ latency: { runs: 20, p50Ms: 300, p95Ms: 600, maxMs: 700 } })],
    down: [
      figures({ statuses: { compensated: 20 }, blastRadius: blast(20, 0) }),
      figures({ statuses: { completed: 18, failed: 2 }, blastRadius: blast(18, 3) }),
    ],
    fail: [
      figures({ recovery: { runs: 20, detectMs: 100, compensateMs: 600 } }),
      figures({ recovery: { runs: 20, detectMs: 100, compensateMs: 1000 } }),
    ],
  };

  it('says which document kept running, which compensated faster, and where state lives', () => {
    const { sentences, text } = explainComparison(report(sweep));
    expect(sentences).toEqual([
      'While Payment was down, Choreography saga (choreography) completed 18 of 20 runs (its consumers queued up to 3 events and caught up); Order saga (orchestration) completed 0 and blocked 20 instances.',
      'When Payment failed, Order saga (orchestration) compensated 40% faster (600 ms against 1000 ms from the first failure to the last compensation).',
      'Without faults Choreography saga (choreography) finished faster: p95 600 ms against 900 ms.',
      "An instance's state is readable in one place for Order saga (orchestration) and correlated across 2 services for Choreography saga (choreography); Order saga (orchestration) has 2 service links, Choreography saga (choreography) 1.",
    ]);
    expect(text).toBe(sentences.join(' '));
  });

  it('changes its sentences when the figures change', () => {
    const swapped = explainComparison(
      report({
        ...sweep,
        fail: [
          figures({ recovery: { runs: 20, detectMs: 100, compensateMs: 900 } }),
          figures({ recovery: { runs: 20, detectMs: 100, compensateMs: 300 } }),
        ],
      }),
    );
    expect(swapped.sentences[1]).toBe(
      'When Payment failed, Choreography saga (choreography) compensated 67% faster (300 ms against 900 ms from the first failure to the last compensation).',
    );
    const fewerCalls = explainComparison(
      report({
        ...sweep,
        fail: [
          figures({
            recovery: { runs: 20, detectMs: 700, compensateMs: 800 },
            callAttempts: { total: 80, perRun: 4 },
          }),
          figures({
            recovery: { runs: 20, detectMs: 5, compensateMs: 80 },
            callAttempts: { total: 60, perRun: 3 },
          }),
        ],
      }),
    );
    expect(fewerCalls.sentences[1]).toBe(
      'When Payment failed, Choreography saga (choreography) compensated 90% faster (80 ms against 800 ms from the first failure to the last compensation); it also made fewer calls before giving up (3 against 4 per run).',
    );
    const backlog = explainComparison(
      report({
        ...sweep,
        down: [
          figures({ statuses: { compensated: 20 }, blastRadius: blast(20, 0) }),
          figures({ statuses: { completed: 11, failed: 9 }, blastRadius: blast(20, 1) }),
        ],
      }),
    );
    expect(backlog.sentences[0]).toContain(
      'completed 11 of 20 runs (its consumers queued up to 1 event and',
    );
    const same = explainComparison(
      report({
        ...sweep,
        base: [figures(), figures()],
        duplicates: [figures({ consistent: 12 }), figures()],
      }),
    );
    expect(same.text).not.toContain('finished faster');
    const tie = explainComparison(
      report({
        ...sweep,
        duplicates: [figures(), figures({ messages: { total: 500, perRun: 25 } })],
      }),
    );
    expect(tie.sentences).toContain(
      'Under duplicates both stayed consistent in 20 of 20 runs; Choreography saga (choreography) sent 25 messages per run against 10.',
    );
    expect(same.sentences).toContain(
      'Under duplicates Choreography saga (choreography) stayed consistent in 20 of 20 runs, Order saga (orchestration) in 12.',
    );
  });

  it('says so when only one document compensated, and leaves out what was not measured', () => {
    const { sentences } = explainComparison(
      report({
        fail: [figures({ recovery: { runs: 4, detectMs: 50, compensateMs: 250 } }), figures()],
      }),
    );
    expect(sentences[0]).toBe(
      'When Payment failed, only Order saga (orchestration) compensated (250 ms from the first failure).',
    );
    expect(sentences).toHaveLength(2);
  });
});

describe('styleLabel', () => {
  it('given a name that already ends with its style, when labelled, then the style is not repeated', () => {
    expect(styleLabel({ name: 'Order saga (choreography)', kind: 'map' })).toBe(
      'Order saga (choreography)',
    );
    expect(styleLabel({ name: 'Order saga', kind: 'flow' })).toBe('Order saga (orchestration)');
    expect(styleLabel({ name: 'Order saga (choreography)', kind: 'flow' })).toBe(
      'Order saga (choreography) (orchestration)',
    );
  });
});
