// Active-element tracking: after each step, the document elements each actor of a run is at,
// kept in `state.active` for run lists, the debugger's stops and summaries.
import { pendingCompensation } from '../../src-shared/compiler/machineSetup';
import type { FlowMachineContext } from '../../src-shared/compiler/machineTypes';
import type { RunWorld } from './RunWorld';
import type { StepBuilder } from './StepBuilder';

/** Keeps `state.active` up to date for the actors this step moved. */
export function trackActive(world: RunWorld, step: StepBuilder): void {
  let active = world.state.active;
  for (const entry of step.journal) {
    if ((entry.kind !== 'event' && entry.kind !== 'actor.created') || !entry.actor) continue;
    const now = activeElementsOf(world, entry.actor);
    const was = active?.[entry.actor];
    if (now.length === 0 && !was) continue;
    active = { ...active, [entry.actor]: now };
    if (now.length === 0) delete active[entry.actor];
  }
  if (active !== world.state.active) world.state.active = active ?? {};
}

/**
 * The elements of the run's document an actor is at: element ids in a flow's state (and the
 * element being undone while it compensates), a map's service node while a copy handles a
 * delivery. Started flows (`sub:`) belong to other documents and count for nothing here.
 */
function activeElementsOf(world: RunWorld, actorId: string): string[] {
  const info = world.state.actors[actorId];
  const actor = world.actors.get(actorId);
  if (!info || !actor || actorId.startsWith('sub:')) return [];
  const snapshot = actor.getSnapshot() as {
    status: string;
    value: unknown;
    context: Record<string, unknown>;
  };
  if (snapshot.status === 'done' || info.part.kind === 'tracker') return [];
  if (info.part.kind === 'service') return snapshot.context.delivery ? [info.part.node] : [];
  const names = world.definition.root.names;
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (Object.hasOwn(names, value)) found.add(value);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (Object.hasOwn(names, key)) found.add(key);
      if (key === '__compensating') {
        const undoing = pendingCompensation(snapshot.context as unknown as FlowMachineContext);
        if (undoing) found.add(undoing);
      }
      walk(inner);
    }
  };
  walk(snapshot.value);
  if (snapshot.value === '__compensating') {
    const undoing = pendingCompensation(snapshot.context as unknown as FlowMachineContext);
    if (undoing) found.add(undoing);
  }
  return [...found];
}
