/**
 * How the debugger's panels put a run into words: virtual times, and a one-line summary of each
 * journal entry (the runtime's one trace type, src-main/runtime/README.md).
 */
import type { JournalEntry } from '../../../src-shared/contract/contract';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A virtual time or duration: `420 ms`, `12.345 s`, `3:05.120`, `2 d 01:00:03`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '−' : '';
  const value = Math.abs(Math.round(ms));
  if (value < 1_000) return `${sign}${value} ms`;
  if (value < 60_000) return `${sign}${(value / 1_000).toFixed(3)} s`;
  const days = Math.floor(value / 86_400_000);
  const hours = Math.floor(value / 3_600_000) % 24;
  const minutes = Math.floor(value / 60_000) % 60;
  const seconds = Math.floor(value / 1_000) % 60;
  const millis = value % 1_000;
  if (days > 0) return `${sign}${days} d ${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  if (hours > 0) return `${sign}${hours}:${pad(minutes)}:${pad(seconds)}`;
  return `${sign}${minutes}:${pad(seconds)}.${pad(millis, 3)}`;
}

const str = (value: unknown, fallback = '?') =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;

/** A machine's state value as a short path: `chargePayment.retrying`, `__compensating.calling`. */
export function stateText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return String(value);
  const parts = Object.entries(value as Record<string, unknown>).map(([key, inner]) => {
    const rest = stateText(inner);
    return key === '__run' ? rest : `${key}.${rest}`;
  });
  return parts.length === 1 ? parts[0]! : `{${parts.join(', ')}}`;
}

const clip = (text: string, length = 160) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

/** One line saying what a journal entry records. */
export function summarizeEntry(entry: JournalEntry): string {
  const data = entry.data;
  switch (entry.kind) {
    case 'run.started':
      return `Run started: ${str(data.name)} (seed ${str(data.seed)}, correlation ${str(data.correlationId)})`;
    case 'actor.created': {
      const part = (data.part ?? {}) as { kind?: unknown; node?: unknown };
      return `Instance ${entry.actor ?? ''} created (${str(part.kind)}${part.node ? ` ${str(part.node)}` : ''})`;
    }
    case 'event': {
      const event = (data.event ?? {}) as { type?: unknown };
      return clip(`${str(event.type)} → ${stateText(data.value)}`);
    }
    case 'request':
      return clip(requestText(data));
    case 'result':
      return clip(
        `${str(data.outcome)} (request #${str(data.request)})${data.error ? `: ${str(data.error)}` : ''}`,
      );
    case 'effect':
      return `${str(data.service)}.${str(data.operation)} performed${data.late === true ? ' late' : ''}`;
    case 'effect.repeated':
      return `Key seen before, answered with the first effect (#${str(data.first)})`;
    case 'publish':
      return `${str(data.type)} published by ${str(data.by)} (${str(data.eventId)})`;
    case 'delivery':
      return `${str(data.type)} delivered to ${str(data.service)} (delivery ${str(data.attempt, '1')}${data.duplicate === true ? ', duplicate' : ''}${data.dropped === true ? ', dropped: handled before' : ''})`;
    case 'delivery.postponed':
      return `${str(data.type)} for ${str(data.service)} held: consumer down until ${formatMs(Number(data.untilMs))}`;
    case 'settle':
      return `Delivery ${str(data.deliveryId)} of ${str(data.eventId)} ${str(data.outcome)}`;
    case 'dead-letter':
      return `${str(data.type)} dead-lettered at ${str(data.service)} after ${str(data.deliveries)} deliveries`;
    case 'run.status':
      return `Run ${str(data.from)} → ${str(data.status)}`;
    case 'fault':
      return clip(`Fault: ${str(data.message)}`);
    default:
      return clip(JSON.stringify(data));
  }
}

function requestText(data: Readonly<Record<string, unknown>>): string {
  const attempt =
    typeof data.attempt === 'number' && data.attempt > 1 ? `, attempt ${data.attempt}` : '';
  switch (data.effect) {
    case 'call':
      return `Call ${str(data.service)}.${str(data.operation)}${attempt}`;
    case 'compensate':
      return `Undo with ${str(data.service)}.${str(data.operation)}${attempt}`;
    case 'timer':
      return `Timer (${str(data.purpose)}) for ${formatMs(Number(data.delayMs))}`;
    case 'person':
      return `Waiting for ${str(data.assignee, 'a person')}: ${str(data.name)}`;
    case 'await':
      return `Awaiting ${str(data.eventType, 'an event')}: ${str(data.name)}`;
    case 'decide':
      return `Deciding ${str(data.name)}`;
    case 'condition':
      return `Evaluating ${str(data.name)}`;
    case 'publish':
      return `Publishing ${str(data.eventType)}`;
    case 'subflow':
      return `Starting flow ${str(data.flow)}`;
    default:
      return `${str(data.effect)} ${str(data.name, '')}`.trim();
  }
}
