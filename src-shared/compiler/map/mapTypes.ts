import type { Broker } from '../../model/document';
import type { MachineJson } from '../machineTypes';

/** How an instance of a map ends: the status a terminal event stands for. */
export type TerminalStatus = 'completed' | 'compensated' | 'failed';

/** The event a service machine is working on (or the instance it starts), as the runtime sent it. */
export interface DeliveryInfo {
  readonly deliveryId: string;
  /** The event type node delivered, or the initial event to publish. */
  readonly eventType: string;
  /** The reaction (connection id) the broker delivered it to; absent when starting an instance. */
  readonly reaction?: string;
  readonly correlationId?: string;
  readonly payload?: Readonly<Record<string, unknown>>;
}

/**
 * A service machine's data: the delivery it is handling (null while idle), the step whose effect
 * is in flight (the `step` of the last effect asked for), and the data its reaction has so far:
 * the event's payload merged with the outputs of its calls.
 */
export interface ServiceMachineContext {
  delivery: DeliveryInfo | null;
  step: string | null;
  data: Record<string, unknown>;
}

/** One event an instance published, in the order the tracker heard of them. */
export interface Milestone {
  readonly eventType: string;
  readonly eventId?: string;
  /** The service node that published it; absent when published from outside. */
  readonly service?: string;
}

/** The tracker's data: every event the instance published, in order (duplicates included). */
export interface TrackerContext {
  milestones: Milestone[];
}

export type ServiceMachineJson = MachineJson<ServiceMachineContext>;
export type TrackerMachineJson = MachineJson<TrackerContext>;

/** A reaction subscribed to an event type: the broker delivers each event to every one. */
export interface Subscription {
  readonly service: string;
  /** The reaction's connection id. */
  readonly reaction: string;
  readonly idempotent: boolean;
  /** How many deliveries the service handles at once: copies of its machine the runtime runs. */
  readonly concurrency: number;
  /** Drops a copy of an event the reaction has handled (its inbox). */
  readonly deduplicates?: boolean;
}

/** What the runtime's broker needs to know: its settings and who listens to what. */
export interface BrokerWiring {
  /** The map's broker settings over `DEFAULT_BROKER`. */
  readonly settings: Broker;
  /** Catalog names of the event type nodes that have one, by node id. */
  readonly eventNames: Readonly<Record<string, string>>;
  /** Every event type node (in document order) and the reactions subscribed to it. */
  readonly subscriptions: Readonly<Record<string, readonly Subscription[]>>;
  /** Event type nodes that start an instance when published from outside. */
  readonly initialEvents: readonly string[];
  /** Event type nodes that end an instance, and how. */
  readonly terminalEvents: Readonly<Record<string, TerminalStatus>>;
}

/**
 * A compiled choreography map: one machine per service node (its reactive behaviour), the
 * broker's wiring, and the tracker that follows one instance's milestones. Plain JSON.
 */
export interface CompiledMap {
  readonly kind: 'map';
  readonly services: Readonly<Record<string, ServiceMachineJson>>;
  readonly broker: BrokerWiring;
  readonly tracker: TrackerMachineJson;
}

/** Tells a compiled map from a flow's machine (a stored machine may be either). */
export function isCompiledMap(value: unknown): value is CompiledMap {
  return (
    typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'map'
  );
}

/** The states of a service machine besides its reactions' (`react_*`) and starts' (`start_*`). */
export const SERVICE_STATES = { idle: '__idle' } as const;

/** How a delivery ended, as the runtime is told by `effect.settle`. */
export type DeliveryOutcome = 'succeeded' | 'failed' | 'skipped' | 'rejected';

/** The tracker's final state for each terminal status, and its state before. */
export const TRACKER_STATES = {
  running: '__running',
  completed: '__completed',
  compensated: '__compensated',
  failed: '__failed',
} as const;
