import { typicalLatencyMs } from '../../model/catalog';
import type { Element, ElementOf } from '../../model/document';
import type { Diagnostic } from '../Diagnostic';
import { createDiagnostic } from '../diagnostics';
import type { FlowIndex } from '../flowIndex';
import type { RuleContext } from './ruleTypes';

/**
 * Lints the waits of a flow, the failure modes of DESIGN.md §2 about time: a service call
 * without a timeout (FLOW301), a user task nobody chases (FLOW304), and a timeout shorter than
 * the operation's typical latency, which invites a late success after compensation (FLOW305).
 */
export function checkTimeouts(flow: FlowIndex, context: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  flow.elements.forEach((element, index) => {
    const timers = timerBoundaries(flow, index);
    if (element.type === 'serviceTask') {
      if (element.timeoutMs === undefined && timers.length === 0) {
        diagnostics.push(
          createDiagnostic(
            'FLOW301',
            element,
            'has no timeout: a call that never answers blocks the instance',
          ),
        );
      }
      diagnostics.push(...tooShort(element, timers, context));
    } else if (element.type === 'userTask') {
      if (element.timeoutMs === undefined && timers.length === 0) {
        diagnostics.push(
          createDiagnostic(
            'FLOW304',
            element,
            'has no timeout and no timer boundary event: the instance may wait forever',
          ),
        );
      }
    }
  });
  return diagnostics;
}

function timerBoundaries(flow: FlowIndex, index: number): ElementOf<'boundaryEvent'>[] {
  const timers: ElementOf<'boundaryEvent'>[] = [];
  for (const boundary of flow.boundaries[index] ?? []) {
    const element: Element | undefined = flow.elements[boundary];
    if (element?.type === 'boundaryEvent' && element.trigger === 'timer') timers.push(element);
  }
  return timers;
}

function tooShort(
  task: ElementOf<'serviceTask'>,
  timers: readonly ElementOf<'boundaryEvent'>[],
  context: RuleContext,
): Diagnostic[] {
  if (!task.service || !task.operation) return [];
  const operation = context.operations.get(task.service)?.get(task.operation);
  if (!operation) return [];
  const latency = typicalLatencyMs(operation.mock);
  const limits: [string, number][] = [];
  if (task.timeoutMs !== undefined) limits.push(['times out', task.timeoutMs]);
  for (const timer of timers) {
    if (timer.timer && 'durationMs' in timer.timer) {
      limits.push([`is interrupted by timer ${timer.id}`, timer.timer.durationMs]);
    }
  }
  const short = limits.find(([, limitMs]) => limitMs < latency);
  if (!short) return [];
  const [what, limitMs] = short;
  return [
    createDiagnostic(
      'FLOW305',
      task,
      `${what} after ${limitMs} ms, but ${task.service}.${task.operation} typically takes ${latency} ms: it may be compensated and then succeed late`,
    ),
  ];
}
