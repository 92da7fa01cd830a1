/**
 * The service tasks of a flow in a derived map: each becomes a reaction of its service to the
 * event before it, publishing a completion event or a failure event that starts its compensation.
 */
import type { Element } from '../model/document';
import { DEFAULT_BROKER } from '../model/document';
import type { Task, Trigger } from './deriveMapGraph';
import {
  addEvent,
  addReaction,
  attemptsOf,
  completionOf,
  honours,
  link,
  publish,
  serviceNode,
  subjectAndVerb,
  type MapDraft,
} from './deriveMapDraft';
import { pascal, reportEntry, unique } from './deriveShared';

/** What the tasks are derived with: the flow's reading and the compensation of a failure. */
export interface TaskPlan {
  readonly triggersOf: (node: string) => Trigger[];
  /** The compensable tasks completed before the task, nearest first (none after a pivot). */
  readonly doneBefore: (task: string) => Task[];
  readonly compensate: (from: string, chain: readonly Task[]) => void;
}

/** Derives the service tasks in chain order; after a pivot, failures undo nothing. */
export function deriveTasks(draft: MapDraft, order: readonly Task[], plan: TaskPlan): void {
  let pivoted = false;
  for (const task of order) {
    if (!task.service || !task.operation) {
      draft.report.push(reportEntry(task, 'skipped', 'it names no service operation to call'));
      continue;
    }
    deriveTask(draft, task, pivoted ? [] : plan.doneBefore(task.id), plan);
    if (task.pivot) pivoted = true;
  }
}

function deriveTask(draft: MapDraft, task: Task, chain: readonly Task[], plan: TaskPlan): void {
  const service = serviceNode(draft, task.service!);
  const done = completionOf(draft, task);
  const { fail, failId } = addFailure(draft, task, chain);
  const edges = plan.triggersOf(task.id).map((trigger) =>
    addReaction(draft, {
      id: task.id,
      event: trigger.event,
      service,
      name: task.name || task.id,
      operation: task.operation!,
      input: task.input,
      emitsOnSuccess: [done],
      emitsOnFailure: [failId],
      condition: trigger.condition,
      maxAttempts: attemptsOf(task),
    }),
  );
  if (edges.length === 0) {
    draft.report.push(
      reportEntry(task, 'skipped', 'nothing before it publishes an event it could react to'),
    );
  }
  publish(draft, service, done);
  publish(draft, service, failId);
  link(draft, task.id, service, ...edges, done, failId);
  plan.compensate(failId, chain);
  const notes = taskNotes(draft, task, service, fail);
  draft.report.push(
    reportEntry(
      task,
      notes.length > 0 ? 'approximated' : 'converted',
      [
        `${task.service} reacts with ${task.operation}, publishing ${eventNameOf(draft.elements, done)} or ${fail}`,
        ...notes,
      ].join('; '),
    ),
  );
}

/** The task's failure event: terminal `failed` when there is nothing to undo. */
function addFailure(
  draft: MapDraft,
  task: Task,
  chain: readonly Task[],
): { fail: string; failId: string } {
  const failBase = `${subjectAndVerb(task).subject}Failed`;
  const fail = unique(
    draft.eventNames.has(failBase) ? `${pascal(task.name || task.id)}Failed` : failBase,
    draft.eventNames,
  );
  const failId = addEvent(
    draft,
    fail,
    task.service!,
    `${task.name || task.id} failed.`,
    chain.length === 0 ? { terminal: 'failed' } : {},
  );
  return { fail, failId };
}

/** What of the task the map does not keep as it is. */
function taskNotes(draft: MapDraft, task: Task, service: string, fail: string): string[] {
  const notes: string[] = [];
  if (task.output)
    notes.push(
      'its output mapping is dropped: the call’s result is merged into the event as it is',
    );
  if (task.retry && task.retry.maxAttempts > 1)
    notes.push(
      attemptsOf(task) === task.retry.maxAttempts
        ? `its ${task.retry.maxAttempts} attempts become ${task.retry.maxAttempts} deliveries before ${fail} is published, with the broker’s redelivery delay between them instead of the flow’s back-off`
        : `its ${task.retry.maxAttempts} attempts become ${attemptsOf(task)} deliveries before ${fail} is published (the broker delivers an event at most ${DEFAULT_BROKER.maxDeliveries} times), with the broker’s redelivery delay between them instead of the flow’s back-off`,
    );
  if (task.timeoutMs !== undefined) notes.push('its timeout is not kept (a reaction has none)');
  if (task.pivot)
    notes.push('a pivot: failures after it end the instance as failed, with nothing undone');
  if (!honours(draft, service, task.operation!))
    notes.push(
      `${task.service}.${task.operation} does not honour idempotency keys in the catalog, so the reaction deduplicates: ${task.service} keeps the ids of the events it handled (an inbox) and drops a copy, as the flow calls the step once per instance`,
    );
  return notes;
}

/** The event type of an event node (its id if it has none). */
function eventNameOf(elements: readonly Element[], id: string): string {
  const node = elements.find((element) => element.id === id);
  return (node?.type === 'eventType' ? node.eventType : undefined) ?? id;
}
