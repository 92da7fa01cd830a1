import { FINAL_STATUSES, type RunSummary } from '../../src-shared/runtime/runReport';
import type { RunRow } from './RunStore';
import type { WorldState } from './RunWorld';

/**
 * A run as lists show it, from its row alone (no journal read): where it is, why it is paused,
 * the elements it is at and its retries (kept in its world state as steps happen). `names` are
 * the element names of the run's pinned document, by id.
 */
export function summaryOf(row: RunRow, names: Readonly<Record<string, string>>): RunSummary {
  const state = JSON.parse(row.state) as WorldState;
  const final = FINAL_STATUSES.has(row.status);
  const active = final ? [] : [...new Set(Object.values(state.active ?? {}).flat())];
  return {
    runId: row.uid,
    name: row.name,
    kind: row.kind,
    status: row.status,
    seed: row.seed,
    correlationId: row.correlationId,
    workflowId: row.workflowId,
    version: row.version,
    createdAt: row.createdAt,
    atMs: row.nowMs,
    endedAtMs: row.endedAtMs,
    seq: state.seq,
    mode: row.mode,
    ...(row.stop && row.paused && !final ? { stop: row.stop } : {}),
    active,
    activeNames: active.map((id) => (Object.hasOwn(names, id) ? names[id] : undefined) ?? id),
    retries: state.retries ?? 0,
    parentRunId: row.parentRun,
    forkedAtSeq: row.forkedAt,
  };
}
