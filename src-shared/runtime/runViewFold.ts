/**
 * The fold behind the run history view (runView.ts): one mutable state that takes journal entries
 * in order. A history keeps its state at the head and copies of it every few hundred entries
 * (checkpoints); what only grows (the path, the ledger, lookups keyed by a request's `seq` or an
 * event's id) lives in a `FoldIndex` the copies share, so a copy costs what is live, not what
 * happened.
 */
import type { JournalEntry } from '../contract/contract';
import type { Connection, WorkflowDocument } from '../model/document';
import type { LedgerEntry, RunStatus } from './runReport';
import type {
  ElementRunState,
  EventInFlight,
  QueueState,
  RunViewAt,
  SequenceMessage,
  TimelineBar,
} from './runView';

type Element = WorkflowDocument['model']['elements'][number];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** Outcomes of a result that count as something going wrong. */
export const FAILED_OUTCOMES: ReadonlySet<string> = new Set(['failed', 'timeout']);

/** Element types a path may pass through without the machine ever being in them. */
const PASS_THROUGH: ReadonlySet<string> = new Set([
  'startEvent',
  'endEvent',
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
  'boundaryEvent',
  'messageThrow',
]);
/** How far a path is followed through elements that are never states. */
const MAX_PASS_THROUGH = 6;

/** The document read once for the fold: elements, connections both ways, map subscriptions. */
export class DocumentIndex {
  readonly kind: 'flow' | 'map';
  readonly elements: ReadonlyMap<string, Element>;
  readonly incoming = new Map<string, Connection[]>();
  readonly outgoing = new Map<string, Connection[]>();
  /** Connection id by `source>target`. */
  readonly between = new Map<string, string>();
  readonly connectionIds: ReadonlySet<string>;
  /** Map: the service nodes subscribed to each event type node (a reaction each). */
  readonly subscribers = new Map<string, string[]>();
  /** Map: event type nodes by the event type they stand for. */
  readonly eventNodesByType = new Map<string, string[]>();
  /** Map: every service node, in document order. */
  readonly serviceNodes: readonly string[];

  constructor(document: WorkflowDocument) {
    this.kind = document.kind;
    this.elements = new Map(document.model.elements.map((element) => [element.id, element]));
    this.connectionIds = new Set(document.model.connections.map((connection) => connection.id));
    for (const connection of document.model.connections) {
      push(this.incoming, connection.target, connection);
      push(this.outgoing, connection.source, connection);
      this.between.set(`${connection.source}>${connection.target}`, connection.id);
      const source = this.elements.get(connection.source);
      const target = this.elements.get(connection.target);
      if (connection.reaction && source?.type === 'eventType' && target?.type === 'service')
        push(this.subscribers, source.id, target.id);
    }
    const services: string[] = [];
    for (const element of document.model.elements) {
      if (element.type === 'service') services.push(element.id);
      if (element.type === 'eventType')
        push(this.eventNodesByType, element.eventType ?? element.id, element.id);
    }
    this.serviceNodes = services;
  }

  has(id: string): boolean {
    return this.elements.has(id);
  }

  /** The catalog service a map's service node stands for (what its calls name). */
  serviceNameOf(node: string): string {
    const element = this.elements.get(node);
    return element?.type === 'service' && element.service ? element.service : node;
  }

  /** The event type nodes a `publish` entry reached. */
  eventNodesOf(data: Readonly<Record<string, unknown>>): readonly string[] {
    const node = text(data.node);
    if (node !== undefined) return [node];
    return this.eventNodesByType.get(String(data.type)) ?? [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

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

interface Queue {
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
  const data = entry.data;
  const actor = entry.actor ?? '';
  const enter = (id: string) => {
    if (grow) index.path.push(id);
    state.pathLength += 1;
  };
  const take = (connectionId: string | undefined) => {
    if (connectionId === undefined) return;
    state.edges.set(connectionId, (state.edges.get(connectionId) ?? 0) + 1);
  };
  switch (entry.kind) {
    case 'run.status': {
      const status = text(data.status) as RunStatus | undefined;
      if (status) state.status = status;
      if (status && status !== 'running' && status !== 'paused' && status !== 'waiting') {
        for (const [id, elementState] of state.elements)
          if (elementState === 'compensating') state.elements.set(id, 'failed');
      }
      return;
    }
    case 'actor.created': {
      if (grow && actor.startsWith('sub:')) {
        const element = index.pendingChildren.shift();
        if (element !== undefined) index.childElement.set(actor, element);
      }
      return;
    }
    case 'event': {
      if (doc.kind === 'flow' && actor === 'flow')
        applyRootValue(state, data.value, doc, enter, take);
      // A service that starts the instance works without a delivery: done when its copy is idle.
      const node = nodeOf(actor);
      if (
        actor.startsWith('svc:') &&
        data.value === '__idle' &&
        (state.queues.get(node)?.busy ?? 0) === 0 &&
        state.elements.get(node) === 'active'
      )
        state.elements.set(node, 'completed');
      return;
    }
    case 'request': {
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
      return;
    }
    case 'result': {
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
      return;
    }
    case 'effect': {
      if (grow) {
        index.ledger.push({
          seq: entry.seq,
          atMs: entry.atMs,
          service: String(data.service),
          operation: String(data.operation),
          effectKey: String(data.effectKey),
          idempotencyKey: String(data.idempotencyKey),
          correlationId: String(data.correlationId),
          late: data.late === true,
          ...(text(data.elementId) ? { elementId: text(data.elementId) } : {}),
        });
      }
      state.ledgerLength += 1;
      return;
    }
    case 'publish': {
      const eventId = String(data.eventId);
      const from = publisherOf(entry);
      if (grow) index.publishers.set(eventId, { from, type: String(data.type), atMs: entry.atMs });
      for (const node of doc.eventNodesOf(data)) {
        if (!doc.has(node)) continue;
        take(doc.between.get(`${from}>${node}`));
        state.elements.set(node, 'completed');
        enter(node);
        for (const service of doc.subscribers.get(node) ?? []) {
          queueOf(state, service).pending.set(eventId, entry.atMs);
          state.inFlight.set(`${eventId}>${service}`, {
            eventId,
            type: String(data.type),
            from,
            to: service,
            publishedAtMs: entry.atMs,
          });
        }
      }
      return;
    }
    case 'delivery': {
      const service = String(data.service);
      const eventId = String(data.eventId);
      const queue = queueOf(state, service);
      queue.delivered += 1;
      queue.busy += 1;
      queue.pending.delete(eventId);
      state.inFlight.delete(`${eventId}>${service}`);
      state.deliveries.set(String(data.deliveryId), { service, eventId });
      const reaction = text(data.reaction);
      if (reaction !== undefined && doc.connectionIds.has(reaction)) take(reaction);
      if (doc.has(service)) {
        state.elements.set(service, 'active');
        enter(service);
      }
      return;
    }
    case 'delivery.postponed': {
      const service = String(data.service);
      const queue = queueOf(state, service);
      queue.downUntilMs = Math.max(queue.downUntilMs, Number(data.untilMs));
      if (doc.has(service) && queue.busy === 0) state.elements.set(service, 'waiting');
      return;
    }
    case 'settle': {
      const delivery = state.deliveries.get(String(data.deliveryId));
      state.deliveries.delete(String(data.deliveryId));
      const service = delivery?.service ?? nodeOf(actor);
      const queue = queueOf(state, service);
      queue.busy = Math.max(0, queue.busy - 1);
      const outcome = String(data.outcome);
      if (outcome === 'rejected' && delivery) {
        // Delivered again after a delay (a dead letter, if one follows, takes it back out).
        const published = index.publishers.get(delivery.eventId);
        queue.pending.set(delivery.eventId, published?.atMs ?? entry.atMs);
        state.inFlight.set(`${delivery.eventId}>${service}`, {
          eventId: delivery.eventId,
          type: published?.type ?? '',
          from: published?.from ?? 'outside',
          to: service,
          publishedAtMs: published?.atMs ?? entry.atMs,
        });
      }
      if (doc.has(service) && queue.busy === 0) {
        state.elements.set(
          service,
          outcome === 'rejected' ? 'retrying' : outcome === 'failed' ? 'failed' : 'completed',
        );
      }
      return;
    }
    case 'dead-letter': {
      const service = String(data.service);
      const eventId = String(data.eventId);
      const queue = queueOf(state, service);
      queue.deadLetters += 1;
      queue.pending.delete(eventId);
      state.inFlight.delete(`${eventId}>${service}`);
      if (doc.has(service)) state.elements.set(service, 'failed');
      return;
    }
    default:
      return;
  }
}

/** The actor whose element states the canvas shows: the root flow, or a map's service copies. */
function isRootActor(actor: string, doc: DocumentIndex): boolean {
  return doc.kind === 'flow' ? actor === 'flow' : actor.startsWith('svc:');
}

export const nodeOf = (actor: string): string =>
  actor.startsWith('svc:') ? (actor.split(':')[1] ?? actor) : actor;

/** Who published an event: a map's service node, a flow's element, or `outside`. */
export function publisherOf(entry: JournalEntry): string {
  const actor = entry.actor ?? '';
  if (actor.startsWith('svc:')) return nodeOf(actor);
  return text(entry.data.by) ?? 'outside';
}

function queueOf(state: FoldState, service: string): Queue {
  let queue = state.queues.get(service);
  if (!queue) {
    queue = { pending: new Map(), delivered: 0, deadLetters: 0, downUntilMs: -1, busy: 0 };
    state.queues.set(service, queue);
  }
  return queue;
}

function activeState(
  state: FoldState,
  elementId: string,
  subState: string | null,
): ElementRunState {
  for (const waiting of state.waits.values()) if (waiting === elementId) return 'waiting';
  return subState === 'retrying' ? 'retrying' : 'active';
}

/** Every element the machine's state value names, outermost first, with its sub-state. */
function elementsIn(value: unknown, doc: DocumentIndex, into: Map<string, string | null>): void {
  if (typeof value === 'string') {
    if (doc.has(value) && !into.has(value)) into.set(value, null);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (doc.has(key)) into.set(key, typeof inner === 'string' && !doc.has(inner) ? inner : null);
    elementsIn(inner, doc, into);
  }
}

/**
 * The root flow reached a new state value: elements it left are completed (or failed, when their
 * last call failed), elements it entered are active, and each entered element counts the
 * connection that led to it from an element just left (through gateways and events the machine
 * never rests in). Reaching no element at all follows the elements left to an end event.
 */
function applyRootValue(
  state: FoldState,
  value: unknown,
  doc: DocumentIndex,
  enter: (id: string) => void,
  take: (connectionId: string) => void,
): void {
  const next = new Map<string, string | null>();
  elementsIn(value, doc, next);
  if (!state.started) {
    state.started = true;
    for (const [id, element] of doc.elements)
      if (element.type === 'startEvent' && element.parent === undefined)
        state.pendingSources.add(id);
  }
  const left: string[] = [];
  for (const id of state.active.keys()) {
    if (next.has(id)) continue;
    left.push(id);
    const current = state.elements.get(id);
    if (current !== 'compensating' && current !== 'compensated') {
      const outcome = state.lastOutcome.get(id);
      state.elements.set(
        id,
        outcome !== undefined && FAILED_OUTCOMES.has(outcome) ? 'failed' : 'completed',
      );
    }
    state.pendingSources.add(id);
  }
  const previous = state.active;
  state.active = next;
  const reachedNow = new Set<string>();
  const enteredSoFar = new Set<string>();
  /** The machine is (or has just been) in `id`, so a connection from it may be what was taken. */
  const live = (id: string): boolean => {
    if (reachedNow.has(id) || enteredSoFar.has(id)) return true;
    // Still in it, as a parallel gateway is while its branches run.
    if (previous.has(id) && next.has(id)) return true;
    if (state.pendingSources.delete(id)) {
      reachedNow.add(id);
      // A start event is never a state: it is taken when what follows it is entered.
      if (!state.elements.has(id)) {
        state.elements.set(id, 'completed');
        enter(id);
      }
      return true;
    }
    const element = doc.elements.get(id);
    // A sub-process's start event is taken when the sub-process is entered.
    if (
      element?.type === 'startEvent' &&
      element.parent !== undefined &&
      next.has(element.parent)
    ) {
      reachedNow.add(id);
      return true;
    }
    return false;
  };
  const reach = (target: string, visited: Set<string>, depth: number): boolean => {
    let found = false;
    const element = doc.elements.get(target);
    if (element?.type === 'boundaryEvent' && live(element.attachedTo)) found = true;
    for (const connection of doc.incoming.get(target) ?? []) {
      const source = connection.source;
      if (live(source)) {
        take(connection.id);
        found = true;
        continue;
      }
      const sourceElement = doc.elements.get(source);
      if (!sourceElement || !PASS_THROUGH.has(sourceElement.type) || visited.has(source)) continue;
      if (depth >= MAX_PASS_THROUGH) continue;
      visited.add(source);
      if (reach(source, visited, depth + 1)) {
        take(connection.id);
        reachedNow.add(source);
        state.elements.set(source, 'completed');
        enter(source);
        found = true;
      }
    }
    return found;
  };
  for (const [id, subState] of next) {
    if (previous.has(id)) {
      const current = state.elements.get(id);
      if (current !== 'compensating' && current !== 'compensated')
        state.elements.set(id, activeState(state, id, subState));
      continue;
    }
    reach(id, new Set([id]), 0);
    enteredSoFar.add(id);
    state.pendingSources.delete(id);
    state.elements.set(id, activeState(state, id, subState));
    enter(id);
  }
  if (next.size === 0 && left.length > 0) reachEnd(state, left, doc, value, enter, take);
}

/** The run left its last element: the end event it reached through what the machine passes by. */
function reachEnd(
  state: FoldState,
  left: readonly string[],
  doc: DocumentIndex,
  value: unknown,
  enter: (id: string) => void,
  take: (connectionId: string) => void,
): void {
  const routes: { end: Element; connections: Connection[] }[] = [];
  const follow = (from: string, via: Connection[], visited: Set<string>) => {
    for (const connection of doc.outgoing.get(from) ?? []) {
      const target = doc.elements.get(connection.target);
      if (!target || visited.has(target.id)) continue;
      const route = [...via, connection];
      if (target.type === 'endEvent') routes.push({ end: target, connections: route });
      else if (PASS_THROUGH.has(target.type) && route.length < MAX_PASS_THROUGH)
        follow(target.id, route, new Set([...visited, target.id]));
    }
  };
  for (const id of left) follow(id, [], new Set([id]));
  if (routes.length === 0) return;
  const completed = value === '__completed';
  const isError = (end: Element) => end.type === 'endEvent' && end.result === 'error';
  const preferred = routes.filter((route) => isError(route.end) !== completed);
  const chosen = (preferred.length > 0 ? preferred : routes)[0]!;
  for (const connection of chosen.connections) {
    take(connection.id);
    const target = connection.target;
    state.pendingSources.delete(connection.source);
    state.elements.set(target, 'completed');
    enter(target);
  }
}

/** The timeline and sequence diagram, built as entries are appended. */
export class TimelineBuilder {
  private readonly bars: MutableBar[] = [];
  private readonly open = new Map<number, MutableBar>();
  /** Deadlines are drawn only once they fire: their requests until then. */
  private readonly deadlines = new Map<
    number,
    { entry: JournalEntry; row: string; label: string }
  >();
  private readonly deliveries = new Map<string, MutableBar>();
  private readonly serviceOfElement = new Map<string, string>();
  private readonly messages: SequenceMessage[] = [];
  private cache: readonly TimelineBar[] | null = null;
  private sequenceCache: readonly SequenceMessage[] | null = null;

  constructor(private readonly doc: DocumentIndex) {}

  add(entry: JournalEntry, index: FoldIndex): void {
    this.cache = null;
    this.sequenceCache = null;
    const data = entry.data;
    const name = text(data.name) ?? text(data.elementId) ?? '';
    const elementId = text(data.elementId) ?? null;
    if (entry.kind === 'request') {
      const effect = String(data.effect);
      const service = text(data.service);
      if (service !== undefined && elementId !== null)
        this.serviceOfElement.set(elementId, service);
      const start = (kind: TimelineBar['kind'], row: string, label: string) => {
        const bar: MutableBar = {
          row,
          elementId,
          label,
          kind,
          attempt: typeof data.attempt === 'number' ? data.attempt : 1,
          outcome: null,
          startMs: entry.atMs,
          endMs: null,
          startSeq: entry.seq,
          endSeq: null,
        };
        this.bars.push(bar);
        this.open.set(entry.seq, bar);
      };
      if (effect === 'call') start('call', service ?? name, name);
      else if (effect === 'compensate') start('compensation', service ?? name, name);
      else if (effect === 'subflow') start('call', name, name);
      else if (effect === 'person' || effect === 'await') start('wait', name, name);
      else if (effect === 'timer') {
        const purpose = String(data.purpose);
        const row = (elementId !== null ? this.serviceOfElement.get(elementId) : undefined) ?? name;
        if (purpose === 'retry' || purpose === 'compensation-retry')
          start('timer', row, `Back-off: ${name}`);
        else if (purpose === 'timeout' || purpose === 'boundary')
          this.deadlines.set(entry.seq, { entry, row: name, label: `Deadline: ${name}` });
        else start('timer', name, name);
      }
    } else if (entry.kind === 'result') {
      const requestSeq = Number(data.request);
      const outcome = String(data.outcome);
      const deadline = this.deadlines.get(requestSeq);
      if (deadline) {
        this.deadlines.delete(requestSeq);
        if (outcome === 'fired') {
          this.bars.push({
            row: deadline.row,
            elementId: text(deadline.entry.data.elementId) ?? null,
            label: deadline.label,
            kind: 'timer',
            attempt: 1,
            outcome,
            startMs: deadline.entry.atMs,
            endMs: entry.atMs,
            startSeq: deadline.entry.seq,
            endSeq: entry.seq,
          });
        }
        return;
      }
      const bar = this.open.get(requestSeq);
      if (!bar) return;
      this.open.delete(requestSeq);
      bar.outcome = outcome;
      bar.endMs = entry.atMs;
      bar.endSeq = entry.seq;
    } else if (entry.kind === 'publish') {
      const from = publisherOf(entry);
      this.messages.push({
        seq: entry.seq,
        atMs: entry.atMs,
        kind: 'publish',
        eventId: String(data.eventId),
        type: String(data.type),
        from,
        to: this.doc.eventNodesOf(data)[0] ?? null,
      });
    } else if (entry.kind === 'delivery') {
      const service = String(data.service);
      const eventId = String(data.eventId);
      const duplicate = data.duplicate === true;
      const attempt = typeof data.attempt === 'number' ? data.attempt : 1;
      const bar: MutableBar = {
        row: this.doc.serviceNameOf(service),
        elementId: this.doc.has(service) ? service : null,
        label: `${String(data.type)}${duplicate ? ' (duplicate)' : attempt > 1 ? ` (delivery ${attempt})` : ''}`,
        kind: 'delivery',
        attempt,
        outcome: null,
        startMs: entry.atMs,
        endMs: null,
        startSeq: entry.seq,
        endSeq: null,
      };
      this.bars.push(bar);
      this.deliveries.set(String(data.deliveryId), bar);
      this.messages.push({
        seq: entry.seq,
        atMs: entry.atMs,
        kind: duplicate ? 'duplicate' : attempt > 1 ? 'redelivery' : 'delivery',
        eventId,
        type: String(data.type),
        from: index.publishers.get(eventId)?.from ?? 'outside',
        to: service,
      });
    } else if (entry.kind === 'settle') {
      const bar = this.deliveries.get(String(data.deliveryId));
      if (!bar) return;
      this.deliveries.delete(String(data.deliveryId));
      bar.outcome = String(data.outcome);
      bar.endMs = entry.atMs;
      bar.endSeq = entry.seq;
    } else if (entry.kind === 'dead-letter') {
      const eventId = String(data.eventId);
      this.messages.push({
        seq: entry.seq,
        atMs: entry.atMs,
        kind: 'dead-letter',
        eventId,
        type: String(data.type),
        from: index.publishers.get(eventId)?.from ?? 'outside',
        to: String(data.service),
      });
    }
  }

  timeline(): readonly TimelineBar[] {
    this.cache ??= this.bars.map((bar) => ({ ...bar }));
    return this.cache;
  }

  sequence(): readonly SequenceMessage[] {
    this.sequenceCache ??= this.messages.slice();
    return this.sequenceCache;
  }
}

type MutableBar = { -readonly [K in keyof TimelineBar]: TimelineBar[K] };
