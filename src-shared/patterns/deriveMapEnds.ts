/**
 * The rest of a flow in a derived map: end events become terminal events, and the report says
 * what became of gateways, user tasks, timers and the other elements a map has no node for.
 */
import type { Element, ElementOf, WorkflowDocument } from '../model/document';
import type { Trigger } from './deriveMapGraph';
import { addEvent, eventName, link, publish, type MapDraft } from './deriveMapDraft';
import { pascal, reportEntry, unique } from './deriveShared';

type EndEvent = ElementOf<'endEvent'>;

const PASS_THROUGH = new Set<Element['type']>([
  'userTask',
  'timerEvent',
  'messageCatch',
  'messageThrow',
  'subProcess',
  'callActivity',
]);

const endStatus = (element: EndEvent) => (element.result === 'error' ? 'failed' : 'completed');

/** Derives the end events and reports the elements that are not service tasks (`start` is kept). */
export function deriveEnds(
  draft: MapDraft,
  flow: WorkflowDocument,
  start: string,
  triggersOf: (node: string) => Trigger[],
): void {
  for (const element of flow.model.elements) {
    if (element.type === 'endEvent') {
      deriveEnd(draft, element, triggersOf(element.id));
    } else if (PASS_THROUGH.has(element.type)) {
      draft.report.push(
        reportEntry(
          element,
          'skipped',
          element.type === 'userTask'
            ? 'a map has no person to decide: the next step reacts to the event before it, on the approve path; the reject path is not derived'
            : 'a map has no equivalent: the next step reacts to the event before it directly',
        ),
      );
    } else if (element.type === 'exclusiveGateway') {
      draft.report.push(
        reportEntry(
          element,
          'converted',
          'its path conditions become the conditions of the reactions after it',
        ),
      );
    } else if (element.type === 'boundaryEvent') {
      draft.report.push(reportEntry(element, 'skipped', 'a map reaction has no boundary events'));
    } else if (element.type === 'startEvent' && element.id !== start) {
      draft.report.push(
        reportEntry(
          element,
          'skipped',
          'only the flow’s first start event becomes the initial event',
        ),
      );
    }
  }
}

/**
 * End events: the completion event that reaches them ends the instance; where that event goes on
 * elsewhere too (or only under a condition), its publisher also publishes a terminal event of
 * the end's own, by a reaction that calls nothing.
 */
function deriveEnd(draft: MapDraft, element: EndEvent, triggers: readonly Trigger[]): void {
  const status = endStatus(element);
  const details: string[] = [];
  for (const trigger of triggers) {
    const node = draft.elements.find((candidate) => candidate.id === trigger.event);
    if (node?.type !== 'eventType') continue;
    const shared =
      trigger.condition !== undefined ||
      node.initial === true ||
      node.terminal !== undefined ||
      draft.connections.some((c) => c.source === trigger.event && c.reaction !== undefined);
    if (!shared) {
      node.terminal = status;
      link(draft, element.id, trigger.event);
      details.push(`${node.eventType ?? node.id} is terminal (${status})`);
      continue;
    }
    details.push(endReaction(draft, element, trigger, node.eventType ?? node.id));
  }
  draft.report.push(
    reportEntry(
      element,
      triggers.length > 0 && element.result !== 'terminate' ? 'converted' : 'approximated',
      details.length > 0 ? details.join('; ') : 'nothing reaches it',
    ),
  );
}

/** The publisher of the trigger's event publishes the end's own terminal event; returns the detail. */
function endReaction(
  draft: MapDraft,
  element: EndEvent,
  trigger: Trigger,
  eventType: string,
): string {
  const status = endStatus(element);
  const publisher = draft.connections.find((c) => c.target === trigger.event && !c.reaction);
  const publisherNode = draft.elements.find((candidate) => candidate.id === publisher?.source);
  if (publisherNode?.type !== 'service' || !publisherNode.service) {
    return `nothing but the outside publishes ${eventType}: not derived`;
  }
  const name = unique(eventName(pascal(element.name || element.id), 'End'), draft.eventNames);
  const end = addEvent(draft, name, publisherNode.service, `${element.name || element.id}.`, {
    terminal: status,
  });
  const edge = unique(`react_${trigger.event}_${element.id}`, draft.ids);
  draft.connections.push({
    id: edge,
    source: trigger.event,
    target: publisherNode.id,
    name: element.name || element.id,
    reaction: {
      ...(trigger.condition === undefined ? {} : { condition: trigger.condition }),
      operations: [],
      emitsOnSuccess: [end],
      emitsOnFailure: [],
      idempotent: true,
    },
  });
  publish(draft, publisherNode.id, end);
  link(draft, element.id, edge, end);
  return `${publisherNode.service} publishes ${name} (${status}) on ${eventType}`;
}
