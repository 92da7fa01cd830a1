import { elementTypeInfo } from '../../model/elementTypes';
import type { Diagnostic } from '../Diagnostic';
import { aTypeLabel, createDiagnostic } from '../diagnostics';
import type { FlowIndex } from '../flowIndex';

/**
 * Checks how elements nest and connect: parents that are not sub-processes (FLOW020),
 * sub-processes without exactly one start (FLOW021), paths across a sub-process boundary
 * (FLOW022) and paths an element type cannot have (FLOW017).
 */
export function checkScopes(flow: FlowIndex): Diagnostic[] {
  return [...parents(flow), ...subProcessStarts(flow), ...connectionEnds(flow)];
}

const parentDetail = {
  unknown: (parent: string) => `is inside ${parent}, which does not exist`,
  'not a sub-process': (parent: string) => `is inside ${parent}, which is not a sub-process`,
  cycle: (parent: string) => `is inside ${parent}, which is (through its parents) inside it`,
};

function parents(flow: FlowIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  flow.elements.forEach((element, index) => {
    const problem = flow.parentProblem[index];
    if (problem === undefined || element.parent === undefined) return;
    diagnostics.push(createDiagnostic('FLOW020', element, parentDetail[problem](element.parent)));
  });
  return diagnostics;
}

function subProcessStarts(flow: FlowIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  flow.elements.forEach((element, index) => {
    if (element.type !== 'subProcess') return;
    const starts = flow.startsIn.get(index)?.length ?? 0;
    if (starts === 1) return;
    const detail = starts === 0 ? 'has no start event inside it' : `has ${starts} start events`;
    diagnostics.push(createDiagnostic('FLOW021', element, detail));
  });
  return diagnostics;
}

const mapTypes = new Set(['service', 'eventType']);

function connectionEnds(flow: FlowIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const connection of flow.connections) {
    const sourceIndex = flow.position.get(connection.source) ?? -1;
    const targetIndex = flow.position.get(connection.target) ?? -1;
    const source = flow.elements[sourceIndex];
    const target = flow.elements[targetIndex];
    if (!source || !target || mapTypes.has(source.type) || mapTypes.has(target.type)) continue;
    const outgoing = elementTypeInfo[source.type].accepts.outgoing;
    if (!outgoing || !elementTypeInfo[target.type].accepts.incoming) {
      const detail = outgoing
        ? `leads into ${target.id}, and ${aTypeLabel(target.type)} has no incoming paths`
        : `leaves ${source.id}, and ${aTypeLabel(source.type)} has no outgoing paths`;
      diagnostics.push(createDiagnostic('FLOW017', connection, detail));
    } else if (flow.scope[sourceIndex] !== flow.scope[targetIndex]) {
      diagnostics.push(
        createDiagnostic(
          'FLOW022',
          connection,
          `connects ${source.id} and ${target.id}, which are not inside the same sub-process`,
        ),
      );
    }
  }
  return diagnostics;
}
