import { compileDocument } from '../../src-shared/compiler/compileDocument';
import type { Catalog } from '../../src-shared/model/catalog';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { BatonError } from '../../src-shared/contract/errors';

/** A flow another document starts or calls, as the caller names it. */
export interface FlowReference {
  readonly flowId: string;
  readonly version: number | 'latest';
}

/** Finds the document of a referenced flow (a workspace version, or a file next to the caller). */
export type FlowResolver = (reference: FlowReference) => WorkflowDocument | undefined;

/** One machine a run may load: its compiled text and the names of its elements. */
export interface PinnedMachine {
  readonly text: string;
  readonly names: Readonly<Record<string, string>>;
}

/**
 * Everything a run needs from its documents, fixed when it starts (DESIGN.md §3: a run is pinned
 * to the exact machines it started with). Stored once per hash; the run names it.
 */
export interface RunDefinition {
  readonly kind: 'flow' | 'map';
  readonly name: string;
  readonly root: PinnedMachine;
  /** Flows started or called, by `flowId@version` as the caller wrote it. */
  readonly flows: Readonly<Record<string, PinnedMachine>>;
  /** The workspace's catalog under the documents' own: mock defaults and compensations. */
  readonly catalog: Catalog;
  /** `Service.operation` → the operation that undoes it (from flows' compensations and the catalog). */
  readonly undoneBy: Readonly<Record<string, string>>;
  /** A map's service nodes and the catalog services they stand for. */
  readonly serviceNames?: Readonly<Record<string, string>>;
  /** The broker's ordering key (maps). */
  readonly orderingKey?: string;
  /** The document's connections, for breakpoints on edges (absent in runs pinned before them). */
  readonly connections?: readonly PinnedConnection[];
  /**
   * Maps: an idempotent reaction handling an event it handled before (a duplicate or a
   * redelivery) publishes the events it published then again, with the same ids, as a service
   * resending from its outbox: consumers get a duplicate, not a new event. Absent in runs pinned
   * before this rule, which re-simulate as they were recorded.
   */
  readonly outbox?: boolean;
}

export interface PinnedConnection {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

export const flowKey = (reference: FlowReference) => `${reference.flowId}@${reference.version}`;

/**
 * Compiles a document and every flow it reaches into a run definition. A document that does not
 * compile is refused with its first errors; a referenced flow that cannot be found is left out
 * (the step that starts it fails in the run, which the report shows).
 */
export function buildDefinition(
  document: WorkflowDocument,
  workspaceCatalog: Catalog,
  resolve: FlowResolver,
): RunDefinition {
  const root = pin(document, document.name ?? 'Untitled');
  const flows: Record<string, PinnedMachine> = {};
  const catalogs: Catalog[] = [document.catalog ?? { services: [] }];
  const documents: WorkflowDocument[] = [document];
  const pending = references(document);
  for (let index = 0; index < pending.length; index += 1) {
    const reference = pending[index] as FlowReference;
    const key = flowKey(reference);
    if (Object.hasOwn(flows, key)) continue;
    const callee = resolve(reference);
    if (!callee || callee.kind !== 'flow') continue;
    flows[key] = pin(callee, reference.flowId);
    documents.push(callee);
    if (callee.catalog) catalogs.push(callee.catalog);
    pending.push(...references(callee));
  }
  const catalog = mergeCatalogs([...catalogs, workspaceCatalog]);
  return {
    kind: document.kind,
    name: document.name ?? 'Untitled',
    root,
    flows,
    catalog,
    undoneBy: undoPairs(documents, catalog),
    connections: document.model.connections.map(({ id, source, target }) => ({
      id,
      source,
      target,
    })),
    ...(document.kind === 'map' ? { serviceNames: serviceNames(document), outbox: true } : {}),
    ...(document.broker?.orderingKey ? { orderingKey: document.broker.orderingKey } : {}),
  };
}

function pin(document: WorkflowDocument, label: string): PinnedMachine {
  const { text, diagnostics } = compileDocument(document);
  if (text === null) {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    throw new BatonError(
      'invalid-input',
      `"${label}" does not compile, so it cannot run: ${errors
        .slice(0, 3)
        .map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`)
        .join('; ')}`,
    );
  }
  const names: Record<string, string> = {};
  for (const element of document.model.elements) names[element.id] = element.name || element.id;
  return { text, names };
}

function references(document: WorkflowDocument): FlowReference[] {
  const found: FlowReference[] = [];
  for (const element of document.model.elements) {
    if (element.type === 'callActivity' && element.flowId) {
      found.push({ flowId: element.flowId, version: element.version });
    }
  }
  for (const connection of document.model.connections) {
    const started = connection.reaction?.startsFlow;
    if (started) found.push({ flowId: started.flowId, version: started.version });
  }
  return found;
}

/** Earlier catalogs win: a document's own services over the workspace's. */
function mergeCatalogs(catalogs: readonly Catalog[]): Catalog {
  const services = new Map<string, Catalog['services'][number]>();
  const events = new Map<string, NonNullable<Catalog['events']>[number]>();
  for (const catalog of catalogs) {
    for (const service of catalog.services)
      if (!services.has(service.name)) services.set(service.name, service);
    for (const event of catalog.events ?? [])
      if (!events.has(event.name)) events.set(event.name, event);
  }
  return { services: [...services.values()], events: [...events.values()] };
}

function undoPairs(
  documents: readonly WorkflowDocument[],
  catalog: Catalog,
): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const service of catalog.services) {
    for (const operation of service.operations) {
      if (operation.compensatedBy)
        pairs[`${service.name}.${operation.name}`] = operation.compensatedBy;
    }
  }
  for (const document of documents) {
    for (const element of document.model.elements) {
      if (
        element.type === 'serviceTask' &&
        element.service &&
        element.operation &&
        element.compensation
      ) {
        pairs[`${element.service}.${element.operation}`] = element.compensation.operation;
      }
    }
  }
  return pairs;
}

function serviceNames(document: WorkflowDocument): Record<string, string> {
  const names: Record<string, string> = {};
  for (const element of document.model.elements) {
    if (element.type === 'service' && element.service) names[element.id] = element.service;
  }
  return names;
}
