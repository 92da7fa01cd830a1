import type { Connection, Element, ElementOf } from '../../model/document';
import type { Diagnostic } from '../Diagnostic';
import { createDiagnostic } from '../diagnostics';
import type { FlowIndex } from '../flowIndex';
import { isBlank } from './ruleTypes';

/**
 * Checks how paths leave elements: gateway arity (FLOW005), how an exclusive split chooses
 * (FLOW008–FLOW011), conditions and outcomes that nothing reads (FLOW012), implicit splits
 * (FLOW013) and the decision paths of user tasks (FLOW014).
 */
export function checkGateways(flow: FlowIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  flow.elements.forEach((element, index) => {
    const outgoing = flow.outgoing[index] ?? [];
    const incoming = flow.incoming[index] ?? [];
    if (element.type === 'exclusiveGateway' || element.type === 'parallelGateway') {
      if (incoming.length === 1 && outgoing.length === 1) {
        diagnostics.push(
          createDiagnostic('FLOW005', element, 'has one incoming and one outgoing path'),
        );
      }
      if (element.type === 'exclusiveGateway') {
        diagnostics.push(...exclusiveChoice(element, outgoing));
      }
    } else if (element.type === 'userTask') {
      diagnostics.push(...decisionPaths(element, outgoing));
    } else if (outgoing.length > 1 && flow.flowNode[index]) {
      diagnostics.push(
        createDiagnostic(
          'FLOW013',
          element,
          `has ${outgoing.length} outgoing paths; only gateways and user tasks choose between paths`,
        ),
      );
    }
  });
  diagnostics.push(...ignoredDecisions(flow));
  return diagnostics;
}

/** Does this path's condition decide anything? Only on the non-default paths of a split. */
function conditionCounts(flow: FlowIndex, connection: Connection): boolean {
  const source = flow.elements[flow.position.get(connection.source) ?? -1];
  if (source?.type !== 'exclusiveGateway' || source.default === connection.id) return false;
  return (flow.outgoing[flow.position.get(source.id) ?? -1]?.length ?? 0) > 1;
}

function exclusiveChoice(
  gateway: ElementOf<'exclusiveGateway'>,
  outgoing: readonly Connection[],
): Diagnostic[] {
  if (gateway.default !== undefined && !outgoing.some((path) => path.id === gateway.default)) {
    return [
      createDiagnostic(
        'FLOW011',
        gateway,
        `has default path ${gateway.default}, which is not one of its outgoing paths`,
      ),
    ];
  }
  if (outgoing.length < 2) return [];
  const unconditioned = outgoing.filter((path) => isBlank(path.condition));
  if (gateway.default === undefined) {
    if (unconditioned.length > 0) {
      const ids = unconditioned.map((path) => path.id).join(', ');
      return [
        createDiagnostic('FLOW008', gateway, `has no default path and no condition on ${ids}`),
      ];
    }
    return [
      createDiagnostic(
        'FLOW010',
        gateway,
        'has no default path: an instance for which no condition holds fails here',
      ),
    ];
  }
  return unconditioned
    .filter((path) => path.id !== gateway.default)
    .map((path) =>
      createDiagnostic(
        'FLOW009',
        path,
        `leaves ${gateway.id} without a condition and is not its default path`,
      ),
    );
}

function decisionPaths(task: ElementOf<'userTask'>, outgoing: readonly Connection[]) {
  const decided = outgoing.filter((path) => path.outcome !== undefined);
  if (outgoing.length < 2 && decided.length === 0) return [];
  const problem = decisionProblem(outgoing);
  return problem === undefined ? [] : [createDiagnostic('FLOW014', task, problem)];
}

function decisionProblem(outgoing: readonly Connection[]): string | undefined {
  if (outgoing.length > 2) return `has ${outgoing.length} outgoing paths; a decision has two`;
  const undecided = outgoing.find((path) => path.outcome === undefined);
  if (undecided) return `has path ${undecided.id} without an outcome (approve or reject)`;
  for (const outcome of ['approve', 'reject'] as const) {
    const paths = outgoing.filter((path) => path.outcome === outcome).length;
    if (paths === 0) return `has no path for "${outcome}"`;
  }
  return undefined;
}

function ignoredDecisions(flow: FlowIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const connection of flow.connections) {
    const source: Element | undefined = flow.elements[flow.position.get(connection.source) ?? -1];
    if (!isBlank(connection.condition) && !conditionCounts(flow, connection)) {
      const why =
        source?.type === 'exclusiveGateway'
          ? 'it is the default path or the only path of the gateway'
          : 'only paths leaving an exclusive gateway have conditions';
      diagnostics.push(
        createDiagnostic('FLOW012', connection, `has a condition that is never evaluated: ${why}`),
      );
    }
    if (connection.outcome !== undefined && source?.type !== 'userTask') {
      diagnostics.push(
        createDiagnostic(
          'FLOW012',
          connection,
          `has outcome "${connection.outcome}", but only paths leaving a user task have outcomes`,
        ),
      );
    }
  }
  return diagnostics;
}
