import type { ElementOf } from '../../model/document';
import type { Diagnostic } from '../Diagnostic';
import { aTypeLabel, createDiagnostic } from '../diagnostics';
import type { FlowIndex } from '../flowIndex';

/**
 * Checks events: boundary events attached to something that is not an activity (FLOW015), and
 * timer or message triggers missing their timer or event type (FLOW016).
 */
export function checkEvents(flow: FlowIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  flow.elements.forEach((element, index) => {
    if (element.type === 'boundaryEvent') {
      if ((flow.host[index] ?? -1) < 0) {
        diagnostics.push(createDiagnostic('FLOW015', element, hostProblem(flow, element)));
      }
      if (element.trigger === 'timer' && element.timer === undefined) {
        diagnostics.push(
          createDiagnostic('FLOW016', element, 'is a timer boundary without a timer'),
        );
      }
    }
    if (element.type === 'startEvent') {
      if (element.trigger === 'timer' && element.timer === undefined) {
        diagnostics.push(createDiagnostic('FLOW016', element, 'is a timer start without a timer'));
      }
      if (element.trigger === 'message' && element.eventType === undefined) {
        diagnostics.push(
          createDiagnostic('FLOW016', element, 'is a message start without an event type'),
        );
      }
    }
  });
  return diagnostics;
}

function hostProblem(flow: FlowIndex, boundary: ElementOf<'boundaryEvent'>): string {
  if (boundary.attachedTo === boundary.id) return 'is attached to itself';
  const host = flow.elements[flow.position.get(boundary.attachedTo) ?? -1];
  if (!host) return `is attached to ${boundary.attachedTo}, which does not exist`;
  return `is attached to ${host.id}, ${aTypeLabel(host.type)}; only activities carry boundary events`;
}
