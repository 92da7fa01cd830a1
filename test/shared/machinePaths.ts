import { createActor, type AnyMachineSnapshot, type StateValue } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { createFlowMachine, type FlowEvent } from '../../src-shared/compiler/machineSetup';
import type { FlowMachineContext, MachineJson } from '../../src-shared/compiler/machineTypes';
import type { WorkflowDocument } from '../../src-shared/model/document';

/** Every state key active in a (nested) state value. */
export function activeKeys(value: StateValue): string[] {
  if (typeof value === 'string') return [value];
  return Object.entries(value).flatMap(([key, child]) => [
    key,
    ...(child ? activeKeys(child) : []),
  ]);
}

/**
 * The events the runtime could send a machine in this state: each result of each effect that
 * the active elements asked for (success and failure), the timers they started, and the
 * compensation results. This is what path enumeration explores.
 */
export function possibleEvents(doc: WorkflowDocument) {
  const byId = new Map(doc.model.elements.map((element) => [element.id, element]));
  const boundaryTimers = doc.model.elements.flatMap((element) =>
    element.type === 'boundaryEvent' && element.trigger === 'timer'
      ? [[element.attachedTo, element.id] as const]
      : [],
  );
  return (snapshot: { readonly value: unknown; readonly context: unknown }): FlowEvent[] => {
    const keys = activeKeys(snapshot.value as StateValue);
    const events: FlowEvent[] = [];
    for (const key of keys) {
      const element = byId.get(key);
      if (key === '__compensating') {
        const elementId = (snapshot.context as { completed: string[] }).completed.at(-1) ?? '';
        events.push(
          { type: 'compensation.ok', elementId },
          { type: 'compensation.failed', elementId },
        );
        events.push({ type: 'timer.fired', timerId: 'compensation-retry' });
      }
      if (!element) continue;
      const elementId = element.id;
      for (const [task, boundary] of boundaryTimers) {
        if (task === elementId)
          events.push({ type: 'timer.fired', timerId: `boundary:${boundary}` });
      }
      switch (element.type) {
        case 'startEvent':
          events.push({ type: 'instance.start', input: {} });
          break;
        case 'serviceTask':
          events.push({ type: 'call.ok', elementId }, { type: 'call.failed', elementId });
          events.push({ type: 'timer.fired', timerId: `retry:${elementId}` });
          break;
        case 'userTask':
          events.push({ type: 'user.approve', elementId }, { type: 'user.reject', elementId });
          events.push({ type: 'timer.fired', timerId: `timeout:${elementId}` });
          break;
        case 'exclusiveGateway':
          for (const path of doc.model.connections.filter((c) => c.source === elementId)) {
            events.push({ type: 'gateway.decided', elementId, connectionId: path.id });
          }
          break;
        case 'timerEvent':
          events.push({ type: 'timer.fired', timerId: `timer:${elementId}` });
          break;
        case 'messageCatch':
          events.push({ type: 'message.received', elementId });
          break;
        case 'messageThrow':
          events.push({ type: 'publish.done', elementId });
          break;
        case 'callActivity':
          events.push(
            { type: 'subflow.completed', elementId },
            { type: 'subflow.failed', elementId },
          );
          break;
        default:
          break;
      }
    }
    return events;
  };
}

/** A path through the machine: the events sent and every state entered on the way. */
export interface ExploredPath {
  readonly events: readonly FlowEvent[];
  readonly entered: readonly string[];
  readonly finalValue: StateValue;
}

/**
 * Enumerates the machine's shortest paths to every reachable state (xstate/graph), then replays
 * each one with an inspector that records every state entered, transient ones included.
 */
export function explorePaths(
  doc: WorkflowDocument,
  json: MachineJson,
  simple = false,
): ExploredPath[] {
  const machine = createFlowMachine(json);
  const options = {
    events: possibleEvents(doc),
    limit: 2_000_000,
    // A state is what can still decide the future: where the machine is, what is left to undo,
    // and the attempts of the elements that are active now (finished ones never retry again).
    serializeState: (snapshot: { value: unknown; context: unknown }) => {
      const { completed, pivoted, attempts, compensationAttempts } =
        snapshot.context as FlowMachineContext;
      const active = new Set(activeKeys(snapshot.value as StateValue));
      const live = Object.entries(attempts).filter(([id]) => active.has(id));
      return JSON.stringify([snapshot.value, completed, pivoted, live, compensationAttempts]);
    },
  };
  const paths = simple ? getSimplePaths(machine, options) : getShortestPaths(machine, options);
  return paths.map((path) => {
    const events = path.steps
      .map((step) => step.event as FlowEvent)
      .filter((event) => !event.type.startsWith('xstate.'));
    const entered: string[] = [];
    const actor = createActor(machine, {
      inspect: (inspection) => {
        if (inspection.type === '@xstate.microstep' || inspection.type === '@xstate.snapshot') {
          const value = (inspection.snapshot as AnyMachineSnapshot).value as StateValue;
          entered.push(...activeKeys(value));
        }
      },
    });
    actor.start();
    for (const event of events) actor.send(event);
    const finalValue = actor.getSnapshot().value as StateValue;
    actor.stop();
    return { events, entered, finalValue };
  });
}

/**
 * On every path that ends compensated, the compensations came in reverse order of the
 * compensable steps' completions. Returns how many such paths there were.
 */
export function checkCompensationOrder(
  doc: WorkflowDocument,
  paths: readonly ExploredPath[],
): number {
  const compensable = new Set(
    doc.model.elements.filter((e) => e.type === 'serviceTask' && e.compensation).map((e) => e.id),
  );
  const idsOf = (events: readonly FlowEvent[], type: FlowEvent['type']) =>
    events.flatMap((event) =>
      event.type === type &&
      'elementId' in event &&
      (type !== 'call.ok' || compensable.has(event.elementId))
        ? [event.elementId]
        : [],
    );
  const compensating = paths.filter((path) => path.finalValue === '__compensated');
  for (const path of compensating) {
    const completed = idsOf(path.events, 'call.ok');
    const undone = idsOf(path.events, 'compensation.ok');
    if (JSON.stringify(undone) !== JSON.stringify([...completed].reverse())) {
      throw new Error(`compensated ${undone.join(', ')} after completing ${completed.join(', ')}`);
    }
  }
  return compensating.length;
}
