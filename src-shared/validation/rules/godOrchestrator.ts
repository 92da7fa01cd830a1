import type { Diagnostic } from '../Diagnostic';
import { createDiagnostic } from '../diagnostics';
import type { FlowIndex } from '../flowIndex';
import { isBlank } from './ruleTypes';

/** The thresholds of the god-orchestrator lints (documented in docs/diagnostics.md). */
export const godOrchestratorLimits = {
  /** More distinct services than this in one flow is FLOW306. */
  maxServices: 8,
  /** A condition longer than this (in characters) is FLOW307. */
  maxConditionLength: 200,
  /** A condition with more `and` / `or` operators than this is FLOW307. */
  maxBooleanOperators: 4,
} as const;

/**
 * Lints the "god orchestrator" of DESIGN.md §2: one flow calling very many services (FLOW306),
 * or holding business rules in its conditions (FLOW307).
 */
export function checkGodOrchestrator(flow: FlowIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const services = new Set<string>();
  for (const element of flow.elements) {
    if (element.type === 'serviceTask' && element.service) services.add(element.service);
  }
  if (services.size > godOrchestratorLimits.maxServices) {
    const names = [...services].sort().join(', ');
    diagnostics.push(
      createDiagnostic(
        'FLOW306',
        undefined,
        `calls ${services.size} different services (${names}); more than ${godOrchestratorLimits.maxServices} makes one flow the owner of everyone's work`,
      ),
    );
  }
  for (const connection of flow.connections) {
    const condition = connection.condition;
    if (condition === undefined || isBlank(condition)) continue;
    const length = condition.trim().length;
    const operators = booleanOperators(condition);
    if (
      length <= godOrchestratorLimits.maxConditionLength &&
      operators <= godOrchestratorLimits.maxBooleanOperators
    ) {
      continue;
    }
    diagnostics.push(
      createDiagnostic(
        'FLOW307',
        connection,
        `has a condition of ${length} characters with ${operators} boolean operators (limits: ${godOrchestratorLimits.maxConditionLength} characters, ${godOrchestratorLimits.maxBooleanOperators} operators)`,
      ),
    );
  }
  return diagnostics;
}

/** How many `and` / `or` operators a JSONata expression holds, outside strings and names. */
export function booleanOperators(expression: string): number {
  const code = expression.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, ' ');
  return code.match(/(?<![\w$.])(?:and|or)(?![\w$])/g)?.length ?? 0;
}
