/**
 * The flow's compensation in a derived map: reactions to a failure event that undo the completed
 * steps in reverse order, and the undo operations written into the catalog.
 */
import type { Service } from '../model/catalog';
import type { Element } from '../model/document';
import type { Task } from './deriveMapGraph';
import type { MapDraft } from './deriveMapDraft';
import {
  addEvent,
  addReaction,
  link,
  publish,
  serviceNode,
  subjectAndVerb,
} from './deriveMapDraft';
import { pascal, pastTense, unique } from './deriveShared';

/**
 * Compensations: undoing task j reacts to the failure that starts the chain, or to the next
 * undo's completion; the last undo ends the instance as compensated. The function returned adds
 * the chain of undos after a failure event (`chain` nearest first), each reaction and event once.
 */
export function compensator(draft: MapDraft): (from: string, chain: readonly Task[]) => void {
  const undone = new Map<string, string>();
  const undoEvent = (task: Task, last: boolean) => {
    let id = undone.get(task.id);
    if (id === undefined) {
      const { subject } = subjectAndVerb(task);
      const operation = task.compensation!.operation ?? 'undo';
      const name = unique(`${subject}${pascal(pastTense(operation))}`, draft.eventNames);
      id = addEvent(
        draft,
        name,
        task.service ?? 'Outside',
        `${task.name || task.id} was undone (${operation}).`,
        last ? { terminal: 'compensated' } : {},
      );
      undone.set(task.id, id);
    }
    return id;
  };
  const compensationEdges = new Set<string>();
  return (from, chain) => {
    let event = from;
    chain.forEach((task, index) => {
      const key = `${event}->${task.id}`;
      const target = undoEvent(task, index === chain.length - 1);
      if (!compensationEdges.has(key)) {
        compensationEdges.add(key);
        undo(draft, task, event, target);
      }
      event = target;
    });
  };
}

/** The reaction that undoes `task` on `event`, publishing `target`. */
function undo(draft: MapDraft, task: Task, event: string, target: string): void {
  const service = serviceNode(draft, task.service!);
  const compensation = task.compensation!;
  const edge = addReaction(draft, {
    id: `${task.id}_undo`,
    event,
    service,
    name: `Undo ${task.name || task.id}`,
    operation: compensation.operation ?? 'undo',
    input: compensation.input,
    emitsOnSuccess: [target],
    emitsOnFailure: [],
  });
  publish(draft, service, target);
  link(draft, task.id, edge, target);
}

/**
 * The flow's compensations written into the catalog (`reserve` is undone by `release`): in a map
 * nothing else says what undoes what, and the consistency verdict needs it to find an effect left
 * standing. An operation that already names its undo keeps it.
 */
export function withUndos(services: readonly Service[], elements: readonly Element[]): Service[] {
  const undos = new Map<string, string>();
  for (const element of elements) {
    if (element.type !== 'serviceTask' || !element.service || !element.compensation?.operation)
      continue;
    undos.set(`${element.service}.${element.operation}`, element.compensation.operation);
  }
  return services.map((service) => {
    const names = new Set(service.operations.map((operation) => operation.name));
    return {
      ...service,
      operations: service.operations.map((operation) => {
        const undo = undos.get(`${service.name}.${operation.name}`);
        return operation.compensatedBy || !undo || !names.has(undo) || undo === operation.name
          ? operation
          : { ...operation, compensatedBy: undo };
      }),
    };
  });
}
