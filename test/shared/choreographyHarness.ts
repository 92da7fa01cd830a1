import { createActor } from 'xstate';
import {
  createServiceMachine,
  createTrackerMachine,
  type MapEffectHandler,
  type ServiceEvent,
} from '../../src-shared/compiler/map/mapMachineSetup';
import type { CompiledMap } from '../../src-shared/compiler/map/mapTypes';

type Request = Parameters<MapEffectHandler>[0];

/** What a scripted run does with each effect: which calls fail, whether conditions hold. */
export interface Script {
  /** `Service.operation` calls that fail. */
  readonly failing?: ReadonlySet<string>;
  readonly conditionHolds?: boolean;
  readonly subflowCompletes?: boolean;
}

/**
 * A tiny in-memory runtime for a compiled map, enough to watch a choreography play out in tests:
 * the instance starts with the service that publishes the initial event (or from outside); one
 * copy of each service machine, an inbox per service drained while its copy is idle, every
 * effect performed at once as the script says, and the tracker told of every published event.
 * Returns what happened, in order, the tracker's final snapshot and each service's state.
 */
export function runChoreography(compiled: CompiledMap, initialEvent: string, script: Script = {}) {
  const log: string[] = [];
  const pending: (() => void)[] = [];
  const tracker = createActor(createTrackerMachine(compiled.tracker)).start();
  const inbox = new Map<string, ServiceEvent[]>();
  const actors = new Map(
    Object.entries(compiled.services).map(([id, json]) => {
      inbox.set(id, []);
      const actor = createActor(
        createServiceMachine(json, (request) => pending.push(() => perform(id, request))),
      );
      return [id, actor.start()] as const;
    }),
  );
  let deliveries = 0;

  const publish = (eventType: string, service?: string) => {
    log.push(`${service ?? 'outside'} publishes ${eventType}`);
    tracker.send({ type: 'event.published', eventType, ...(service ? { service } : {}) });
    for (const { service: target, reaction } of compiled.broker.subscriptions[eventType] ?? []) {
      deliveries += 1;
      inbox.get(target)?.push({
        type: 'event.delivered',
        eventType,
        reaction,
        deliveryId: `d${deliveries}`,
        payload: { amount: 120 },
      });
    }
  };

  function perform(serviceId: string, { effect, params, context }: Request) {
    const actor = actors.get(serviceId)!;
    const result = { deliveryId: context.delivery?.deliveryId ?? '', step: String(params.step) };
    if (effect === 'effect.call') {
      const failed = script.failing?.has(`${String(params.service)}.${String(params.operation)}`);
      log.push(`${serviceId} calls ${String(params.operation)}${failed ? ': fails' : ''}`);
      actor.send({ type: failed ? 'call.failed' : 'call.ok', ...result });
    } else if (effect === 'effect.publish') {
      publish(String(params.eventType), serviceId);
      actor.send({ type: 'publish.done', ...result });
    } else if (effect === 'effect.evaluate') {
      actor.send({ type: 'condition.decided', holds: script.conditionHolds ?? true, ...result });
    } else if (effect === 'effect.startSubflow') {
      const completes = script.subflowCompletes ?? true;
      actor.send({ type: completes ? 'subflow.completed' : 'subflow.failed', ...result });
    } else {
      log.push(`${serviceId} settles ${String(params.outcome)}`);
    }
  }

  const starter = Object.entries(compiled.services).find(([, json]) =>
    json.states?.__idle?.on?.['instance.start']?.some(
      (transition) => transition.guard?.params?.eventType === initialEvent,
    ),
  )?.[0];
  if (starter) {
    actors
      .get(starter)!
      .send({ type: 'instance.start', eventType: initialEvent, deliveryId: 's1' });
  } else publish(initialEvent);
  for (;;) {
    const next = pending.shift();
    if (next) {
      next();
      continue;
    }
    const ready = [...actors].find(
      ([id, actor]) => actor.getSnapshot().value === '__idle' && inbox.get(id)!.length > 0,
    );
    if (!ready) break;
    ready[1].send(inbox.get(ready[0])!.shift()!);
  }
  const services = Object.fromEntries(
    [...actors].map(([id, actor]) => [id, actor.getSnapshot().value]),
  );
  return { log, tracker: tracker.getSnapshot(), services };
}
