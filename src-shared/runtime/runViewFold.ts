/**
 * The fold behind the run history view (runView.ts): one mutable state that takes journal entries
 * in order. A history keeps its state at the head and copies of it every few hundred entries
 * (checkpoints); what only grows (the path, the ledger, lookups keyed by a request's `seq` or an
 * event's id) lives in a `FoldIndex` the copies share, so a copy costs what is live, not what
 * happened.
 *
 * This module applies entries: the run's and the requests' reducers here, a flow's root machine in
 * runViewFlowPath.ts, a map's broker in runViewBroker.ts; the state in runViewFoldState.ts, the
 * document in runViewDocumentIndex.ts and the timeline in runViewTimeline.ts.
 */
import type { JournalEntry } from '../contract/contract';
import { ledgerEntryOf, type RunStatus } from './runReport';
import {
  applyDeadLetter,
  applyDelivery,
  applyPostponed,
  applyPublish,
  applySettle,
} from './runViewBroker';
import { isRootActor, nodeOf, text, type DocumentIndex } from './runViewDocumentIndex';
import { applyRootValue } from './runViewFlowPath';
import { activeState, type FoldIndex, type FoldState, type FoldStep } from './runViewFoldState';

export { DocumentIndex, nodeOf, publisherOf } from './runViewDocumentIndex';
export { FAILED_OUTCOMES, FoldIndex, FoldState } from './runViewFoldState';
export { TimelineBuilder } from './runViewTimeline';

/** The reducer of each kind of entry the view follows; other kinds only move `seq` and time. */
const REDUCERS: ReadonlyMap<string, (step: FoldStep) => void> = new Map([
  ['run.status', applyStatus],
  ['actor.created', applyActorCreated],
  ['event', applyEvent],
  ['request', applyRequest],
  ['result', applyResult],
  ['effect', applyEffect],
  ['publish', applyPublish],
  ['delivery', applyDelivery],
  ['delivery.postponed', applyPostponed],
  ['settle', applySettle],
  ['dead-letter', applyDeadLetter],
]);

/**
 * Applies one journal entry to `state`. `index` is extended only when `grow` is true (the head
 * taking a new entry); a copy replaying entries the head already took only reads it.
 */
export function applyEntry(
  state: FoldState,
  entry: JournalEntry,
  doc: DocumentIndex,
  index: FoldIndex,
  grow: boolean,
): void {
  state.seq = entry.seq;
  state.atMs = entry.atMs;
  const enter = (id: string) => {
    if (grow) index.path.push(id);
    state.pathLength += 1;
  };
  const take = (connectionId: string | undefined) => {
    if (connectionId === undefined) return;
    state.edges.set(connectionId, (state.edges.get(connectionId) ?? 0) + 1);
  };
  const actor = entry.actor ?? '';
  REDUCERS.get(entry.kind)?.({ state, entry, doc, index, grow, actor, enter, take });
}

/** The run's status changed: once it is over, nothing is still compensating. */
function applyStatus({ state, entry }: FoldStep): void {
  const status = text(entry.data.status) as RunStatus | undefined;
  if (status) state.status = status;
  if (status && status !== 'running' && status !== 'paused' && status !== 'waiting') {
    for (const [id, elementState] of state.elements)
      if (elementState === 'compensating') state.elements.set(id, 'failed');
  }
}

/** A child actor started: the call activity (or reaction) it was started for. */
function applyActorCreated({ index, grow, actor }: FoldStep): void {
  if (grow && actor.startsWith('sub:')) {
    const element = index.pendingChildren.shift();
    if (element !== undefined) index.childElement.set(actor, element);
  }
}

/** An actor reached a new state value. */
function applyEvent({ state, entry, doc, actor, enter, take }: FoldStep): void {
  const data = entry.data;
  if (doc.kind === 'flow' && actor === 'flow') applyRootValue(state, data.value, doc, enter, take);
  // A service that starts the instance works without a delivery: done when its copy is idle.
  const node = nodeOf(actor);
  if (
    actor.startsWith('svc:') &&
    data.value === '__idle' &&
    (state.queues.get(node)?.busy ?? 0) === 0 &&
    state.elements.get(node) === 'active'
  )
    state.elements.set(node, 'completed');
}

/** An actor asked for an effect: remembered by its `seq`, and what its element now waits on. */
function applyRequest({ state, entry, doc, index, grow, actor, enter }: FoldStep): void {
  const data = entry.data;
  const effect = String(data.effect);
  const elementId = text(data.elementId) ?? null;
  if (grow) {
    index.requests.set(entry.seq, {
      elementId,
      effect,
      ...(text(data.service) ? { service: text(data.service) } : {}),
    });
    if (effect === 'subflow' && elementId !== null) index.pendingChildren.push(elementId);
  }
  if (elementId === null || !doc.has(elementId) || !isRootActor(actor, doc)) return;
  if (doc.kind === 'map' && (state.queues.get(elementId)?.busy ?? 0) === 0) {
    // A service starting the instance: it acts with no delivery.
    if (!state.elements.has(elementId)) enter(elementId);
    state.elements.set(elementId, 'active');
  }
  if (effect === 'compensate') state.elements.set(elementId, 'compensating');
  else if (effect === 'person' || effect === 'await') {
    state.waits.set(entry.seq, elementId);
    if (state.active.has(elementId)) state.elements.set(elementId, 'waiting');
  }
}

/** A request was answered: its element's outcome, or the end of its wait or compensation. */
function applyResult({ state, entry, doc, index, actor }: FoldStep): void {
  const data = entry.data;
  const request = index.requests.get(Number(data.request));
  const outcome = String(data.outcome);
  state.waits.delete(Number(data.request));
  const elementId = request?.elementId;
  if (!request || elementId === null || elementId === undefined || !doc.has(elementId)) return;
  if (!isRootActor(actor, doc)) return;
  if (request.effect === 'call') {
    state.lastOutcome.set(elementId, outcome);
    if (doc.kind === 'flow' && state.active.has(elementId))
      state.elements.set(
        elementId,
        activeState(state, elementId, state.active.get(elementId) ?? null),
      );
  } else if (request.effect === 'compensate' && outcome === 'compensated') {
    state.elements.set(elementId, 'compensated');
  } else if (
    (request.effect === 'person' || request.effect === 'await') &&
    state.active.has(elementId)
  ) {
    state.elements.set(
      elementId,
      activeState(state, elementId, state.active.get(elementId) ?? null),
    );
  }
}

/** A side effect was recorded: one more line of the ledger. */
function applyEffect({ state, entry, index, grow }: FoldStep): void {
  if (grow) index.ledger.push(ledgerEntryOf(entry));
  state.ledgerLength += 1;
}
