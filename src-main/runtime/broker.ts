// The choreography broker, as the runtime sees it: publishing (`publishing.ts`), deliveries
// (`deliveries.ts`), the service machines' requesters (`serviceEffects.ts`), the run's map and
// settings (`brokerMap.ts`), and starting a map's instance.
import type { RunWorld, StepBuilder } from './RunWorld';
import { mapOf } from './brokerMap';
import { publishEvent } from './publishing';

export { BROKER_LATENCY_MS, REDELIVERY_DELAY_MS, compiledMap, serviceNameOf } from './brokerMap';
export { deliver } from './deliveries';
export { publishEvent } from './publishing';
export { serviceRequesters } from './serviceEffects';

/** Starts a map's instance: the service that publishes its initial event, or the event itself. */
export async function startMap(world: RunWorld, step: StepBuilder): Promise<void> {
  const map = mapOf(world);
  if (!map) return;
  const input = world.scenario.input ?? {};
  const payload = { ...input, correlationId: world.correlationId };
  for (const node of map.broker.initialEvents.slice(0, 1)) {
    const starter = Object.keys(map.services).find((service) =>
      (map.services[service]?.states?.__idle?.on?.['instance.start'] ?? []).some(
        (transition) => transition.guard?.params?.eventType === node,
      ),
    );
    if (starter) {
      const id = `svc:${starter}:0`;
      if (!world.actors.has(id))
        world.createActor(id, { machine: 'root', part: { kind: 'service', node: starter } }, step);
      await world.send(
        id,
        {
          type: 'instance.start',
          deliveryId: 'start',
          eventType: node,
          correlationId: world.correlationId,
          payload,
        },
        step,
      );
    } else {
      await publishEvent(world, step, {
        type: map.broker.eventNames[node] ?? node,
        node,
        payload,
        by: 'outside',
        actor: null,
      });
    }
  }
}
