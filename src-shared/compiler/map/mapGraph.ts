import type { Connection, ElementOf, Reaction, WorkflowDocument } from '../../model/document';
import type { Diagnostic } from '../../validation/Diagnostic';
import { compilerDiagnostic } from '../compilerDiagnostics';

/** A reaction edge (event type → service) whose reaction is known to be there. */
export type ReactionEdge = Connection & { readonly reaction: Reaction };

/**
 * A map read for compiling: its service and event type nodes in document order, and for each
 * service the reactions it runs and the events it publishes (both in document order). Edges that
 * cannot compile are reported and left out.
 */
export interface MapGraph {
  readonly services: readonly ElementOf<'service'>[];
  readonly eventTypes: ReadonlyMap<string, ElementOf<'eventType'>>;
  readonly reactionsOf: ReadonlyMap<string, readonly ReactionEdge[]>;
  readonly publishesOf: ReadonlyMap<string, readonly Connection[]>;
  /** Every compiled reaction, in document order. */
  readonly reactions: readonly ReactionEdge[];
}

/** Indexes a map's nodes and edges, reporting edges that are neither a publish nor a reaction. */
export function buildMapGraph(doc: WorkflowDocument, diagnostics: Diagnostic[]): MapGraph {
  const services: ElementOf<'service'>[] = [];
  const eventTypes = new Map<string, ElementOf<'eventType'>>();
  for (const element of doc.model.elements) {
    if (element.type === 'service') services.push(element);
    else if (element.type === 'eventType') eventTypes.set(element.id, element);
  }
  const serviceIds = new Set(services.map((service) => service.id));
  const reactionsOf = new Map<string, ReactionEdge[]>(services.map(({ id }) => [id, []]));
  const publishesOf = new Map<string, Connection[]>(services.map(({ id }) => [id, []]));
  const reactions: ReactionEdge[] = [];
  for (const connection of doc.model.connections) {
    const fromEvent = eventTypes.has(connection.source) && serviceIds.has(connection.target);
    const fromService = serviceIds.has(connection.source) && eventTypes.has(connection.target);
    if (connection.reaction && fromEvent) {
      const edge = connection as ReactionEdge;
      if (emitsOnlyEvents(edge, eventTypes, diagnostics)) {
        reactionsOf.get(connection.target)?.push(edge);
        reactions.push(edge);
      }
    } else if (connection.reaction) {
      diagnostics.push(
        compilerDiagnostic(
          'MAP002',
          `edge "${connection.id}" has a reaction but does not lead from an event type to a service`,
          connection.id,
        ),
      );
    } else if (fromService) {
      publishesOf.get(connection.source)?.push(connection);
    } else {
      diagnostics.push(
        compilerDiagnostic(
          'MAP004',
          `edge "${connection.id}" neither publishes an event nor reacts to one; it is left out`,
          connection.id,
        ),
      );
    }
  }
  return { services, eventTypes, reactionsOf, publishesOf, reactions };
}

/** True when every event the reaction emits is an event type node; reports the others. */
function emitsOnlyEvents(
  edge: ReactionEdge,
  eventTypes: ReadonlyMap<string, unknown>,
  diagnostics: Diagnostic[],
): boolean {
  const { emitsOnSuccess, emitsOnFailure } = edge.reaction;
  const unknown = [...emitsOnSuccess, ...emitsOnFailure].filter((id) => !eventTypes.has(id));
  for (const id of new Set(unknown)) {
    diagnostics.push(
      compilerDiagnostic(
        'MAP003',
        `the reaction on edge "${edge.id}" emits "${id}", which is not an event type on this map`,
        edge.id,
      ),
    );
  }
  return unknown.length === 0;
}
