import type { WorkflowDocument } from '../../model/document';
import type { Diagnostic, FlowContext } from '../Diagnostic';
import { effectiveCatalog } from '../effectiveCatalog';
import { compareDiagnostics } from '../validateFlow';
import { checkCycles } from './mapCycles';
import { mapDiagnosticFor } from './mapDiagnostics';
import { checkMapConnections } from './mapConnections';
import { checkEventFlow } from './mapEventFlow';
import { checkMapExpressions } from './mapExpressions';
import { indexMap } from './mapIndex';
import { checkMapIntegrity } from './mapIntegrity';
import { checkLifecycle } from './mapLifecycle';
import { checkMapReferences, mapReferenceContext } from './mapReferences';

/**
 * Checks a choreography map: its structure, what it references in the services and events
 * catalogs (the workspace's merged with the document's own), the syntax of its reactions' JSONata,
 * and the failure modes of DESIGN.md §2 (cycles, events nobody consumes or publishes,
 * non-idempotent reactions on an at-least-once broker, no way to compensate), as catalogued
 * diagnostics (see `mapDiagnostics.ts`). Never throws on a user's mistake. The result is sorted
 * by code, then element id, then message. Runs in time linear in the size of the map (plus the
 * sorting of the steps inside a cycle, when there is one).
 */
export function validateMap(doc: WorkflowDocument, context: FlowContext): Diagnostic[] {
  if (doc.kind !== 'map') {
    const message = 'The document is an orchestration flow, not a choreography map';
    return [mapDiagnosticFor('CHOR006', undefined, message)];
  }
  const map = indexMap(doc);
  const catalog = effectiveCatalog(doc, context);
  const references = mapReferenceContext(catalog, context.flowVersions);
  const diagnostics = [
    ...checkMapIntegrity(map),
    ...checkMapConnections(map),
    ...checkLifecycle(map),
    ...checkMapReferences(map, references),
    ...checkMapExpressions(map),
    ...checkCycles(map),
    ...checkEventFlow(map),
  ];
  return diagnostics.sort(compareDiagnostics);
}
