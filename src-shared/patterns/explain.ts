import type {
  ComparedDocument,
  ComparisonReport,
  DocumentFigures,
  FaultKind,
} from './compareTypes';

export interface Explanation {
  /** Each sentence chosen by comparing two measured figures; every number in it is one of them. */
  readonly sentences: readonly string[];
  readonly text: string;
}

/** The name with its style, unless the name already ends with it (a derived workflow's does). */
export const styleLabel = (document: Pick<ComparedDocument, 'name' | 'kind'>) => {
  const style = `(${document.kind === 'flow' ? 'orchestration' : 'choreography'})`;
  return document.name.endsWith(style) ? document.name : `${document.name} ${style}`;
};
const label = styleLabel;

const percentFaster = (fast: number, slow: number) => Math.round(((slow - fast) / slow) * 100);

/**
 * A short account of the trade-off, built only from the comparison's figures: which document kept
 * instances completing while a service was down, which compensated faster, which is quicker and
 * chattier, which stayed consistent under duplicates, and where an instance's state can be read.
 */
export function explainComparison(report: ComparisonReport): Explanation {
  const [a, b] = report.documents;
  const names =
    label(a) === label(b)
      ? ([`a: ${label(a)}`, `b: ${label(b)}`] as const)
      : ([label(a), label(b)] as const);
  const of = (scenario: FaultKind): readonly [DocumentFigures, DocumentFigures] | undefined => {
    const result = report.results.find((entry) => entry.scenario === scenario);
    return result ? [result.a, result.b] : undefined;
  };
  const sentences: string[] = [];

  const down = of('down');
  const downService = report.sweep.find((entry) => entry.name === 'down')?.service;
  if (down && downService) {
    const completed = down.map((figures) => figures.statuses.completed ?? 0);
    const [ca, cb] = completed as [number, number];
    if (ca !== cb) {
      const better = ca > cb ? 0 : 1;
      const worse = 1 - better;
      const backlog = down[better]?.blastRadius?.maxBacklog ?? 0;
      sentences.push(
        `While ${downService} was down, ${names[better]} completed ${completed[better]} of ${down[better]?.runs} runs` +
          (backlog > 0
            ? ` (its consumers queued up to ${backlog} event${backlog === 1 ? '' : 's'} and caught up)`
            : '') +
          `; ${names[worse]} completed ${completed[worse]} and blocked ${down[worse]?.blastRadius?.instancesBlocked ?? 0} instances.`,
      );
    } else {
      sentences.push(
        `While ${downService} was down, both completed ${ca} of ${down[0].runs} runs.`,
      );
    }
  }

  const fail = of('fail');
  if (fail) {
    const failService = report.sweep.find((entry) => entry.name === 'fail')?.service ?? 'a service';
    const [ra, rb] = [fail[0].recovery.compensateMs, fail[1].recovery.compensateMs];
    if (ra !== null && rb !== null && ra !== rb) {
      const fast = ra < rb ? 0 : 1;
      const times = [ra, rb];
      // Compensating sooner may only mean retrying less: say so when the figures show it.
      const attempts = [fail[0].callAttempts.perRun, fail[1].callAttempts.perRun];
      const fewerTries =
        (attempts[fast] as number) < (attempts[1 - fast] as number)
          ? `; it also made fewer calls before giving up (${attempts[fast]} against ${attempts[1 - fast]} per run)`
          : '';
      sentences.push(
        `When ${failService} failed, ${names[fast]} compensated ${percentFaster(times[fast] as number, times[1 - fast] as number)}% faster (${times[fast]} ms against ${times[1 - fast]} ms from the first failure to the last compensation)${fewerTries}.`,
      );
    } else if (ra !== null && rb !== null) {
      sentences.push(`When ${failService} failed, both compensated in ${ra} ms.`);
    } else if (ra !== null || rb !== null) {
      const which = ra !== null ? 0 : 1;
      sentences.push(
        `When ${failService} failed, only ${names[which]} compensated (${ra ?? rb} ms from the first failure).`,
      );
    }
  }

  const base = of('base');
  if (base) {
    const [pa, pb] = [base[0].latency.p95Ms, base[1].latency.p95Ms];
    if (pa !== pb && base[0].latency.runs > 0 && base[1].latency.runs > 0) {
      const fast = pa < pb ? 0 : 1;
      sentences.push(
        `Without faults ${names[fast]} finished faster: p95 ${[pa, pb][fast]} ms against ${[pa, pb][1 - fast]} ms.`,
      );
    }
    const [ma, mb] = [base[0].messages.perRun, base[1].messages.perRun];
    if (ma !== mb) {
      const fewer = ma < mb ? 0 : 1;
      sentences.push(
        `${names[fewer]} sent fewer messages per run (${[ma, mb][fewer]} against ${[ma, mb][1 - fewer]}).`,
      );
    }
  }

  const duplicates = of('duplicates');
  if (duplicates && duplicates[0].consistent !== duplicates[1].consistent) {
    const better = duplicates[0].consistent > duplicates[1].consistent ? 0 : 1;
    sentences.push(
      `Under duplicates ${names[better]} stayed consistent in ${duplicates[better]?.consistent} of ${duplicates[better]?.runs} runs, ${names[1 - better]} in ${duplicates[1 - better]?.consistent}.`,
    );
  } else if (duplicates && duplicates[0].messages.perRun !== duplicates[1].messages.perRun) {
    // Both as consistent: what the duplicates cost is then the traffic they made.
    const [ma, mb] = [duplicates[0].messages.perRun, duplicates[1].messages.perRun];
    const more = ma > mb ? 0 : 1;
    sentences.push(
      `Under duplicates both stayed consistent in ${duplicates[0].consistent} of ${duplicates[0].runs} runs; ${names[more]} sent ${[ma, mb][more]} messages per run against ${[ma, mb][1 - more]}.`,
    );
  }

  const where = (document: ComparedDocument) =>
    document.state.kind === 'one-place'
      ? 'readable in one place'
      : `correlated across ${document.state.places} services`;
  sentences.push(
    `An instance's state is ${where(a)} for ${names[0]} and ${where(b)} for ${names[1]}; ` +
      `${names[0]} has ${a.coupling.knowsCount} service links, ${names[1]} ${b.coupling.knowsCount}.`,
  );
  return { sentences, text: sentences.join(' ') };
}
