/**
 * The state of the run view's fold (runViewFold.ts): what every copy shares (`FoldIndex`), what
 * each copy holds (`FoldState`), and the step an entry is applied through.
 */
import type { JournalEntry } from '../contract/contract';
import type { LedgerEntry, RunStatus } from './runReport';
import type { ElementRunState, EventInFlight, QueueState, RunViewAt } from './runView';
import type { DocumentIndex } from './runViewDocumentIndex';

/** Outcomes of a result that count as something going wrong. */
export const FAILED_OUTCOMES: ReadonlySet<string> = new Set(['failed', 'timeout']);

/** What every state shares: facts that only grow, keyed so no state reads past its own point. */
export class FoldIndex {
  readonly path: string[] = [];
  readonly ledger: LedgerEntry[] = [];
  /** A request's element, effect and service, by its `seq`. */
  readonly requests = new Map<
    number,
    { elementId: string | null; effect: string; service?: string }
  >();
  /** Who published an event, and its type, by event id. */
  readonly publishers = new Map<string, { from: string; type: string; atMs: number }>();
  /** The call activity (or reaction) a child actor was started for. */
  readonly childElement = new Map<string, string>();
  readonly pendingChildren: string[] = [];
}

/** A map consumer's queue as the fold keeps it (`QueueState` is what the view shows). */
export interface Queue {
  /** Event id → published at, for events waiting to reach this consumer. */
  readonly pending: Map<string, number>;
  delivered: number;
  deadLetters: number;
  downUntilMs: number;
  /** Deliveries it is handling now. */
  busy: number;
}

/** The view of a run after some entry, in a form entries can be applied to. */
export class FoldState {
  seq = 0;
  atMs = 0;
  status: RunStatus = 'running';
  elements = new Map<string, ElementRunState>();
  edges = new Map<string, number>();
  pathLength = 0;
  ledgerLength = 0;
  /** Flow: elements the root machine is in, with their sub-state. */
  active = new Map<string, string | null>();
  /** Flow: elements left (or start events not yet taken) whose way out is not yet counted. */
  pendingSources = new Set<string>();
  /** The outcome of each element's last call result. */
  lastOutcome = new Map<string, string>();
  /** Person and await requests not yet answered: request seq → element. */
  waits = new Map<number, string>();
  queues = new Map<string, Queue>();
  /** `eventId>consumer` → the event on its way. */
  inFlight = new Map<string, EventInFlight>();
  /** Deliveries being handled: id → consumer and event. */
  deliveries = new Map<string, { service: string; eventId: string }>();
  started = false;

  clone(): FoldState {
    const copy = new FoldState();
    copy.seq = this.seq;
    copy.atMs = this.atMs;
    copy.status = this.status;
    copy.elements = new Map(this.elements);
    copy.edges = new Map(this.edges);
    copy.pathLength = this.pathLength;
    copy.ledgerLength = this.ledgerLength;
    copy.active = new Map(this.active);
    copy.pendingSources = new Set(this.pendingSources);
    copy.lastOutcome = new Map(this.lastOutcome);
    copy.waits = new Map(this.waits);
    copy.queues = new Map(
      [...this.queues].map(([service, queue]) => [
        service,
        { ...queue, pending: new Map(queue.pending) },
      ]),
    );
    copy.inFlight = new Map(this.inFlight);
    copy.deliveries = new Map(this.deliveries);
    copy.started = this.started;
    return copy;
  }

  /** The immutable view of this state. */
  view(doc: DocumentIndex, index: FoldIndex): RunViewAt {
    const queues: QueueState[] = [];
    for (const service of doc.serviceNodes) {
      const queue = this.queues.get(service);
      let oldest = Infinity;
      for (const publishedAt of queue?.pending.values() ?? [])
        oldest = Math.min(oldest, publishedAt);
      queues.push({
        service,
        depth: queue?.pending.size ?? 0,
        delivered: queue?.delivered ?? 0,
        lagMs: oldest === Infinity ? 0 : Math.max(0, this.atMs - oldest),
        deadLetters: queue?.deadLetters ?? 0,
        down: (queue?.downUntilMs ?? -1) > this.atMs,
      });
    }
    return {
      seq: this.seq,
      atMs: this.atMs,
      status: this.status,
      elements: Object.fromEntries(this.elements),
      edges: Object.fromEntries(this.edges),
      path: index.path.slice(0, this.pathLength),
      queues,
      inFlight: [...this.inFlight.values()],
      ledger: index.ledger.slice(0, this.ledgerLength),
      waitingFor: [...new Set(this.waits.values())],
    };
  }
}

/** One journal entry being applied to a state: what each kind's reducer reads and records. */
export interface FoldStep {
  readonly state: FoldState;
  readonly entry: JournalEntry;
  readonly doc: DocumentIndex;
  readonly index: FoldIndex;
  /** The head taking a new entry: only then is `index` extended. */
  readonly grow: boolean;
  /** The entry's actor (`''` when it has none). */
  readonly actor: string;
  /** The run entered an element: one more step on the path. */
  readonly enter: (id: string) => void;
  /** A connection was taken once more (nothing when there is none). */
  readonly take: (connectionId: string | undefined) => void;
}

/** A consumer's queue in `state`, made empty the first time it is asked for. */
export function queueOf(state: FoldState, service: string): Queue {
  let queue = state.queues.get(service);
  if (!queue) {
    queue = { pending: new Map(), delivered: 0, deadLetters: 0, downUntilMs: -1, busy: 0 };
    state.queues.set(service, queue);
  }
  return queue;
}

/** How an element the machine is in looks: waiting on a person or await, retrying, or active. */
export function activeState(
  state: FoldState,
  elementId: string,
  subState: string | null,
): ElementRunState {
  for (const waiting of state.waits.values()) if (waiting === elementId) return 'waiting';
  return subState === 'retrying' ? 'retrying' : 'active';
}
