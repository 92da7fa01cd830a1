import { findOperation, type Catalog } from '../model/catalog';
import type { Connection, Element, ElementOf, WorkflowDocument } from '../model/document';
import { FORMAT_VERSION } from '../model/document';
import {
  camel,
  placeInColumns,
  unique,
  type DeriveReportEntry,
  type ElementMapping,
} from './deriveShared';

/** An orchestration skeleton derived from a map, with what stands for what and what was left out. */
export interface DerivedFlow {
  readonly document: WorkflowDocument;
  /** Map element or reaction id → the flow element ids that stand for it. */
  readonly mapping: ElementMapping;
  readonly report: readonly DeriveReportEntry[];
}

type Reaction = NonNullable<Connection['reaction']>;
type ReactionEdge = Connection & { readonly reaction: Reaction };

/**
 * Derives an orchestration skeleton from a choreography chain: from the initial event, follow the
 * reaction to each event and the event it emits on success, one service task per operation, in
 * the order of the chain; each task is compensated by its operation's `compensatedBy` in the
 * catalog (with the input of the map's reaction that calls it, if any). Failure paths are not
 * walked: the flow's compensation stands for them, and the report says so. Throws on a document
 * that is not a map or has no initial event.
 */
export function deriveFlow(map: WorkflowDocument): DerivedFlow {
  if (map.kind !== 'map') throw new Error(`deriveFlow needs a choreography map, not a ${map.kind}`);
  const byId = new Map(map.model.elements.map((element) => [element.id, element]));
  const initial = map.model.elements.find(
    (element): element is ElementOf<'eventType'> =>
      element.type === 'eventType' && element.initial === true,
  );
  if (!initial) throw new Error('deriveFlow: the map has no initial event to start the flow from');
  const catalog: Catalog = map.catalog ?? { services: [] };
  const reactions = map.model.connections.filter(
    (connection): connection is ReactionEdge => connection.reaction !== undefined,
  );
  const report: DeriveReportEntry[] = [];
  const mapping: Record<string, string[]> = {};
  const link = (mapId: string, ...flowIds: string[]) =>
    (mapping[mapId] = [...(mapping[mapId] ?? []), ...flowIds]);
  const ids = new Set<string>();
  const elements: Element[] = [];
  const connections: Connection[] = [];
  const serviceOf = (edge: Connection) => {
    const node = byId.get(edge.target);
    return node?.type === 'service' ? node.service : undefined;
  };
  /** The input the map gives an operation where some reaction calls it. */
  const inputOf = (service: string, operation: string) => {
    for (const edge of reactions) {
      if (serviceOf(edge) !== service) continue;
      const call = edge.reaction.operations.find((candidate) => candidate.operation === operation);
      if (call) return call.input;
    }
    return undefined;
  };

  const initialDefinition = catalog.events?.find((event) => event.name === initial.eventType);
  const startId = unique(camel(initial.name || initial.id), ids);
  elements.push({
    type: 'startEvent',
    id: startId,
    name: initial.name || initial.id,
    ...(initialDefinition
      ? { trigger: 'message' as const, eventType: initialDefinition.name }
      : {}),
  });
  link(initial.id, startId);

  let previous = startId;
  const walked = new Set<string>();
  const onChain = new Set<string>();
  let event: string | undefined = initial.id;
  let last: ElementOf<'eventType'> | undefined = initial;
  while (event !== undefined && !walked.has(event)) {
    walked.add(event);
    const node = byId.get(event);
    if (node?.type === 'eventType') last = node;
    if (node?.type === 'eventType' && node.terminal !== undefined) break;
    const next: ReactionEdge[] = reactions.filter((edge) => edge.source === event);
    const edge = next[0];
    if (!edge) break;
    for (const other of next.slice(1)) {
      report.push({
        elementId: other.id,
        type: 'reaction',
        action: 'skipped',
        detail: `another reaction to ${event}: the skeleton follows only ${edge.id}`,
      });
    }
    onChain.add(edge.id);
    const service = serviceOf(edge);
    if (edge.reaction.condition !== undefined) {
      report.push({
        elementId: edge.id,
        type: 'reaction',
        action: 'approximated',
        detail: 'its condition is dropped: the skeleton always calls it',
      });
    }
    for (const call of edge.reaction.operations) {
      const id = unique(camel(`${call.operation} ${service ?? ''}`), ids);
      const undo = service
        ? findOperation(catalog, service, call.operation)?.compensatedBy
        : undefined;
      const undoInput = undo && service ? inputOf(service, undo) : undefined;
      elements.push({
        type: 'serviceTask',
        id,
        name: edge.name ?? `${service ?? '?'} ${call.operation}`,
        ...(service ? { service } : {}),
        operation: call.operation,
        ...(call.input === undefined ? {} : { input: call.input }),
        ...(undo
          ? {
              compensation: {
                operation: undo,
                ...(undoInput === undefined ? {} : { input: undoInput }),
              },
            }
          : {}),
      });
      connections.push({ id: unique(`flow_${previous}_${id}`, ids), source: previous, target: id });
      previous = id;
      link(edge.id, id);
      if (edge.target) link(edge.target, id);
      report.push({
        elementId: edge.id,
        type: 'reaction',
        action: 'converted',
        detail: `the service task ${id} calls ${service ?? '?'}.${call.operation}${undo ? `, undone by ${undo}` : ''}`,
      });
    }
    if (edge.reaction.startsFlow) {
      report.push({
        elementId: edge.id,
        type: 'reaction',
        action: 'skipped',
        detail: `it starts flow ${edge.reaction.startsFlow.flowId}: add a call activity by hand`,
      });
    }
    event = edge.reaction.emitsOnSuccess[0];
    if (event !== undefined) link(event, previous);
  }

  const endId = unique(camel(last?.terminal === 'completed' ? last.name || last.id : 'done'), ids);
  elements.push({ type: 'endEvent', id: endId, name: last?.name || 'Done' });
  connections.push({
    id: unique(`flow_${previous}_${endId}`, ids),
    source: previous,
    target: endId,
  });
  if (last) link(last.id, endId);

  for (const edge of reactions) {
    if (onChain.has(edge.id) || report.some((entry) => entry.elementId === edge.id)) continue;
    const service = serviceOf(edge);
    const undoes = edge.reaction.operations.some((call) =>
      catalog.services
        .find((candidate) => candidate.name === service)
        ?.operations.some((operation) => operation.compensatedBy === call.operation),
    );
    report.push({
      elementId: edge.id,
      type: 'reaction',
      action: undoes ? 'converted' : 'skipped',
      detail: undoes
        ? 'an undo on a failure path: the flow compensates the step instead'
        : 'on a failure path and not the undo of a step in the catalog: the skeleton does not call it',
    });
  }

  const ranks = new Map(elements.map((element, index) => [element.id, index]));
  const document: WorkflowDocument = {
    formatVersion: FORMAT_VERSION,
    kind: 'flow',
    name: `${map.name ?? 'Map'} (orchestration)`,
    model: { elements, connections },
    diagram: { shapes: placeInColumns(ranks, 224, 100) },
    catalog: {
      services: catalog.services,
      ...(initialDefinition ? { events: [initialDefinition] } : {}),
    },
  };
  return { document, mapping, report };
}
