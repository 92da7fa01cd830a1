import type { Element, ElementOf } from '../../model/document';
import type { Diagnostic } from '../Diagnostic';
import { createDiagnostic } from '../diagnostics';
import type { FlowIndex } from '../flowIndex';
import type { RuleContext } from './ruleTypes';

/**
 * Checks what service tasks, call activities and message events point to: the service and
 * operation (FLOW101–FLOW103), the compensating operation (FLOW104), the called flow and version
 * (FLOW105, FLOW106) when the workspace's flows are known, and the event type (FLOW107) when the
 * catalog has events.
 */
export function checkReferences(flow: FlowIndex, context: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const element of flow.elements) {
    if (element.type === 'serviceTask') diagnostics.push(...serviceCall(element, context));
    if (element.type === 'callActivity') diagnostics.push(...calledFlow(element, context));
    const unknownEvent = unknownEventType(element, context);
    if (unknownEvent) diagnostics.push(unknownEvent);
  }
  return diagnostics;
}

/** A message start, catch or throw whose event type the events catalog does not have. */
function unknownEventType(element: Element, context: RuleContext): Diagnostic | undefined {
  if (!context.eventTypes) return undefined;
  const isMessage =
    element.type === 'messageCatch' ||
    element.type === 'messageThrow' ||
    (element.type === 'startEvent' && element.trigger === 'message');
  if (!isMessage || element.eventType === undefined) return undefined;
  if (context.eventTypes.has(element.eventType)) return undefined;
  const verb = element.type === 'messageThrow' ? 'publishes' : 'waits for';
  return createDiagnostic(
    'FLOW107',
    element,
    `${verb} event type ${element.eventType}, which is not in the events catalog`,
  );
}

function serviceCall(task: ElementOf<'serviceTask'>, context: RuleContext): Diagnostic[] {
  const { service, operation, compensation } = task;
  if (!service || !operation) {
    const missing = [!service && 'service', !operation && 'operation'];
    const what = missing.filter(Boolean).join(' and ');
    return [createDiagnostic('FLOW101', task, `calls no ${what}`)];
  }
  const operations = context.operations.get(service);
  if (!operations) {
    return [
      createDiagnostic('FLOW102', task, `calls service ${service}, which is not in the catalog`),
    ];
  }
  const diagnostics: Diagnostic[] = [];
  if (!operations.has(operation)) {
    diagnostics.push(
      createDiagnostic(
        'FLOW103',
        task,
        `calls ${service}.${operation}, which ${service} does not offer`,
      ),
    );
  }
  if (compensation && !operations.has(compensation.operation)) {
    diagnostics.push(
      createDiagnostic(
        'FLOW104',
        task,
        `is compensated by ${service}.${compensation.operation}, which ${service} does not offer`,
      ),
    );
  }
  return diagnostics;
}

function calledFlow(call: ElementOf<'callActivity'>, context: RuleContext): Diagnostic[] {
  if (call.flowId.trim() === '') return [createDiagnostic('FLOW105', call, 'calls no flow')];
  if (!context.flowVersions) return [];
  const versions = context.flowVersions(call.flowId);
  if (versions === undefined) {
    return [
      createDiagnostic('FLOW105', call, `calls flow ${call.flowId}, which is not in the workspace`),
    ];
  }
  if (call.version === 'latest' ? versions.length > 0 : versions.includes(call.version)) return [];
  const wanted = call.version === 'latest' ? 'its latest version' : `version ${call.version}`;
  const saved = versions.length === 0 ? 'none is saved' : `saved: ${versions.join(', ')}`;
  return [
    createDiagnostic('FLOW106', call, `calls ${wanted} of flow ${call.flowId}, but ${saved}`),
  ];
}
