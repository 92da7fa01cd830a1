/**
 * How a compared document is described over every run of the sweep: who must know whom (its
 * coupling, read from calls or from who consumed whose events) and where an instance's state is.
 */
import type {
  ComparedDocument,
  Coupling,
  StateLocation,
} from '../../src-shared/patterns/compareTypes';
import type { RunDefinition } from '../runtime/definition';
import { serviceOfEntry, sorted, str, type Prepared, type Ran } from './compareRuns';

/** Who must know whom, and where the state is, over every run of the sweep. */
export function describeDocument(prepared: Prepared, ran: readonly Ran[]): ComparedDocument {
  const { definition, input } = prepared;
  return {
    name: input.document.name ?? input.file,
    file: input.file,
    kind: definition.kind === 'map' ? 'map' : 'flow',
    services: sorted(prepared.servicesInOrder),
    coupling: couplingOf(definition, ran),
    state: stateOf(definition, ran),
  };
}

function couplingOf(definition: RunDefinition, ran: readonly Ran[]): Coupling {
  const dependencies = new Set<string>();
  const knows = new Set<string>();
  if (definition.kind !== 'map') {
    for (const run of ran)
      for (const entry of run.journal)
        if (
          entry.kind === 'request' &&
          (entry.data.effect === 'call' || entry.data.effect === 'compensate')
        ) {
          dependencies.add(`${str(entry.data.service)}.${str(entry.data.operation)}`);
          knows.add(`coordinator -> ${str(entry.data.service)}`);
        }
    // A step it called can be undone: the coordinator knows that API too, even if no run needed it.
    for (const key of [...dependencies]) {
      const undo = definition.undoneBy[key];
      if (undo) dependencies.add(`${key.slice(0, key.lastIndexOf('.'))}.${undo}`);
    }
    return done('api', dependencies, knows);
  }
  for (const run of ran) {
    const producers = new Map<string, string>();
    for (const entry of run.journal) {
      if (entry.kind === 'publish') producers.set(str(entry.data.eventId), str(entry.data.by));
      if (entry.kind !== 'delivery') continue;
      const consumer = serviceOfEntry(entry, definition) ?? '';
      const producer = producers.get(str(entry.data.eventId)) ?? 'outside';
      dependencies.add(`${consumer} <- ${producer}: ${str(entry.data.type)}`);
      if (producer !== consumer && producer !== 'outside') knows.add(`${consumer} -> ${producer}`);
    }
  }
  return done('events', dependencies, knows);
}

const done = (
  style: Coupling['style'],
  dependencies: Set<string>,
  knows: Set<string>,
): Coupling => ({
  style,
  dependencies: sorted(dependencies),
  knows: sorted(knows),
  dependencyCount: dependencies.size,
  knowsCount: knows.size,
});

/**
 * A flow's instance state is the coordinator's: one place. A map's is spread over the services
 * that handled the correlation id (consumed one of its events or recorded an effect for it).
 */
function stateOf(definition: RunDefinition, ran: readonly Ran[]): StateLocation {
  const all = new Set<string>();
  let places = 0;
  for (const run of ran) {
    const holders = new Set<string>();
    for (const entry of run.journal) {
      if (entry.kind === 'effect') holders.add(str(entry.data.service));
      if (entry.kind === 'delivery') holders.add(serviceOfEntry(entry, definition) ?? '');
    }
    holders.forEach((holder) => all.add(holder));
    places = Math.max(places, holders.size);
  }
  return definition.kind === 'map'
    ? { kind: 'correlated', places, services: sorted(all) }
    : { kind: 'one-place', places: 1, services: sorted(all) };
}
