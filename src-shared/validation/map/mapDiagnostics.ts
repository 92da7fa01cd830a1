import type { Element } from '../../model/document';
import type { Diagnostic, Severity } from '../Diagnostic';
import type { CatalogueEntry, DiagnosticGroup } from '../diagnostics';
import { catalogued, describeSubjectAs, type Subject } from '../subjects';

const entry = (
  group: DiagnosticGroup,
  severity: Severity,
  title: string,
  help: string,
): CatalogueEntry => ({ group, severity, title, help });

const structure = (severity: Severity, title: string, help: string) =>
  entry('structure', severity, title, help);
const reference = (severity: Severity, title: string, help: string) =>
  entry('references', severity, title, help);
const failureMode = (severity: Severity, title: string, help: string) =>
  entry('failure modes', severity, title, help);

/**
 * The catalogue of choreography-map diagnostics, grouped by hundreds like the flow codes:
 * `CHOR0xx` structure, `CHOR1xx` references, `CHOR2xx` expressions, `CHOR3xx` the failure modes
 * of DESIGN.md §2. A code, once published, keeps its meaning: `docs/diagnostics.md` documents each.
 */
export const mapDiagnostics = {
  CHOR001: structure(
    'error',
    'No initial event',
    'Mark the event type that starts an instance (published from outside, such as OrderPlaced) as initial.',
  ),
  CHOR002: structure(
    'error',
    'Instance that never ends',
    'Mark the events that end an instance as terminal, and lead every initial event’s chain of reactions to one of them.',
  ),
  CHOR003: structure(
    'error',
    'Connection not allowed',
    'In a map, services publish event types (an edge from the service, no reaction) and event types reach the services that react (an edge to the service, with its reaction).',
  ),
  CHOR004: structure(
    'error',
    'Subscription without a reaction',
    'Say what the service does with the event: give the edge a reaction, or delete it.',
  ),
  CHOR005: structure(
    'error',
    'Reaction emits an event its service does not publish',
    'List only event types among the events a reaction emits, and draw a publish edge from the service to each of them.',
  ),
  CHOR006: structure(
    'error',
    'Not part of a choreography map',
    'Maps hold services and event types; draw tasks, gateways and start or end events in an orchestration flow.',
  ),
  CHOR007: structure(
    'error',
    'Dangling reference',
    'Point the connection or shape at an element of this document, or delete it.',
  ),
  CHOR008: structure(
    'error',
    'Duplicate id',
    'Give every element and connection an id of its own.',
  ),
  CHOR009: structure(
    'warning',
    'Event type drawn more than once',
    'Draw each event type once, with all its publishers and consumers: the broker routes each node’s events on their own.',
  ),
  CHOR101: reference(
    'error',
    'Unknown service',
    'Choose a service of the services catalog for the node, or add the service to the catalog.',
  ),
  CHOR102: reference(
    'error',
    'Unknown operation',
    'Choose an operation the reacting service offers, or add it to the service in the catalog.',
  ),
  CHOR103: reference(
    'error',
    'Unknown event type',
    'Choose an event type of the events catalog for the node, or add it to the catalog.',
  ),
  CHOR104: reference(
    'error',
    'Reaction reads a field the event does not carry',
    'Read only fields of the event’s payload schema (and correlationId), or add the field to the event type in the catalog.',
  ),
  CHOR105: reference(
    'error',
    'Unknown started flow',
    'Choose a flow of this workspace, at a saved version or "latest", for the reaction to start.',
  ),
  CHOR106: reference(
    'warning',
    'Event published by a service that does not own it',
    'Let the owner publish the event, or change the owner in the events catalog: one team answers for each event’s schema.',
  ),
  CHOR201: entry(
    'expressions',
    'error',
    'Expression syntax error',
    'Fix the JSONata expression at the position given (see docs.jsonata.org for the syntax).',
  ),
  CHOR301: failureMode(
    'error',
    'Choreography cycle',
    'Break the loop: let one of the services in it stop reacting, or emit an event that leads out of it.',
  ),
  CHOR302: failureMode(
    'warning',
    'Event nobody consumes',
    'Let a service react to the event, mark it as terminal if it ends an instance, or stop publishing it.',
  ),
  CHOR303: failureMode(
    'error',
    'Event nobody publishes',
    'Draw the service that publishes the event and list it among a reaction’s emitted events, or mark it as initial if it comes from outside.',
  ),
  CHOR304: failureMode(
    'warning',
    'Non-idempotent reaction on an at-least-once broker',
    'Make the reaction idempotent (the same event handled twice has one effect) and mark it so, let the service drop copies of events it has handled (Deduplicates), or choose an exactly-once broker.',
  ),
  CHOR305: failureMode(
    'warning',
    'No way to compensate',
    'Let reactions emit an event when they fail, and mark the event that ends a cancelled instance as terminal (compensated or failed).',
  ),
} as const satisfies Record<string, CatalogueEntry>;

export type MapDiagnosticCode = keyof typeof mapDiagnostics;

/** Every catalogued map code, in catalogue order. */
export const mapDiagnosticCodes = Object.keys(mapDiagnostics) as MapDiagnosticCode[];

/** What a map diagnostic points to: a node, an edge, or (absent) the whole map. */
export type MapSubject = Subject;

/**
 * How a message names what it is about: `Service "Payment" (payment)`, `Event "OrderPlaced"
 * (orderPlaced)`, `Reaction orderPlaced-payment` (an edge with a reaction), `Connection c1`
 * (any other edge), `The map`.
 */
export function describeMapSubject(subject: MapSubject): string {
  return describeSubjectAs(subject, 'The map', (edge) =>
    edge.reaction ? 'Reaction' : 'Connection',
  );
}

/** A map diagnostic of `code` about `subject`: its description followed by `detail`. */
export function createMapDiagnostic(
  code: MapDiagnosticCode,
  subject: MapSubject,
  detail: string,
): Diagnostic {
  return mapDiagnosticFor(code, subject?.id, `${describeMapSubject(subject)} ${detail}`);
}

/** A map diagnostic of `code` with a message written in full, for ids that name no element. */
export function mapDiagnosticFor(
  code: MapDiagnosticCode,
  elementId: string | undefined,
  message: string,
): Diagnostic {
  return catalogued(code, mapDiagnostics[code], elementId, message);
}

/** How a node is named inside a sentence or a chain: its name, or its id when it has none. */
export function nodeLabel(element: Element): string {
  return element.name?.trim() || element.id;
}
