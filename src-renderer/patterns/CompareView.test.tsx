import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type {
  ComparedDocument,
  ComparisonReport,
  DocumentFigures,
  FaultKind,
} from '../../src-shared/patterns/compareTypes';
import { CompareView } from './CompareView';

const figures = (p95Ms: number, compensateMs: number | null): DocumentFigures => ({
  runs: 4,
  statuses: { completed: 4 },
  latency: { runs: 4, p50Ms: p95Ms / 2, p95Ms, maxMs: p95Ms },
  messages: { total: 40, perRun: 10 },
  callAttempts: { total: 20, perRun: 5 },
  compensations: { total: compensateMs === null ? 0 : 4, perRun: compensateMs === null ? 0 : 1 },
  recovery: { runs: compensateMs === null ? 0 : 4, detectMs: compensateMs, compensateMs },
  consistent: 3,
});

const documentOf = (name: string, kind: 'flow' | 'map'): ComparedDocument => ({
  name,
  file: name,
  kind,
  services: ['Payment'],
  coupling: {
    style: kind === 'flow' ? 'api' : 'events',
    dependencies: ['x'],
    knows: ['a -> b'],
    dependencyCount: 1,
    knowsCount: 1,
  },
  state:
    kind === 'flow'
      ? { kind: 'one-place', places: 1, services: [] }
      : { kind: 'correlated', places: 3, services: ['A', 'B', 'C'] },
});

const SCENARIOS: FaultKind[] = ['base', 'slow', 'down', 'fail', 'duplicates'];

const report: ComparisonReport = {
  formatVersion: 1,
  seed: 1,
  runsPerScenario: 4,
  seeds: { from: 1, count: 4 },
  sharedServices: ['Payment'],
  documents: [documentOf('Order saga', 'flow'), documentOf('Order saga (choreography)', 'map')],
  sweep: [],
  results: SCENARIOS.map((scenario, index) => ({
    scenario,
    description: `the ${scenario} scenario`,
    a: figures(1000 + index, scenario === 'fail' ? 700 : null),
    b: figures(2000 + index, null),
  })),
};

describe('CompareView', () => {
  it('given a comparison, when shown, then each scenario has its table, the charts name their figures and the style is not repeated', () => {
    render(<CompareView report={report} />);

    const view = screen.getByRole('region', { name: 'Comparison' });
    for (const scenario of SCENARIOS)
      expect(within(view).getByRole('table', { name: `Scenario ${scenario}` })).toBeTruthy();
    const base = within(view).getByRole('table', { name: 'Scenario base' });
    const p95 = within(base).getByRole('row', { name: /Latency p95/ });
    expect(p95.textContent).toBe('Latency p951000 ms2000 ms');
    const chart = within(view).getByRole('img', { name: /^p95 latency per scenario/ });
    expect(chart.getAttribute('aria-label')).toContain('fail a 1003 ms, b 2003 ms');
    const compensate = within(view).getByRole('img', { name: /^Time to compensate/ });
    expect(compensate.getAttribute('aria-label')).toContain('fail a 700 ms, b —');
    expect(view.textContent).toContain('b: Order saga (choreography) ·');
    expect(view.textContent).not.toContain('(choreography) (choreography)');
    expect(within(view).getByRole('table', { name: 'Coupling and state' }).textContent).toContain(
      'spread over 3 services by correlation id',
    );
  });
});
