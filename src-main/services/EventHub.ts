import type { EventChannel, EventPayload } from '../../src-shared/contract/contract';

/** A message on one of the contract's event streams. */
export interface EventMessage<E extends EventChannel = EventChannel> {
  readonly channel: E;
  readonly payload: EventPayload<E>;
}

type Listener = (message: EventMessage) => void;

/** Fans events from the services out to every connected transport. */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener({ channel, payload });
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
