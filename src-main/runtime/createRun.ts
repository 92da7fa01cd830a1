// Recording a run's start: its pinned definition, its row, its first journal entries (the start,
// the instance's actor) and its first agenda item, in one transaction; not yet scheduled.
import { randomUUID } from 'node:crypto';
import type { RunDefinition } from './definition';
import { makeWorld } from './loadWorld';
import type { RunStore } from './RunStore';
import type { StartOptions } from './Runtime';
import { StepBuilder, type RunWorld, type WorldState } from './RunWorld';

/** What a run starts from once its definition is pinned. */
export type RunStartOptions = Omit<StartOptions, 'document' | 'catalog' | 'resolve'>;

/** Records a run's start (its row, its first entries, its first agenda item); not yet scheduled. */
export function createRun(
  store: RunStore,
  now: () => number,
  definition: RunDefinition,
  options: RunStartOptions,
): RunWorld {
  const seed = options.seed ?? options.scenario.seed ?? 1;
  const correlationId = correlationIdOf(definition, options, seed);
  const state: WorldState = {
    seq: 0,
    nextAgenda: 0,
    nextEvent: 0,
    nextDelivery: 0,
    nextSub: 0,
    eventsSinceSnapshot: 0,
    actors: {},
  };
  return store.transaction(() => {
    const definitionHash = store.putBlob(JSON.stringify(definition));
    const row = store.insertRun({
      uid: `run-${randomUUID().replace(/-/g, '').slice(0, 12)}`,
      workflowId: options.workflowId ?? null,
      version: options.version ?? null,
      name: definition.name,
      kind: definition.kind,
      definitionHash,
      scenario: JSON.stringify(options.scenario),
      seed,
      correlationId,
      status: 'running',
      nowMs: 0,
      state: JSON.stringify(state),
      parentRun: null,
      forkedAt: null,
      createdAt: now(),
      mode: options.mode ?? 'run',
      breakpoints: options.breakpoints ?? [],
    });
    const world = makeWorld(row, definition, state);
    const step = firstStep(world, options, seed, correlationId);
    store.commit(
      [
        {
          run: row.id,
          journal: step.journal,
          agendaDeleted: [],
          agendaAdded: step.agendaAdded,
          update: {
            status: 'running',
            nowMs: 0,
            endedAtMs: null,
            state: JSON.stringify(world.state),
          },
        },
      ],
      now(),
    );
    return world;
  });
}

/** The scenario's correlation id, else the instance's ordering key, else one made of the name and seed. */
function correlationIdOf(
  definition: RunDefinition,
  options: RunStartOptions,
  seed: number,
): string {
  const input = options.scenario.input ?? {};
  const keyField = definition.orderingKey;
  const keyed = keyField ? input[keyField] : undefined;
  return (
    options.scenario.correlationId ??
    (typeof keyed === 'string' || typeof keyed === 'number'
      ? String(keyed)
      : `${slug(definition.name)}-${seed}`)
  );
}

/** Journals the run's start and its instance actor, and schedules the instance's start. */
function firstStep(
  world: RunWorld,
  options: RunStartOptions,
  seed: number,
  correlationId: string,
): StepBuilder {
  const definition = world.definition;
  const step = new StepBuilder(world);
  step.record('run.started', null, {
    name: definition.name,
    kind: definition.kind,
    seed,
    correlationId,
    input: options.scenario.input ?? {},
    scenario: options.scenario,
  });
  if (definition.kind === 'map')
    world.createActor('tracker', { machine: 'root', part: { kind: 'tracker' } }, step);
  else world.createActor('flow', { machine: 'root', part: { kind: 'flow' } }, step);
  step.schedule(0, 'start', definition.kind === 'map' ? 'tracker' : 'flow', {});
  for (const row of step.agendaAdded) world.admit(row);
  return step;
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'run'
  );
}
