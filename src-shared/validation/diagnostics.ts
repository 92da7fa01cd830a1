import type { Element } from '../model/document';
import { elementTypeInfo } from '../model/elementTypes';
import type { Diagnostic, Severity } from './Diagnostic';
import { catalogued, describeSubjectAs, type Subject } from './subjects';

/** The four families of flow diagnostics, in the order the catalogue lists them. */
export type DiagnosticGroup = 'structure' | 'references' | 'expressions' | 'failure modes';

/** What every diagnostic of one code shares: how bad it is, a short title and help on fixing it. */
export interface CatalogueEntry {
  readonly group: DiagnosticGroup;
  readonly severity: Severity;
  readonly title: string;
  readonly help: string;
}

const entry = (
  group: DiagnosticGroup,
  severity: Severity,
  title: string,
  help: string,
): CatalogueEntry => ({ group, severity, title, help });

const structure = (severity: Severity, title: string, help: string) =>
  entry('structure', severity, title, help);

/**
 * The catalogue of orchestration-flow diagnostics. Codes are grouped by hundreds: `FLOW0xx`
 * structure, `FLOW1xx` references, `FLOW2xx` expressions, `FLOW3xx` the failure modes of
 * DESIGN.md §2. A code, once published, keeps its meaning: `docs/diagnostics.md` documents each.
 */
export const flowDiagnostics = {
  FLOW001: structure('error', 'No start event', 'Add a start event at the top level of the flow.'),
  FLOW002: structure(
    'error',
    'Several start events',
    'Keep one start event at the top level; a message or timer start covers the other triggers.',
  ),
  FLOW003: structure(
    'error',
    'Unreachable element',
    'Connect the element to a path from the start event, or delete it.',
  ),
  FLOW004: structure(
    'error',
    'Path that never ends',
    'Give the element an outgoing path that leads to an end event, or give the loop an exit.',
  ),
  FLOW005: structure(
    'error',
    'Gateway that neither splits nor merges',
    'A gateway splits (more than one outgoing path) or merges (more than one incoming path); delete it or add the missing paths.',
  ),
  FLOW006: structure(
    'error',
    'Parallel fork without a matching join',
    'Lead every branch of the fork to one parallel join, and end the flow after the join.',
  ),
  FLOW007: structure(
    'error',
    'Parallel join without a matching fork',
    'A parallel join waits for every incoming path: make them the branches of one parallel fork, or merge alternatives with an exclusive gateway.',
  ),
  FLOW008: structure(
    'error',
    'Exclusive split that cannot choose',
    'Give every outgoing path a condition, or mark one of them as the default path.',
  ),
  FLOW009: structure(
    'error',
    'Missing condition',
    'Give the path a condition, or make it the gateway’s default path.',
  ),
  FLOW010: structure(
    'warning',
    'Exclusive split without a default path',
    'Mark one outgoing path as the default, taken when no condition holds; otherwise such an instance fails at the gateway.',
  ),
  FLOW011: structure(
    'error',
    'Default path is not an outgoing path',
    'Choose the default among the gateway’s own outgoing paths.',
  ),
  FLOW012: structure(
    'warning',
    'Condition or outcome that is ignored',
    'Conditions only count on the non-default paths of an exclusive split, outcomes only on the paths of a user task: remove it or move it there.',
  ),
  FLOW013: structure(
    'error',
    'Several outgoing paths without a gateway',
    'Put an exclusive gateway (to choose) or a parallel gateway (to fork) after the element.',
  ),
  FLOW014: structure(
    'error',
    'User task decision paths',
    'A user task has one path, or two: one marked "approve" and one marked "reject".',
  ),
  FLOW015: structure(
    'error',
    'Boundary event not on an activity',
    'Attach the boundary event to a service task, user task, sub-process or call activity.',
  ),
  FLOW016: structure(
    'error',
    'Trigger without its timer or event type',
    'Give a timer trigger its duration or date, and a message trigger its event type.',
  ),
  FLOW017: structure(
    'error',
    'Connection not allowed',
    'Start and boundary events have no incoming paths, end events no outgoing ones, and annotations, groups and lanes none at all.',
  ),
  FLOW018: structure(
    'error',
    'Dangling reference',
    'Point the connection or shape at an element of this document, or delete it.',
  ),
  FLOW019: structure(
    'error',
    'Duplicate id',
    'Give every element and connection an id of its own.',
  ),
  FLOW020: structure(
    'error',
    'Parent is not a sub-process',
    'An element’s parent must be a sub-process of this document (and not, through its parents, the element itself).',
  ),
  FLOW021: structure(
    'error',
    'Sub-process without exactly one start',
    'Put exactly one start event inside the sub-process.',
  ),
  FLOW022: structure(
    'error',
    'Connection crosses a sub-process boundary',
    'Connect elements inside one sub-process to each other; the sub-process itself connects to the outside.',
  ),
  FLOW023: structure(
    'error',
    'Not part of an orchestration flow',
    'Services and event types belong in choreography maps; check maps with the map checks.',
  ),
  FLOW024: structure(
    'warning',
    'Unknown lane or annotated element',
    'Point the element at a lane of this document, and the annotation at an existing element or path.',
  ),
  FLOW101: entry(
    'references',
    'error',
    'Service task without an operation',
    'Choose the service and the operation the task calls.',
  ),
  FLOW102: entry(
    'references',
    'error',
    'Unknown service',
    'Choose a service of the catalog, or add the service to the catalog.',
  ),
  FLOW103: entry(
    'references',
    'error',
    'Unknown operation',
    'Choose an operation of the service, or add it to the service in the catalog.',
  ),
  FLOW104: entry(
    'references',
    'error',
    'Unknown compensating operation',
    'The compensation calls an operation of the same service: choose one the service has.',
  ),
  FLOW105: entry(
    'references',
    'error',
    'Unknown called flow',
    'Choose a flow of this workspace for the call activity.',
  ),
  FLOW106: entry(
    'references',
    'error',
    'Unknown version of the called flow',
    'Choose a saved version of the called flow, or "latest".',
  ),
  FLOW107: entry(
    'references',
    'error',
    'Unknown event type',
    'Choose an event type of the events catalog, or add it to the catalog.',
  ),
  FLOW201: entry(
    'expressions',
    'error',
    'Expression syntax error',
    'Fix the JSONata expression at the position given (see docs.jsonata.org for the syntax).',
  ),
  FLOW301: entry(
    'failure modes',
    'warning',
    'Service call without a timeout',
    'Set a timeout (or attach a timer boundary event): a call that never answers blocks the instance forever.',
  ),
  FLOW302: entry(
    'failure modes',
    'warning',
    'Step that cannot be undone before a step that can fail',
    'Give the step a compensating operation, mark it as the pivot, or move it after the steps that can fail. A step without side effects may keep this warning.',
  ),
  FLOW303: entry(
    'failure modes',
    'warning',
    'Step after a pivot without retries',
    'After the pivot the saga only goes forward: give the step a retry policy with at least 2 attempts.',
  ),
  FLOW304: entry(
    'failure modes',
    'warning',
    'User task without a timeout',
    'Set a timeout or attach a timer boundary event with an escalation path: people go on holiday.',
  ),
  FLOW305: entry(
    'failure modes',
    'warning',
    'Timeout shorter than the typical latency',
    'Raise the timeout above the operation’s typical latency: otherwise the step times out, is compensated, and may then succeed late.',
  ),
  FLOW306: entry(
    'failure modes',
    'warning',
    'God orchestrator: too many services',
    'Split the flow: let a sub-flow (call activity) or a choreography own part of the work.',
  ),
  FLOW307: entry(
    'failure modes',
    'warning',
    'God orchestrator: business rules in a condition',
    'Move the rule into the service that owns it and branch on its answer, or split the condition over several gateways.',
  ),
} as const satisfies Record<string, CatalogueEntry>;

export type FlowDiagnosticCode = keyof typeof flowDiagnostics;

/** Every catalogued code, in catalogue order. */
export const flowDiagnosticCodes = Object.keys(flowDiagnostics) as FlowDiagnosticCode[];

export type { Subject } from './subjects';

/**
 * How a message names what it is about: `Service task "Charge card" (charge)`, `Path flow_3`
 * (a connection), `The flow`.
 */
export function describeSubject(subject: Subject): string {
  return describeSubjectAs(subject, 'The flow', () => 'Path');
}

/** "an exclusive gateway", "a timer": an element type as a sentence names it. */
export function aTypeLabel(type: Element['type']): string {
  const label = elementTypeInfo[type].label.toLowerCase();
  return /^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`;
}

/**
 * A diagnostic of `code` about `subject`; its message is the subject's description followed by
 * `detail` (`createDiagnostic('FLOW301', task, 'has no timeout')`).
 */
export function createDiagnostic(code: FlowDiagnosticCode, subject: Subject, detail: string) {
  return diagnosticFor(code, subject?.id, `${describeSubject(subject)} ${detail}`);
}

/** A diagnostic of `code` with a message written in full, for ids that name no element. */
export function diagnosticFor(
  code: FlowDiagnosticCode,
  elementId: string | undefined,
  message: string,
): Diagnostic {
  return catalogued(code, flowDiagnostics[code], elementId, message);
}
