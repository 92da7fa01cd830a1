import type { JournalEntry } from '../../src-shared/contract/contract';
import type { StepRecord } from '../../src-shared/runtime/runReport';

/** A step of a run where a new run can branch off: just before the step was asked for. */
export interface ForkPoint {
  readonly step: StepRecord;
  /** The journal entry that asked for the step. */
  readonly requestSeq: number;
  /** What `runs.fork` is given: the new run keeps the journal up to here, then takes the step anew. */
  readonly forkSeq: number;
}

/**
 * Pairs a report's steps with the journal's `request` entries they were read from (the report
 * lists steps in journal order, one per request of the step's element and actor at its start).
 * A step no request is found for is left out rather than guessed.
 */
export function forkPointsOf(
  steps: readonly StepRecord[],
  entries: readonly JournalEntry[],
): ForkPoint[] {
  const requests = entries.filter((entry) => entry.kind === 'request');
  const points: ForkPoint[] = [];
  let cursor = 0;
  for (const step of steps) {
    for (let at = cursor; at < requests.length; at += 1) {
      const request = requests[at] as JournalEntry;
      const element = request.data.elementId ?? request.data.timerId;
      if (
        element === step.elementId &&
        request.atMs === step.startedAtMs &&
        (request.actor ?? '') === step.actor
      ) {
        points.push({ step, requestSeq: request.seq, forkSeq: Math.max(0, request.seq - 1) });
        cursor = at + 1;
        break;
      }
    }
  }
  return points;
}
