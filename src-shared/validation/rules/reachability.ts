import type { Diagnostic } from '../Diagnostic';
import { createDiagnostic } from '../diagnostics';
import type { FlowIndex } from '../flowIndex';
import { stronglyConnectedComponents } from './components';

/**
 * Checks that the flow starts (FLOW001, FLOW002), that every element can be reached from the
 * start (FLOW003), and that every reached element can go on to an end event (FLOW004).
 */
export function checkReachability(flow: FlowIndex): Diagnostic[] {
  const starts = flow.startsIn.get(-1) ?? [];
  if (starts.length === 0) {
    return [createDiagnostic('FLOW001', undefined, 'has no start event at its top level')];
  }
  const diagnostics: Diagnostic[] = [];
  if (starts.length > 1) {
    for (const start of starts) {
      diagnostics.push(
        createDiagnostic(
          'FLOW002',
          flow.elements[start],
          `is one of ${starts.length} start events at the top level of the flow`,
        ),
      );
    }
  }
  const reached = reachFrom(flow, starts);
  diagnostics.push(...unreachable(flow, reached), ...deadEnds(flow, reached));
  diagnostics.push(...endlessLoops(flow, reached, canReachAnEnd(flow)));
  return diagnostics;
}

/** Paths an element can take: its outgoing connections, then its boundary events. */
export const exitsOf = (flow: FlowIndex, node: number): readonly number[] => {
  const boundaries = flow.boundaries[node] ?? [];
  const successors = flow.successors[node] ?? [];
  return boundaries.length === 0 ? successors : [...successors, ...boundaries];
};

/** Elements reached from `starts` along paths, boundary events and into sub-processes. */
export function reachFrom(flow: FlowIndex, starts: readonly number[]): Uint8Array {
  const reached = new Uint8Array(flow.elements.length);
  const stack = [...starts];
  for (const start of starts) reached[start] = 1;
  while (stack.length > 0) {
    const node = stack.pop() as number;
    const inner = flow.elements[node]?.type === 'subProcess' ? flow.startsIn.get(node) : undefined;
    for (const next of inner ? [...exitsOf(flow, node), ...inner] : exitsOf(flow, node)) {
      if (reached[next]) continue;
      reached[next] = 1;
      stack.push(next);
    }
  }
  return reached;
}

function unreachable(flow: FlowIndex, reached: Uint8Array): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  flow.elements.forEach((element, index) => {
    if (reached[index] || !flow.flowNode[index] || element.type === 'boundaryEvent') return;
    const scope = flow.scope[index] ?? -1;
    // Inside an unreached sub-process, or one without a start, the sub-process is reported.
    if (scope >= 0 && (!reached[scope] || !flow.startsIn.has(scope))) return;
    diagnostics.push(
      createDiagnostic('FLOW003', element, 'cannot be reached from the start event'),
    );
  });
  return diagnostics;
}

function deadEnds(flow: FlowIndex, reached: Uint8Array): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  flow.elements.forEach((element, index) => {
    if (!reached[index] || element.type === 'endEvent') return;
    if ((flow.outgoing[index]?.length ?? 0) > 0) return;
    diagnostics.push(
      createDiagnostic(
        'FLOW004',
        element,
        'has no outgoing path: an instance that gets here never ends',
      ),
    );
  });
  return diagnostics;
}

/** Elements from which some path (boundary events included) leads to an end event. */
function canReachAnEnd(flow: FlowIndex): Uint8Array {
  const canEnd = new Uint8Array(flow.elements.length);
  const stack: number[] = [];
  flow.elements.forEach((element, index) => {
    if (element.type !== 'endEvent') return;
    canEnd[index] = 1;
    stack.push(index);
  });
  const mark = (node: number | undefined) => {
    if (node === undefined || node < 0 || canEnd[node]) return;
    canEnd[node] = 1;
    stack.push(node);
  };
  while (stack.length > 0) {
    const node = stack.pop() as number;
    for (const connection of flow.incoming[node] ?? []) mark(flow.position.get(connection.source));
    mark(flow.host[node]);
  }
  return canEnd;
}

/**
 * Loops with no way out: groups of reached elements that lead only to each other and never to
 * an end event. One diagnostic per loop, on its first element in document order; elements that
 * merely lead into such a loop or into a dead end are not reported again.
 */
function endlessLoops(flow: FlowIndex, reached: Uint8Array, canEnd: Uint8Array): Diagnostic[] {
  const doomed: number[] = [];
  flow.elements.forEach((_, index) => {
    if (reached[index] && !canEnd[index] && (flow.outgoing[index]?.length ?? 0) > 0) {
      doomed.push(index);
    }
  });
  const exits = (node: number) => exitsOf(flow, node);
  const diagnostics: Diagnostic[] = [];
  for (const component of stronglyConnectedComponents(flow.elements.length, doomed, exits)) {
    const loop = closedLoop(component, exits);
    if (!loop) continue;
    diagnostics.push(
      createDiagnostic(
        'FLOW004',
        flow.elements[loop[0] as number],
        `is on a loop that never reaches an end event (${listIds(flow, loop)})`,
      ),
    );
  }
  return diagnostics;
}

/** The members of `component` in document order if it is a loop with no way out, else null. */
function closedLoop(
  component: readonly number[],
  exits: (node: number) => readonly number[],
): number[] | null {
  if (component.length === 1) {
    const [only = -1] = component;
    const targets = exits(only);
    return targets.length > 0 && targets.every((target) => target === only) ? [only] : null;
  }
  const members = new Set(component);
  const closed = component.every((node) => exits(node).every((target) => members.has(target)));
  return closed ? [...component].sort((a, b) => a - b) : null;
}

const LISTED = 5;

/** `a, b, c and 4 more`: the ids of some elements, short enough for a message. */
export function listIds(flow: FlowIndex, nodes: readonly number[]): string {
  const ids = nodes.slice(0, LISTED).map((node) => flow.elements[node]?.id ?? '?');
  const more = nodes.length - ids.length;
  return more > 0 ? `${ids.join(', ')} and ${more} more` : ids.join(', ');
}
