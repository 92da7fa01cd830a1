import type { Catalog, EventTypeDefinition, FieldType } from '../../model/catalog';
import { CORRELATION_FIELD } from '../../model/catalog';
import type { Element } from '../../model/document';
import type { Diagnostic, FlowContext } from '../Diagnostic';
import { indexCatalog, type CatalogIndex } from '../rules/ruleTypes';
import type { MapIndex, ReactionEdge } from './mapIndex';
import { createMapDiagnostic } from './mapDiagnostics';

/** What the reference checks look up besides the map: the effective catalog, indexed. */
export interface MapReferenceContext {
  /** Operations by service name, then operation name. */
  readonly operations: CatalogIndex;
  /** The events catalog by event type name. */
  readonly events: ReadonlyMap<string, EventTypeDefinition>;
  readonly flowVersions?: FlowContext['flowVersions'];
}

/** Indexes the effective catalog (the first definition of a name wins) for the checks. */
export function mapReferenceContext(
  catalog: Catalog,
  flowVersions?: FlowContext['flowVersions'],
): MapReferenceContext {
  const events = new Map<string, EventTypeDefinition>();
  for (const event of catalog.events ?? []) {
    if (!events.has(event.name)) events.set(event.name, event);
  }
  return { operations: indexCatalog(catalog), events, ...(flowVersions ? { flowVersions } : {}) };
}

/**
 * Checks what a map's nodes and reactions point to: services (CHOR101), the operations reactions
 * call (CHOR102), event types (CHOR103), the payload fields reactions read (CHOR104), the flows
 * they start when the workspace's flows are known (CHOR105), and that the service publishing an
 * event is the one the events catalog names as its owner (CHOR106). A node whose own reference
 * is unknown is reported once; what depends on it is not checked.
 */
export function checkMapReferences(map: MapIndex, context: MapReferenceContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const element of map.elements) {
    const problem = nodeReference(element, context);
    if (problem) diagnostics.push(problem);
  }
  for (const edge of map.reactions) {
    const service = serviceNameAt(map, edge.service, context);
    if (service !== undefined) diagnostics.push(...unknownOperations(edge, service, context));
    const event = eventTypeAt(map, edge.event, context);
    if (event) diagnostics.push(...unknownReads(edge, event));
    const started = startedFlowProblem(edge, context);
    if (started) diagnostics.push(createMapDiagnostic('CHOR105', edge.connection, started));
  }
  for (const { connection, service, event } of map.publishEdges) {
    const publisher = serviceNameAt(map, service, context);
    const definition = eventTypeAt(map, event, context);
    if (publisher === undefined || !definition || definition.owner === publisher) continue;
    const detail = `publishes ${definition.name} from ${publisher}, but the events catalog says ${definition.owner} owns it`;
    diagnostics.push(createMapDiagnostic('CHOR106', connection, detail));
  }
  return diagnostics;
}

function nodeReference(element: Element, context: MapReferenceContext): Diagnostic | undefined {
  if (element.type === 'service') {
    if (element.service === undefined) {
      return createMapDiagnostic('CHOR101', element, 'names no service of the catalog');
    }
    if (context.operations.has(element.service)) return undefined;
    const detail = `is service ${element.service}, which is not in the services catalog`;
    return createMapDiagnostic('CHOR101', element, detail);
  }
  if (element.type === 'eventType') {
    if (element.eventType === undefined) {
      return createMapDiagnostic('CHOR103', element, 'names no event type of the catalog');
    }
    if (context.events.has(element.eventType)) return undefined;
    const detail = `is event type ${element.eventType}, which is not in the events catalog`;
    return createMapDiagnostic('CHOR103', element, detail);
  }
  return undefined;
}

/** The catalog name of the service node at `at`, when the catalog has it. */
function serviceNameAt(map: MapIndex, at: number, context: MapReferenceContext) {
  const element = map.elements[at];
  if (element?.type !== 'service' || element.service === undefined) return undefined;
  return context.operations.has(element.service) ? element.service : undefined;
}

/** The catalog definition of the event type node at `at`, when the catalog has it. */
function eventTypeAt(map: MapIndex, at: number, context: MapReferenceContext) {
  const element = map.elements[at];
  if (element?.type !== 'eventType' || element.eventType === undefined) return undefined;
  return context.events.get(element.eventType);
}

function unknownOperations(edge: ReactionEdge, service: string, context: MapReferenceContext) {
  const offered = context.operations.get(service);
  const unknown = new Set(
    edge.reaction.operations
      .map((call) => call.operation)
      .filter((operation) => !offered?.has(operation)),
  );
  return [...unknown].map((operation) =>
    createMapDiagnostic(
      'CHOR102',
      edge.connection,
      `calls ${service}.${operation}, which ${service} does not offer`,
    ),
  );
}

function unknownReads(edge: ReactionEdge, event: EventTypeDefinition): Diagnostic[] {
  const types = new Map<string, FieldType>([[CORRELATION_FIELD, 'string']]);
  for (const field of event.payload.fields) types.set(field.name, field.type);
  const diagnostics: Diagnostic[] = [];
  for (const read of new Set(edge.reaction.reads ?? [])) {
    const [head = '', ...rest] = read.split('.');
    const type = types.get(head);
    const detail =
      type === undefined
        ? `reads ${read}, but ${event.name} carries no field ${head}`
        : rest.length > 0 && type !== 'object' && type !== 'array'
          ? `reads ${read}, but ${head} of ${event.name} is a ${type}, with no fields`
          : undefined;
    if (detail) diagnostics.push(createMapDiagnostic('CHOR104', edge.connection, detail));
  }
  return diagnostics;
}

function startedFlowProblem(edge: ReactionEdge, context: MapReferenceContext) {
  const started = edge.reaction.startsFlow;
  if (!started || !context.flowVersions) return undefined;
  const versions = context.flowVersions(started.flowId);
  if (versions === undefined) {
    return `starts flow ${started.flowId}, which is not in the workspace`;
  }
  const { version } = started;
  if (version === 'latest' ? versions.length > 0 : versions.includes(version)) return undefined;
  const wanted = version === 'latest' ? 'its latest version' : `version ${version}`;
  const saved = versions.length === 0 ? 'none is saved' : `saved: ${versions.join(', ')}`;
  return `starts ${wanted} of flow ${started.flowId}, but ${saved}`;
}
