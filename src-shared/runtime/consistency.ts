import type {
  Consistency,
  DeadLetter,
  Duplicate,
  LateSuccess,
  LedgerEntry,
  RunStatus,
  Violation,
} from './runReport';

export interface ConsistencyInput {
  readonly kind: 'flow' | 'map';
  /** The business outcome: the run's status (a flow) or the instance's terminal status (a map). */
  readonly outcome: RunStatus;
  readonly ledger: readonly LedgerEntry[];
  /** For each operation that can be undone (`Service.operation`), the operation that undoes it. */
  readonly undoneBy: Readonly<Record<string, string>>;
  /** Calls that hang with nobody waiting for a timeout: the run can never go on. */
  readonly hung: readonly {
    readonly elementId: string;
    readonly service: string;
    readonly operation: string;
    readonly seq: number;
  }[];
  readonly deadLetters: readonly DeadLetter[];
  /** The run waits for a person or an event: not stuck, just not finished yet. */
  readonly awaiting?: boolean;
}

/** Outcomes in which the business transaction did not go through, so its effects must be undone. */
const ABANDONED: ReadonlySet<RunStatus> = new Set([
  'compensated',
  'failed',
  'needs-attention',
  'cancelled',
]);

/**
 * The verdict on whether a run left the system consistent, from the mocks' ledgers: every effect
 * of an abandoned transaction that can be undone was undone (every charge of a cancelled order
 * refunded, every reservation released), no effect was performed twice, nothing hangs for ever,
 * no event was dead-lettered, and a map's instance reached a terminal event. Late successes are
 * listed; the inconsistency they cause shows as an effect left standing.
 */
export function checkConsistency(input: ConsistencyInput): Consistency {
  const violations: Violation[] = [];
  const duplicates = findDuplicates(input.ledger);
  for (const duplicate of duplicates) {
    violations.push({
      code: 'duplicate',
      message: `${duplicate.service}.${duplicate.operation} was performed ${duplicate.count} times for the same ${duplicate.effectKey.includes('@') ? 'event' : 'step'} (${duplicate.effectKey})`,
      service: duplicate.service,
      operation: duplicate.operation,
      seqs: duplicate.seqs,
    });
  }
  if (ABANDONED.has(input.outcome)) violations.push(...effectsLeftStanding(input));
  for (const call of input.hung) {
    violations.push({
      code: 'hung',
      message: `${call.service}.${call.operation} (${call.elementId}) never answered and nothing times it out: the run waits for ever`,
      service: call.service,
      operation: call.operation,
      elementId: call.elementId,
      seqs: [call.seq],
    });
  }
  for (const letter of input.deadLetters) {
    violations.push({
      code: 'dead-letter',
      message: `${letter.type} (${letter.eventId}) went to the dead-letter queue after ${letter.deliveries} deliveries to ${letter.service}`,
      service: letter.service,
      seqs: [letter.seq],
    });
  }
  if (input.kind === 'map' && input.outcome === 'waiting' && !input.awaiting) {
    violations.push({
      code: 'unfinished',
      message: 'the instance reached no terminal event: it is stuck between services',
      seqs: [],
    });
  }
  const lateSuccesses: LateSuccess[] = input.ledger
    .filter((entry) => entry.late)
    .map((entry) => ({
      service: entry.service,
      operation: entry.operation,
      ...(entry.elementId === undefined ? {} : { elementId: entry.elementId }),
      atMs: entry.atMs,
      seq: entry.seq,
    }));
  return { ok: violations.length === 0, violations, duplicates, lateSuccesses };
}

function findDuplicates(ledger: readonly LedgerEntry[]): Duplicate[] {
  const byKey = new Map<string, LedgerEntry[]>();
  for (const entry of ledger) {
    const key = `${entry.service}.${entry.operation}|${entry.effectKey}`;
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  return [...byKey.values()]
    .filter((entries) => entries.length > 1)
    .map((entries) => {
      const first = entries[0] as LedgerEntry;
      return {
        service: first.service,
        operation: first.operation,
        effectKey: first.effectKey,
        count: entries.length,
        seqs: entries.map((entry) => entry.seq),
      };
    });
}

/** Effects that can be undone, performed more often (per instance) than they were undone. */
function effectsLeftStanding(input: ConsistencyInput): Violation[] {
  const violations: Violation[] = [];
  const distinct = (entries: readonly LedgerEntry[]) => {
    const seen = new Map<string, LedgerEntry>();
    for (const entry of entries) if (!seen.has(entry.effectKey)) seen.set(entry.effectKey, entry);
    return [...seen.values()];
  };
  const groups = new Map<string, LedgerEntry[]>();
  for (const entry of input.ledger) {
    const key = `${entry.correlationId}|${entry.service}|${entry.operation}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  for (const [key, entries] of groups) {
    const first = entries[0] as LedgerEntry;
    const undo = input.undoneBy[`${first.service}.${first.operation}`];
    if (!undo) continue;
    const [correlationId, service] = key.split('|') as [string, string];
    const forwards = distinct(entries);
    const undos = distinct(groups.get(`${correlationId}|${service}|${undo}`) ?? []);
    for (const entry of forwards.slice(undos.length)) {
      const late = entry.late ? ', after the caller had given up (a late success)' : '';
      violations.push({
        code: 'not-undone',
        message: `${service}.${first.operation} for ${correlationId} at ${entry.atMs} ms${late} was never undone by ${service}.${undo}, but the transaction ended ${input.outcome}`,
        service,
        operation: first.operation,
        ...(entry.elementId === undefined ? {} : { elementId: entry.elementId }),
        seqs: [entry.seq],
      });
    }
  }
  return violations;
}
