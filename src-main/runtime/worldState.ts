// The state a run keeps on its row beside its journal, agenda and machines: which actors it has,
// its counters, and what run lists show (re-exported by `RunWorld.ts`).
import type { MockOutcome } from '../../src-shared/model/catalog';
import type { RunStatus } from '../../src-shared/runtime/runReport';
import type { MachinePart } from './machines';

/** What the runtime keeps about one actor of a run: which machine, and who waits for it. */
export interface ActorInfo {
  /** `root` or `flowId@version` (a key of the definition's flows). */
  readonly machine: string;
  readonly part: MachinePart;
  /** For a started flow: the actor and the result event that reports its end. */
  readonly parent?: { readonly actor: string; readonly reply: Readonly<Record<string, unknown>> };
  readonly input?: Readonly<Record<string, unknown>>;
}

/** The part of a run's state that is not in its journal, agenda or machines: kept on its row. */
export interface WorldState {
  seq: number;
  nextAgenda: number;
  nextEvent: number;
  nextDelivery: number;
  nextSub: number;
  eventsSinceSnapshot: number;
  actors: Record<string, ActorInfo>;
  /** The business outcome once the instance ended (the root flow, or a map's tracker). */
  outcome?: RunStatus;
  /** What a step could not do, which ends the run as failed. */
  fault?: string;
  /** The document's elements each actor is at now, kept as steps happen (for run lists). */
  active?: Record<string, readonly string[]>;
  /** Call attempts after the first, so far. */
  retries?: number;
  /** Outcomes a person forced on the next attempt of a call, by element id or `Service.operation`. */
  forced?: Record<string, MockOutcome>;
  /**
   * The ids of events idempotent reactions published, by `eventId|reaction|step` of the event
   * they were handling: what they publish again when handling it again (`RunDefinition.outbox`).
   */
  outbox?: Record<string, string>;
  /** `reaction|eventId` of the events deduplicating reactions have handled: their inboxes. */
  inbox?: Record<string, true>;
}

/** A stored snapshot of a run (`RunWorld.snapshotText`): every actor's persisted snapshot and the world state. */
export interface SavedSnapshot {
  actors: Record<string, unknown>;
  state: WorldState;
  nowMs: number;
}
