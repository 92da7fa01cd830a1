/**
 * The comparison's documents and finished runs, and what every part of it reads from a run's
 * journal: which service an entry is about, the order a run reached its services, its latency.
 */
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { RunReport } from '../../src-shared/runtime/runReport';
import type { FlowResolver, RunDefinition } from '../runtime/definition';
import type { JournalRow } from '../runtime/RunStore';

/** One document to compare, with where the flows it calls are found. */
export interface CompareInput {
  readonly document: WorkflowDocument;
  /** How the document is named in the output (its file). */
  readonly file: string;
  readonly resolve: FlowResolver;
}

/** One finished run: its journal, its report and the definition it ran. */
export interface Ran {
  readonly journal: readonly JournalRow[];
  readonly report: RunReport;
}

export interface Prepared {
  readonly input: CompareInput;
  readonly definition: RunDefinition;
  /** Services the document's base run used, in the order of their first call or delivery. */
  readonly servicesInOrder: readonly string[];
}

export const str = (value: unknown) => (typeof value === 'string' ? value : '');
export const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** The catalog service a journal entry is about: a call's service, a delivery's node's service. */
export function serviceOfEntry(entry: JournalRow, definition: RunDefinition): string | undefined {
  if (
    entry.kind === 'request' &&
    (entry.data.effect === 'call' || entry.data.effect === 'compensate')
  )
    return str(entry.data.service) || undefined;
  if (entry.kind === 'delivery' || entry.kind === 'delivery.postponed') {
    const node = str(entry.data.service);
    return definition.serviceNames?.[node] ?? node;
  }
  return undefined;
}

export function servicesInOrder(
  journal: readonly JournalRow[],
  definition: RunDefinition,
): string[] {
  const order: string[] = [];
  for (const entry of journal) {
    const service = serviceOfEntry(entry, definition);
    if (service && !order.includes(service)) order.push(service);
  }
  for (const service of Object.values(definition.serviceNames ?? {}))
    if (!order.includes(service)) order.push(service);
  return order;
}

/** `Service.operation` keys of the operations that undo another. */
export const undoKeys = (definition: RunDefinition) =>
  new Set(
    Object.entries(definition.undoneBy).map(
      ([key, undo]) => `${key.slice(0, key.lastIndexOf('.'))}.${undo}`,
    ),
  );

/** Virtual time from the run's start to its final status. */
export const latencyOf = (ran: Ran) => ran.report.atMs - (ran.journal[0]?.atMs ?? 0);
