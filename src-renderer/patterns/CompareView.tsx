import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type {
  ComparisonReport,
  DocumentFigures,
  ScenarioComparison,
} from '../../src-shared/patterns/compareTypes';
import { explainComparison, styleLabel } from '../../src-shared/patterns/explain';
import './compareView.css';

const ms = (value: number | null) => (value === null ? '—' : `${Math.round(value)} ms`);

/** One row of a scenario's table: a label and how to read the figure from each side. */
const ROWS: readonly { label: string; value: (f: DocumentFigures) => string }[] = [
  { label: 'Latency p50', value: (f) => ms(f.latency.p50Ms) },
  { label: 'Latency p95', value: (f) => ms(f.latency.p95Ms) },
  { label: 'Messages per run', value: (f) => String(f.messages.perRun) },
  { label: 'Steps (calls) per run', value: (f) => String(f.callAttempts.perRun) },
  { label: 'Compensations per run', value: (f) => String(f.compensations.perRun) },
  { label: 'Time to detect', value: (f) => ms(f.recovery.detectMs) },
  { label: 'Time to compensate', value: (f) => ms(f.recovery.compensateMs) },
  { label: 'Consistent runs', value: (f) => `${f.consistent} / ${f.runs}` },
  {
    label: 'Blocked instances / backlog',
    value: (f) =>
      f.blastRadius
        ? `${f.blastRadius.instancesBlocked} blocked, backlog ${f.blastRadius.maxBacklog}`
        : '—',
  },
];

const CHART = { width: 520, height: 180, left: 64, bottom: 24, top: 8 };

/** Grouped bars: one pair (a, b) per scenario, with the figure written above each bar. */
function PairChart({
  title,
  results,
  value,
  names,
}: {
  title: string;
  results: readonly ScenarioComparison[];
  value: (f: DocumentFigures) => number | null;
  names: readonly [string, string];
}) {
  const inner = { w: CHART.width - CHART.left, h: CHART.height - CHART.bottom - CHART.top };
  const x = scaleBand({
    domain: results.map((r) => r.scenario),
    range: [0, inner.w],
    padding: 0.3,
  });
  const side = scaleBand({ domain: ['a', 'b'], range: [0, x.bandwidth()], padding: 0.1 });
  const max = Math.max(1, ...results.flatMap((r) => [value(r.a) ?? 0, value(r.b) ?? 0]));
  const y = scaleLinear({ domain: [0, max], range: [inner.h, 0], nice: true });
  return (
    <figure className="compare-chart">
      <figcaption>{title}</figcaption>
      <svg
        role="img"
        aria-label={`${title}: ${results
          .map((r) => `${r.scenario} a ${ms(value(r.a))}, b ${ms(value(r.b))}`)
          .join('; ')}`}
        width={CHART.width}
        height={CHART.height}
      >
        <g transform={`translate(${CHART.left},${CHART.top})`}>
          <line x1={0} x2={inner.w} y1={inner.h} y2={inner.h} className="compare-axis" />
          <text x={-6} y={y(max)} textAnchor="end" dominantBaseline="hanging" className="tick">
            {ms(max)}
          </text>
          {results.map((r) =>
            (['a', 'b'] as const).map((which) => {
              const figure = value(r[which]);
              const barX = (x(r.scenario) ?? 0) + (side(which) ?? 0);
              const top = y(figure ?? 0);
              return (
                <g key={`${r.scenario}-${which}`}>
                  <Bar
                    x={barX}
                    y={top}
                    width={side.bandwidth()}
                    height={inner.h - top}
                    className={`compare-bar compare-bar-${which}`}
                  >
                    <title>{`${r.scenario}, ${which === 'a' ? names[0] : names[1]}: ${ms(figure)}`}</title>
                  </Bar>
                  <text
                    x={barX + side.bandwidth() / 2}
                    y={top - 2}
                    textAnchor="middle"
                    className="tick"
                  >
                    {figure === null ? '—' : Math.round(figure)}
                  </text>
                </g>
              );
            }),
          )}
          {results.map((r) => (
            <text
              key={r.scenario}
              x={(x(r.scenario) ?? 0) + x.bandwidth() / 2}
              y={inner.h + 16}
              textAnchor="middle"
              className="tick"
            >
              {r.scenario}
            </text>
          ))}
        </g>
      </svg>
    </figure>
  );
}

/**
 * A comparison of two documents (pattern lab): the generated summary, a side-by-side table per
 * scenario of the sweep, coupling and where the state lives, and charts of p95 latency and of the
 * time to compensate.
 */
export function CompareView({ report }: { report: ComparisonReport }) {
  const [a, b] = report.documents;
  const names = [`a: ${a.file}`, `b: ${b.file}`] as const;
  const { sentences } = explainComparison(report);
  return (
    <section className="compare-view" role="region" aria-label="Comparison">
      <p className="compare-legend">
        <span className="compare-swatch compare-bar-a" aria-hidden="true" /> a:{' '}
        {styleLabel({ name: a.file, kind: a.kind })}{' '}
        <span className="compare-swatch compare-bar-b" aria-hidden="true" /> b:{' '}
        {styleLabel({ name: b.file, kind: b.kind })} · {report.runsPerScenario} runs per scenario,
        seeds {report.seeds.from}…{report.seeds.from + report.seeds.count - 1}
      </p>
      <ul className="compare-summary" aria-label="Summary">
        {sentences.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <div className="compare-charts">
        <PairChart
          title="p95 latency per scenario"
          results={report.results}
          value={(f) => f.latency.p95Ms}
          names={names}
        />
        <PairChart
          title="Time to compensate per scenario"
          results={report.results}
          value={(f) => f.recovery.compensateMs}
          names={names}
        />
      </div>
      <div className="compare-tables">
        {report.results.map((result) => (
          <table key={result.scenario} aria-label={`Scenario ${result.scenario}`}>
            <caption>
              <strong>{result.scenario}</strong> — {result.description}
            </caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">{names[0]}</th>
                <th scope="col">{names[1]}</th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>{row.value(result.a)}</td>
                  <td>{row.value(result.b)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <table aria-label="Coupling and state" className="compare-coupling">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{names[0]}</th>
            <th scope="col">{names[1]}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Coupling</th>
            {[a, b].map((d, i) => (
              <td key={i}>
                {d.coupling.style === 'api' ? 'API calls' : 'event subscriptions'}:{' '}
                {d.coupling.dependencyCount} dependencies, {d.coupling.knowsCount} “knows” pairs
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Where the state lives</th>
            {[a, b].map((d, i) => (
              <td key={i}>
                {d.state.kind === 'one-place'
                  ? 'in one place (the coordinator)'
                  : `spread over ${d.state.places} services by correlation id`}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
