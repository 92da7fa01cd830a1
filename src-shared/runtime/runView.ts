/**
 * What the debugger and replay show of a run at any point of its history, computed from its
 * journal only (the runtime's one trace, src-main/runtime/README.md). Pure and incremental: the
 * renderer appends journal pages as they arrive and asks for the view at any `seq`, fast enough to
 * follow a scrubber over a 100,000-entry run.
 */
import type { JournalEntry } from '../contract/contract';
import type { WorkflowDocument } from '../model/document';
import type { LedgerEntry, RunStatus } from './runReport';
import {
  applyEntry,
  DocumentIndex,
  FAILED_OUTCOMES,
  FoldIndex,
  FoldState,
  nodeOf,
  TimelineBuilder,
} from './runViewFold';
import { lastIndexAtOrBefore } from './sortedSearch';

/** How an element looks on the canvas at a point of a run. */
export type ElementRunState =
  'active' | 'completed' | 'failed' | 'retrying' | 'waiting' | 'compensating' | 'compensated';

/** A map's consumer (service node) as the broker sees it at a point of a run. */
export interface QueueState {
  /** The service node id. */
  readonly service: string;
  /** Events published for it and not yet delivered (its backlog). */
  readonly depth: number;
  /** Deliveries taken so far (duplicates and redeliveries included). */
  readonly delivered: number;
  /** How long the oldest waiting event has waited, at this point (0 with nothing waiting). */
  readonly lagMs: number;
  readonly deadLetters: number;
  /** The consumer is inside a down window of the scenario. */
  readonly down: boolean;
}

/** An event published and not yet delivered to one of its consumers (drawn moving on a map). */
export interface EventInFlight {
  readonly eventId: string;
  readonly type: string;
  /** The publishing node (a service node, an event node, or `outside`). */
  readonly from: string;
  /** The consumer node it is on its way to. */
  readonly to: string;
  readonly publishedAtMs: number;
}

/** Everything the canvas and the panels show at one point of a run. */
export interface RunViewAt {
  /** The last journal entry included. */
  readonly seq: number;
  readonly atMs: number;
  readonly status: RunStatus;
  /** Every element touched so far, by element id. */
  readonly elements: Readonly<Record<string, ElementRunState>>;
  /** How many times each connection was taken so far, by connection id. */
  readonly edges: Readonly<Record<string, number>>;
  /** Elements in the order they were entered: the path taken. */
  readonly path: readonly string[];
  readonly queues: readonly QueueState[];
  readonly inFlight: readonly EventInFlight[];
  /** The mocks' ledgers so far, in journal order. */
  readonly ledger: readonly LedgerEntry[];
  /** Elements waiting for a person or an event at this point. */
  readonly waitingFor: readonly string[];
}

/** One bar of the timeline: a call attempt, a compensation, a timer, a wait or a delivery. */
export interface TimelineBar {
  /** The row it sits in: a service name (calls), or the element's name for timers and waits. */
  readonly row: string;
  readonly elementId: string | null;
  readonly label: string;
  readonly kind: 'call' | 'compensation' | 'timer' | 'wait' | 'delivery';
  readonly attempt: number;
  /** `ok`, `failed`, `timeout`, `compensated`, `fired`, `approve`… (null while it goes on). */
  readonly outcome: string | null;
  readonly startMs: number;
  readonly endMs: number | null;
  readonly startSeq: number;
  readonly endSeq: number | null;
}

/** One arrow of a map's sequence diagram: an event published, delivered, or dead-lettered. */
export interface SequenceMessage {
  readonly seq: number;
  readonly atMs: number;
  readonly kind: 'publish' | 'delivery' | 'duplicate' | 'redelivery' | 'dead-letter';
  readonly eventId: string;
  readonly type: string;
  readonly from: string;
  readonly to: string | null;
}

/** A run's history, indexed for the debugger. */
export interface RunHistory {
  readonly kind: 'flow' | 'map';
  /** The flow or map the run was started from. */
  readonly document: WorkflowDocument;
  readonly entries: readonly JournalEntry[];
  /** The last journal entry held (0 when none). */
  readonly lastSeq: number;
  /** Adds journal entries that follow the last one held (a later page, or a live run's progress). */
  append(entries: readonly JournalEntry[]): void;
  /** The view right after entry `seq` (clamped to what is held). */
  at(seq: number): RunViewAt;
  /** Every bar, for the whole history held (the panel greys what lies after the cursor). */
  timeline(): readonly TimelineBar[];
  /** Every message of a map's sequence diagram (empty for a flow without events). */
  sequence(): readonly SequenceMessage[];
  /** The first entry where something failed (a failed attempt, a timeout, a fault), or null. */
  firstFailureSeq(): number | null;
  /** The element a journal entry is about (for links from the log to the canvas), or null. */
  elementOf(entry: JournalEntry): string | null;
  /** An element's name in the document (its id when it has none or is not there). */
  nameOf(elementId: string): string;
}

/** A copy of the fold is kept every this many entries: `at(seq)` replays at most this many. */
export const CHECKPOINT_INTERVAL = 256;

/** Builds the history of a run of `document` (the flow or map the run was started from). */
export function createRunHistory(options: {
  readonly document: WorkflowDocument;
  readonly entries?: readonly JournalEntry[];
}): RunHistory {
  const doc = new DocumentIndex(options.document);
  const index = new FoldIndex();
  const timeline = new TimelineBuilder(doc);
  const entries: JournalEntry[] = [];
  const head = new FoldState();
  /** `checkpoints[i]` is the state after `entries[(i + 1) * CHECKPOINT_INTERVAL - 1]`. */
  const checkpoints: FoldState[] = [];
  let firstFailure: number | null = null;
  let lastView: RunViewAt | null = null;
  /**
   * The state last asked for before the end, owned by this history (never a checkpoint): a
   * scrubber held still asks again and again, and playback asks for the next entries.
   */
  let held: { position: number; state: FoldState; view: RunViewAt } | null = null;

  const append = (more: readonly JournalEntry[]) => {
    for (const entry of more) {
      const last = entries.at(-1)?.seq ?? 0;
      // A page may overlap what is held (a live run's progress fetched again): skip what is known.
      if (entry.seq <= last) continue;
      if (!Number.isInteger(entry.seq))
        throw new Error(`journal entry seq must be an integer, got ${String(entry.seq)}`);
      entries.push(entry);
      applyEntry(head, entry, doc, index, true);
      timeline.add(entry, index);
      if (firstFailure === null && isFailure(entry)) firstFailure = entry.seq;
      if (entries.length % CHECKPOINT_INTERVAL === 0) checkpoints.push(head.clone());
    }
    lastView = null;
  };

  /** The position of the last entry with a seq at most `seq` (-1 when none). */
  const positionOf = (seq: number): number =>
    lastIndexAtOrBefore(entries, seq, (entry) => entry.seq);

  const at = (seq: number): RunViewAt => {
    const position = positionOf(seq);
    if (position === entries.length - 1) {
      lastView ??= head.view(doc, index);
      return lastView;
    }
    if (held !== null && held.position === position) return held.view;
    const checkpoint = Math.floor((position + 1) / CHECKPOINT_INTERVAL) - 1;
    const fromCheckpoint = (checkpoint + 1) * CHECKPOINT_INTERVAL;
    // Playing forward goes on from the state last shown when it is no further than a checkpoint.
    const goOn = held !== null && held.position < position && held.position >= fromCheckpoint - 1;
    let state: FoldState;
    let next: number;
    if (goOn) {
      state = held!.state;
      next = held!.position + 1;
    } else {
      state = checkpoint >= 0 ? checkpoints[checkpoint]!.clone() : new FoldState();
      next = fromCheckpoint;
    }
    for (let i = next; i <= position; i += 1) applyEntry(state, entries[i]!, doc, index, false);
    held = { position, state, view: state.view(doc, index) };
    return held.view;
  };

  const elementOf = (entry: JournalEntry): string | null => {
    const data = entry.data;
    const inDocument = (id: unknown) => (typeof id === 'string' && doc.has(id) ? id : null);
    const actor = entry.actor ?? '';
    const direct =
      inDocument(data.elementId) ??
      inDocument((data.event as { elementId?: unknown } | undefined)?.elementId) ??
      inDocument(elementOfTimer((data.event as { timerId?: unknown } | undefined)?.timerId)) ??
      (entry.kind === 'result'
        ? inDocument(index.requests.get(Number(data.request))?.elementId)
        : null) ??
      (entry.kind === 'publish' ? inDocument(doc.eventNodesOf(data)[0]) : null) ??
      inDocument(data.service);
    if (direct !== null) return direct;
    if (actor.startsWith('svc:')) return inDocument(nodeOf(actor));
    return inDocument(index.childElement.get(actor));
  };

  if (options.entries) append(options.entries);

  const nameOf = (elementId: string) => doc.elements.get(elementId)?.name || elementId;

  return {
    kind: doc.kind,
    document: options.document,
    entries,
    get lastSeq() {
      return entries.at(-1)?.seq ?? 0;
    },
    append,
    at,
    timeline: () => timeline.timeline(),
    sequence: () => timeline.sequence(),
    firstFailureSeq: () => firstFailure,
    elementOf,
    nameOf,
  };
}

/** The element a timer belongs to: its id reads `<purpose>:<element>` (`retry:chargePayment`). */
function elementOfTimer(timerId: unknown): string | null {
  if (typeof timerId !== 'string') return null;
  const colon = timerId.indexOf(':');
  return colon < 0 ? null : timerId.slice(colon + 1);
}

/** A failed attempt, a timeout, a dead letter or a fault. */
function isFailure(entry: JournalEntry): boolean {
  if (entry.kind === 'fault' || entry.kind === 'dead-letter') return true;
  return entry.kind === 'result' && FAILED_OUTCOMES.has(String(entry.data.outcome));
}
