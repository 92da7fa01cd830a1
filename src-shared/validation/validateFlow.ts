import type { WorkflowDocument } from '../model/document';
import type { Diagnostic, FlowContext } from './Diagnostic';
import { createDiagnostic } from './diagnostics';
import { effectiveCatalog } from './effectiveCatalog';
import { indexFlow } from './flowIndex';
import { checkCompensation } from './rules/compensation';
import { checkEvents } from './rules/events';
import { checkExpressions } from './rules/expressions';
import { checkBlockStructure } from './rules/forkJoin';
import { checkGateways } from './rules/gateways';
import { checkGodOrchestrator } from './rules/godOrchestrator';
import { checkIntegrity } from './rules/integrity';
import { checkReachability } from './rules/reachability';
import { checkReferences } from './rules/references';
import type { RuleContext } from './rules/ruleTypes';
import { eventTypeNames, indexCatalog } from './rules/ruleTypes';
import { checkTimeouts } from './rules/sagaLints';
import { checkScopes } from './rules/scopes';

export { effectiveCatalog } from './effectiveCatalog';

/**
 * Checks an orchestration flow: structure, references, expression syntax and the failure modes
 * of DESIGN.md §2, as catalogued diagnostics (see `diagnostics.ts`). Never throws on a user's
 * mistake, even for a document the schema would refuse but that can still be read. The result
 * is sorted by code, then element id, then message, so the same document always gives the
 * same list. Runs in time linear in the size of the flow.
 */
export function validateFlow(doc: WorkflowDocument, context: FlowContext): Diagnostic[] {
  if (doc.kind !== 'flow') {
    return [
      createDiagnostic('FLOW023', undefined, 'is a choreography map, not an orchestration flow'),
    ];
  }
  const flow = indexFlow(doc);
  const catalog = effectiveCatalog(doc, context);
  const eventTypes = eventTypeNames(catalog);
  const rules: RuleContext = {
    catalog,
    operations: indexCatalog(catalog),
    ...(context.flowVersions ? { flowVersions: context.flowVersions } : {}),
    ...(eventTypes ? { eventTypes } : {}),
  };
  const blocks = checkBlockStructure(flow);
  const diagnostics = [
    ...checkIntegrity(flow),
    ...checkScopes(flow),
    ...checkReachability(flow),
    ...checkGateways(flow),
    ...blocks.diagnostics,
    ...checkEvents(flow),
    ...checkReferences(flow, rules),
    ...checkExpressions(flow),
    ...checkTimeouts(flow, rules),
    ...checkCompensation(flow, blocks),
    ...checkGodOrchestrator(flow),
  ];
  return diagnostics.sort(compareDiagnostics);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Code, then element id (flow-wide findings first), then message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.code, b.code) ||
    compareText(a.elementId ?? '', b.elementId ?? '') ||
    compareText(a.message, b.message)
  );
}
