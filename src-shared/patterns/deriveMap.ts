/**
 * Flow → choreography map: the entry point, the initial event, and the derived document with its
 * catalog and layout. The steps live beside it: `deriveMapGraph` (reading the flow),
 * `deriveMapDraft` (events and reactions), `deriveMapTasks`, `deriveMapCompensation` and
 * `deriveMapEnds`.
 */
import type { Catalog, PayloadField } from '../model/catalog';
import type { Connection, Element, WorkflowDocument } from '../model/document';
import { DEFAULT_BROKER, FORMAT_VERSION } from '../model/document';
import { compensator, withUndos } from './deriveMapCompensation';
import { addEvent, completionOf, link, newDraft, type MapDraft } from './deriveMapDraft';
import { deriveEnds } from './deriveMapEnds';
import {
  buildGraph,
  chainOrder,
  doneBefore,
  serializeParallels,
  triggerFinder,
  type Task,
} from './deriveMapGraph';
import { deriveTasks } from './deriveMapTasks';
import {
  pascal,
  placeInColumns,
  reportEntry,
  unique,
  type DeriveReportEntry,
  type ElementMapping,
} from './deriveShared';

/** A choreography map derived from a flow, with what stands for what and what could not be kept. */
export interface DerivedMap {
  readonly document: WorkflowDocument;
  /** Flow element id → the map node ids (services, events) and reaction edges that stand for it. */
  readonly mapping: ElementMapping;
  readonly report: readonly DeriveReportEntry[];
}

/**
 * Derives a choreography map from an orchestration flow: each service task becomes a reaction of
 * its service to the previous step's completion event, publishing its own completion event (or a
 * failure event); compensations become reactions to failure events that undo the completed steps
 * in reverse order. Gateways, user tasks and timers go as far as a map can express them; the report
 * says what could not. Throws on a document that is not a flow or has no start event.
 */
export function deriveMap(flow: WorkflowDocument): DerivedMap {
  if (flow.kind !== 'flow')
    throw new Error(`deriveMap needs an orchestration flow, not a ${flow.kind}`);
  const starts = flow.model.elements.filter((element) => element.type === 'startEvent');
  const start = starts.find((element) => !element.parent) ?? starts[0];
  if (!start) throw new Error('deriveMap: the flow has no start event to begin the map from');
  const report: DeriveReportEntry[] = [];
  const graph = buildGraph(flow);
  const flowCatalog: Catalog = flow.catalog ?? { services: [] };
  serializeParallels(flow, graph, report);

  const initial = addInitialEvent(flow, start, flowCatalog, report);
  const draft = initial.draft;
  const triggersOf = triggerFinder(graph, start.id, initial.id, (task) =>
    completionOf(draft, task),
  );
  deriveTasks(draft, chainOrder(graph, start.id), {
    triggersOf,
    doneBefore: (task) => doneBefore(graph, task),
    compensate: compensator(draft),
  });
  deriveEnds(draft, flow, start.id, triggersOf);
  return { document: mapDocument(flow, draft), mapping: draft.mapping, report };
}

/**
 * The initial event: the start event's type if it has one, with its payload, published from
 * outside. Starts the draft, whose events all declare that payload.
 */
function addInitialEvent(
  flow: WorkflowDocument,
  start: Element,
  flowCatalog: Catalog,
  report: DeriveReportEntry[],
): { draft: MapDraft; id: string } {
  const startDefinition = flowCatalog.events?.find(
    (event) => start.type === 'startEvent' && event.name === start.eventType,
  );
  const fields: PayloadField[] =
    startDefinition?.payload.fields.map((field) => ({ ...field })) ?? [];
  const draft = newDraft(flowCatalog, fields, report);
  const initialName = unique(
    (start.type === 'startEvent' ? start.eventType : undefined) ?? pascal(start.name || start.id),
    draft.eventNames,
  );
  const firstService = flow.model.elements.find(
    (element): element is Task => element.type === 'serviceTask',
  )?.service;
  const id = addEvent(
    draft,
    initialName,
    startDefinition?.owner ?? firstService ?? 'Outside',
    startDefinition?.description ??
      `Published from outside to start an instance (${start.name || start.id}).`,
    { initial: true },
  );
  link(draft, start.id, id);
  report.push(
    reportEntry(start, 'converted', `the initial event ${initialName}, published from outside`),
  );
  return { draft, id };
}

/** The derived document: the draft's nodes and edges, laid out, with its catalog and a default broker. */
function mapDocument(flow: WorkflowDocument, draft: MapDraft): WorkflowDocument {
  // Services used only by the undo steps keep their catalog entries: the whole flow catalog goes along.
  const used = new Set(draft.serviceNodes.keys());
  const catalog: Catalog = {
    services: withUndos(
      draft.flowCatalog.services.filter((service) => used.has(service.name)),
      flow.model.elements,
    ),
    events: draft.events,
  };
  const { elements, connections } = draft;
  return {
    formatVersion: FORMAT_VERSION,
    kind: 'map',
    name: `${flow.name ?? 'Flow'} (choreography)`,
    model: { elements, connections },
    diagram: { shapes: layout(elements, connections) },
    catalog,
    broker: { ...DEFAULT_BROKER },
  };
}

/** Ranks by distance from the initial events (breadth first: undo edges loop back), then columns. */
function layout(elements: readonly Element[], connections: readonly Connection[]) {
  const rank = new Map<string, number>();
  const queue: string[] = [];
  for (const element of elements) {
    if (element.type === 'eventType' && element.initial) {
      rank.set(element.id, 0);
      queue.push(element.id);
    }
  }
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const connection of connections) {
      if (connection.source !== id || rank.has(connection.target)) continue;
      rank.set(connection.target, rank.get(id)! + 1);
      queue.push(connection.target);
    }
  }
  const ordered = new Map(elements.map((element) => [element.id, rank.get(element.id) ?? 0]));
  return placeInColumns(ordered, 230, 100);
}
