// The run's compiled choreography map and the broker's settings for the run, read by publishing,
// delivery and the service machines' requesters.
import type { CompiledMap } from '../../src-shared/compiler/map/mapTypes';
import type { RunWorld } from './RunWorld';

/** Default broker timings in virtual ms (the scenario's `broker` overrides them). */
export const BROKER_LATENCY_MS = 5;
export const REDELIVERY_DELAY_MS = 1_000;

export function compiledMap(world: RunWorld): CompiledMap | undefined {
  return world.definition.kind === 'map'
    ? (JSON.parse(world.definition.root.text) as CompiledMap)
    : undefined;
}

const mapCache = new WeakMap<RunWorld, CompiledMap | undefined>();
export function mapOf(world: RunWorld): CompiledMap | undefined {
  if (!mapCache.has(world)) mapCache.set(world, compiledMap(world));
  return mapCache.get(world);
}

/** The broker's settings for this run: the map's, under the scenario's. */
export function brokerSettings(world: RunWorld) {
  const map = mapOf(world);
  const fromScenario = world.scenario.broker ?? {};
  return {
    duplicateRate: fromScenario.duplicateRate ?? map?.broker.settings.duplicateRate ?? 0,
    maxDeliveries: fromScenario.maxDeliveries ?? map?.broker.settings.maxDeliveries ?? 5,
    deadLetterQueue: map?.broker.settings.deadLetterQueue ?? true,
    latencyMs: fromScenario.latencyMs ?? BROKER_LATENCY_MS,
    redeliveryDelayMs: fromScenario.redeliveryDelayMs ?? REDELIVERY_DELAY_MS,
  };
}

/** The catalog service a map's service node stands for. */
export function serviceNameOf(world: RunWorld, node: string): string {
  return world.definition.serviceNames?.[node] ?? node;
}

/** Where a deduplicating reaction's inbox keeps an event it has handled. */
export const inboxKey = (reaction: string, eventId: string) => `${reaction}|${eventId}`;
