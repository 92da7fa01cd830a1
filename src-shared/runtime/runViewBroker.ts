/**
 * The run view's fold on a map's broker (runViewFold.ts): the reducers of the entries that publish,
 * deliver, postpone, settle and dead-letter events, keeping each consumer's queue and the events
 * on their way.
 */
import { nodeOf, publisherOf, text } from './runViewDocumentIndex';
import { type FoldStep, queueOf } from './runViewFoldState';

/** An event was published: the event type nodes it reached, and a pending event per subscriber. */
export function applyPublish({ state, entry, doc, index, grow, enter, take }: FoldStep): void {
  const data = entry.data;
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
}

/** A consumer took an event: it is busy with it, and it is no longer on its way. */
export function applyDelivery({ state, entry, doc, enter, take }: FoldStep): void {
  const data = entry.data;
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
}

/** A consumer is down: deliveries to it wait until the window ends. */
export function applyPostponed({ state, entry, doc }: FoldStep): void {
  const data = entry.data;
  const service = String(data.service);
  const queue = queueOf(state, service);
  queue.downUntilMs = Math.max(queue.downUntilMs, Number(data.untilMs));
  if (doc.has(service) && queue.busy === 0) state.elements.set(service, 'waiting');
}

/** A consumer settled a delivery: done, failed, or rejected (to be delivered again). */
export function applySettle({ state, entry, doc, index, actor }: FoldStep): void {
  const data = entry.data;
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
}

/** An event was given up on for a consumer: it leaves the queue, and the consumer failed. */
export function applyDeadLetter({ state, entry, doc }: FoldStep): void {
  const data = entry.data;
  const service = String(data.service);
  const eventId = String(data.eventId);
  const queue = queueOf(state, service);
  queue.deadLetters += 1;
  queue.pending.delete(eventId);
  state.inFlight.delete(`${eventId}>${service}`);
  if (doc.has(service)) state.elements.set(service, 'failed');
}
