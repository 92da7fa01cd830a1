/**
 * The timeline and sequence diagram of the run view (runView.ts): bars for calls, waits, timers and
 * deliveries, and the messages of a map's broker, built as journal entries are appended.
 */
import type { JournalEntry } from '../contract/contract';
import type { SequenceMessage, TimelineBar } from './runView';
import { type DocumentIndex, publisherOf, text } from './runViewDocumentIndex';
import type { FoldIndex } from './runViewFoldState';

type MutableBar = { -readonly [K in keyof TimelineBar]: TimelineBar[K] };

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
    if (entry.kind === 'request') this.addRequest(entry);
    else if (entry.kind === 'result') this.addResult(entry);
    else if (entry.kind === 'publish') this.addPublish(entry);
    else if (entry.kind === 'delivery') this.addDelivery(entry, index);
    else if (entry.kind === 'settle') this.addSettle(entry);
    else if (entry.kind === 'dead-letter') this.addDeadLetter(entry, index);
  }

  timeline(): readonly TimelineBar[] {
    this.cache ??= this.bars.map((bar) => ({ ...bar }));
    return this.cache;
  }

  sequence(): readonly SequenceMessage[] {
    this.sequenceCache ??= this.messages.slice();
    return this.sequenceCache;
  }

  private addRequest(entry: JournalEntry): void {
    const data = entry.data;
    const name = text(data.name) ?? text(data.elementId) ?? '';
    const elementId = text(data.elementId) ?? null;
    const effect = String(data.effect);
    const service = text(data.service);
    if (service !== undefined && elementId !== null) this.serviceOfElement.set(elementId, service);
    const start = (kind: TimelineBar['kind'], row: string, label: string) => {
      const attempt = typeof data.attempt === 'number' ? data.attempt : 1;
      const bar = openBar(entry, { row, elementId, label, kind, attempt });
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
  }

  private addResult(entry: JournalEntry): void {
    const data = entry.data;
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
  }

  private addPublish(entry: JournalEntry): void {
    const data = entry.data;
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
  }

  private addDelivery(entry: JournalEntry, index: FoldIndex): void {
    const data = entry.data;
    const service = String(data.service);
    const eventId = String(data.eventId);
    const duplicate = data.duplicate === true;
    const attempt = typeof data.attempt === 'number' ? data.attempt : 1;
    const bar = openBar(entry, {
      row: this.doc.serviceNameOf(service),
      elementId: this.doc.has(service) ? service : null,
      label: `${String(data.type)}${duplicate ? ' (duplicate)' : attempt > 1 ? ` (delivery ${attempt})` : ''}`,
      kind: 'delivery',
      attempt,
    });
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
  }

  private addSettle(entry: JournalEntry): void {
    const data = entry.data;
    const bar = this.deliveries.get(String(data.deliveryId));
    if (!bar) return;
    this.deliveries.delete(String(data.deliveryId));
    bar.outcome = String(data.outcome);
    bar.endMs = entry.atMs;
    bar.endSeq = entry.seq;
  }

  private addDeadLetter(entry: JournalEntry, index: FoldIndex): void {
    const data = entry.data;
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

/** A bar that starts at `entry`, still open (no outcome, no end). */
function openBar(
  entry: JournalEntry,
  fields: Pick<MutableBar, 'row' | 'elementId' | 'label' | 'kind' | 'attempt'>,
): MutableBar {
  return {
    ...fields,
    outcome: null,
    startMs: entry.atMs,
    endMs: null,
    startSeq: entry.seq,
    endSeq: null,
  };
}
