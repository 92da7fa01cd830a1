import { compileFlow } from '../../compiler/compileFlow';
import { buildFlowGraph } from '../../compiler/flowGraph';
import type { WorkflowDocument } from '../../model/document';
import type { Diagnostic } from '../../validation/Diagnostic';
import type { ExportReportItem } from '../exportReport';
import { AslFlowBuilder } from './AslFlowBuilder';
import { MOCK_TARGETS, type AslTargets } from './aslStates';
import type { AslMachine } from './aslTypes';

/** What exporting a flow to ASL gives. */
export interface AslExportResult {
  /** The state machine definition, or null (see `refused` and `diagnostics`). */
  readonly definition: AslMachine | null;
  /** Set when the document is of a kind ASL cannot take (a choreography map). */
  readonly refused?: string;
  /** The flow's own problems; with an error it is not exported. */
  readonly diagnostics: readonly Diagnostic[];
  /** What ASL could not express as drawn (never dropped silently). */
  readonly report: readonly ExportReportItem[];
}

/**
 * An orchestration flow as an AWS Step Functions state machine (Amazon States Language,
 * `QueryLanguage: "JSONata"`, which is Baton's expression language): service tasks become Task
 * states calling mock Lambda ARNs with the flow's mappings as `Arguments`/`Output`; exclusive
 * gateways Choice; parallel forks Parallel; timers Wait; retry policies Retry; error boundaries
 * and timeouts Catch/TimeoutSeconds; compensation a chain of Catch targets that undoes the
 * completed steps in reverse order and ends in a Fail state. What ASL cannot express is listed
 * in `report`. Deterministic: the same flow gives the same definition.
 */
export function exportAsl(
  document: WorkflowDocument,
  targets: AslTargets = MOCK_TARGETS,
): AslExportResult {
  if (document.kind !== 'flow') {
    return {
      definition: null,
      refused:
        'AWS Step Functions runs orchestration flows; a choreography map has no coordinator to export (export it to AsyncAPI instead)',
      diagnostics: [],
      report: [],
    };
  }
  const { machine, diagnostics } = compileFlow(document);
  if (!machine) return { definition: null, diagnostics, report: [] };
  const builder = new AslFlowBuilder(buildFlowGraph(document), targets);
  const definition = builder.build(document.name ?? 'Untitled flow');
  return { definition, diagnostics, report: builder.report };
}

/** The definition as text: two-space JSON with a final newline. */
export function serializeAsl(definition: AslMachine): string {
  return `${JSON.stringify(definition, null, 2)}\n`;
}
