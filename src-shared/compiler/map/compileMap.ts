import { DEFAULT_BROKER, type Broker, type WorkflowDocument } from '../../model/document';
import type { Diagnostic, FlowContext } from '../../validation/Diagnostic';
import { compilerDiagnostic } from '../compilerDiagnostics';
import { compileService } from './compileService';
import { compileTracker } from './compileTracker';
import { buildMapGraph, type MapGraph } from './mapGraph';
import type {
  BrokerWiring,
  CompiledMap,
  ServiceMachineJson,
  Subscription,
  TerminalStatus,
} from './mapTypes';

/** Bumped whenever the same map would compile to different output. */
export const MAP_COMPILER_VERSION = '1.1.1';

/** What compiling a map may look up outside the document (nothing yet: kept for symmetry). */
export type MapContext = Pick<FlowContext, 'catalog'>;

export interface CompileMapResult {
  /** The compiled map, or null when the map has errors that stop it compiling. */
  readonly compiled: CompiledMap | null;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Compiles a choreography map into one XState machine per service node, the broker's wiring and
 * an instance tracker (plain JSON). Deterministic: keys follow the document's order, so the same
 * map gives byte-identical `serializeCompiledMap` text. Never throws on a user's mistake:
 * problems come back as diagnostics.
 */
export function compileMap(doc: WorkflowDocument, _context?: MapContext): CompileMapResult {
  const diagnostics: Diagnostic[] = [];
  if (doc.kind !== 'map') {
    diagnostics.push(compilerDiagnostic('MAP001', `this document is a ${doc.kind}, not a map`));
    return { compiled: null, diagnostics };
  }
  const graph = buildMapGraph(doc, diagnostics);
  const broker = brokerWiring(doc, graph);
  const compiled: CompiledMap = {
    kind: 'map',
    services: serviceMachines(graph, brokerSettings(doc.broker).maxDeliveries),
    broker,
    tracker: compileTracker(broker.terminalEvents),
  };
  const failed = diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  return { compiled: failed ? null : compiled, diagnostics: sortDiagnostics(diagnostics) };
}

/** The compiled map as text: two-space JSON with a final newline, stable byte for byte. */
export function serializeCompiledMap(compiled: CompiledMap): string {
  return `${JSON.stringify(compiled, null, 2)}\n`;
}

function serviceMachines(
  graph: MapGraph,
  maxDeliveries: number,
): Record<string, ServiceMachineJson> {
  const eventName = (id: string) => graph.eventTypes.get(id)?.eventType;
  const machines: Record<string, ServiceMachineJson> = {};
  for (const service of graph.services) {
    machines[service.id] = compileService({
      service,
      reactions: graph.reactionsOf.get(service.id) ?? [],
      starts: (graph.publishesOf.get(service.id) ?? []).filter(
        (edge) => graph.eventTypes.get(edge.target)?.initial === true,
      ),
      eventName,
      maxDeliveries,
    });
  }
  return machines;
}

/** The map's broker settings over the defaults, in a fixed key order. */
export function brokerSettings(broker: Broker | undefined): Broker {
  const { delivery, duplicateRate, orderingKey, maxDeliveries, deadLetterQueue } = {
    ...DEFAULT_BROKER,
    ...broker,
  };
  return {
    delivery,
    duplicateRate,
    ...(orderingKey === undefined ? {} : { orderingKey }),
    maxDeliveries,
    deadLetterQueue,
  };
}

function brokerWiring(doc: WorkflowDocument, graph: MapGraph): BrokerWiring {
  const eventNames: Record<string, string> = {};
  const subscriptions: Record<string, Subscription[]> = {};
  const initialEvents: string[] = [];
  const terminalEvents: Record<string, TerminalStatus> = {};
  for (const [id, node] of graph.eventTypes) {
    if (node.eventType !== undefined) eventNames[id] = node.eventType;
    subscriptions[id] = [];
    if (node.initial) initialEvents.push(id);
    if (node.terminal) terminalEvents[id] = node.terminal;
  }
  for (const edge of graph.reactions) {
    subscriptions[edge.source]?.push({
      service: edge.target,
      reaction: edge.id,
      idempotent: edge.reaction.idempotent,
      concurrency: edge.reaction.concurrency ?? 1,
      ...(edge.reaction.deduplicates ? { deduplicates: true } : {}),
    });
  }
  return {
    settings: brokerSettings(doc.broker),
    eventNames,
    subscriptions,
    initialEvents,
    terminalEvents,
  };
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.code.localeCompare(b.code) || (a.elementId ?? '').localeCompare(b.elementId ?? ''),
  );
}
