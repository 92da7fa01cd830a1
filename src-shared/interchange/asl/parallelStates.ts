// The ASL export's Parallel states: a parallel fork's branches up to its join, and an embedded
// sub-process as a Parallel state of one branch; the compensable steps and pivots inside them.
import { matchingJoin, outgoingOf, type FlowGraph } from '../../compiler/flowGraph';
import type { Element } from '../../model/document';
import { jsonata, KEEP_DATA } from './aslStates';
import type { AslMachine, AslState } from './aslTypes';
import type { AslWalk, Region, Stack } from './regions';

export function parallel(
  walk: AslWalk,
  element: Element,
  region: Region,
  stack: Stack,
): [string, Stack][] {
  const match = matchingJoin(walk.graph, element);
  if ('problem' in match) throw new Error(match.problem);
  const branches: AslMachine[] = [];
  const undoable: string[] = [];
  for (const path of outgoingOf(walk.graph, element.id)) {
    const states: Record<string, AslState> = {};
    let startAt = path.target;
    if (path.target === match.join) {
      startAt = `__empty_${path.id}`;
      states[startAt] = { Type: 'Pass', End: true };
    } else {
      walk.region(path.target, { states, stop: match.join, nested: true }, []);
    }
    undoable.push(...compensableIn(walk.graph, states));
    branches.push({ StartAt: startAt, States: states });
  }
  if (undoable.length > 0)
    walk.note(
      'ASL104',
      'approximated',
      element.id,
      `when a branch fails, Step Functions stops the others; the Catch chain then undoes every compensable step of every branch (${undoable.join(', ')}), in branch order rather than completion order, so those compensations must tolerate a step that never ran`,
    );
  const target = outgoingOf(walk.graph, match.join)[0]?.target;
  return block(walk, element, region, stack, branches, jsonata('$merge($states.result)'), target);
}

/**
 * An embedded sub-process as a Parallel state of one branch: a scope whose failure its error
 * boundary (or the compensation chain) catches, as Baton's compound state does.
 */
export function subProcess(
  walk: AslWalk,
  element: Element,
  region: Region,
  stack: Stack,
): [string, Stack][] {
  const start = (walk.graph.children.get(element.id) ?? []).find((e) => e.type === 'startEvent');
  const states: Record<string, AslState> = {};
  let startAt = `__empty_${element.id}`;
  if (start) {
    startAt = start.id;
    walk.region(start.id, { states, stop: null, nested: true }, []);
  } else states[startAt] = { Type: 'Pass', End: true };
  const undoable = compensableIn(walk.graph, states);
  if (undoable.length > 0 && !errorBoundaryOf(walk.graph, element.id))
    walk.note(
      'ASL105',
      'approximated',
      element.id,
      `a failure inside the sub-process is caught around it; the Catch chain then undoes all its compensable steps (${undoable.join(', ')}), newest first, so those compensations must tolerate a step that never ran`,
    );
  const target = outgoingOf(walk.graph, element.id)[0]?.target;
  const output = jsonata('$states.result[0]');
  return block(
    walk,
    element,
    region,
    stack,
    [{ StartAt: startAt, States: states }],
    output,
    target,
  );
}

/**
 * A Parallel state of `branches` going on to `target`: its error boundary, or the chain
 * undoing the steps before it and in it, catches a failure. After it, those steps are done
 * (or, past a pivot in it, nothing is undone any more).
 */
function block(
  walk: AslWalk,
  element: Element,
  region: Region,
  stack: Stack,
  branches: AslMachine[],
  output: string,
  target: string | undefined,
): [string, Stack][] {
  const inside = branches.map((branch) => branch.States);
  const pivots = inside.some((states) => hasPivot(walk.graph, states));
  const undoable = inside.flatMap((states) => compensableIn(walk.graph, states));
  const after: Stack = stack === null || pivots ? null : [...stack, ...undoable];
  const state: AslState = {
    Type: 'Parallel',
    Comment: element.name || element.id,
    Branches: branches,
    Output: output,
  };
  const catchTo =
    errorBoundaryOf(walk.graph, element.id) ??
    walk.failureTarget(region, stack === null ? null : [...stack, ...undoable]);
  if (catchTo) state.Catch = [{ ErrorEquals: ['States.ALL'], Next: catchTo, Output: KEEP_DATA }];
  if (target === undefined || target === region.stop) state.End = true;
  else state.Next = target;
  region.states[element.id] = state;
  const next: [string, Stack][] = target === undefined ? [] : [[target, after]];
  for (const boundary of walk.graph.boundaries.get(element.id) ?? []) {
    if (boundary.type !== 'boundaryEvent') continue;
    if (boundary.trigger === 'error') next.push([boundary.id, stack]);
    else
      walk.note(
        'ASL106',
        'unsupported',
        boundary.id,
        'a Parallel state has no TimeoutSeconds: this timer boundary and the path after it are left out',
      );
  }
  return next;
}

function errorBoundaryOf(graph: FlowGraph, id: string): string | undefined {
  return (graph.boundaries.get(id) ?? []).find(
    (b) => b.type === 'boundaryEvent' && b.trigger === 'error',
  )?.id;
}

function hasPivot(graph: FlowGraph, states: Record<string, AslState>): boolean {
  return Object.entries(states).some(([name, state]) => {
    const element = graph.elements.get(name);
    return (
      (element?.type === 'serviceTask' && element.pivot === true) ||
      (state.Branches ?? []).some((branch) => hasPivot(graph, branch.States))
    );
  });
}

/** Compensable service tasks among a branch's states, in the order written. */
function compensableIn(graph: FlowGraph, states: Record<string, AslState>): string[] {
  const found: string[] = [];
  const visit = (record: Record<string, AslState>) => {
    for (const [name, state] of Object.entries(record)) {
      const element = graph.elements.get(name);
      if (element?.type === 'serviceTask' && element.compensation && !element.pivot)
        found.push(name);
      for (const branch of state.Branches ?? []) visit(branch.States);
    }
  };
  visit(states);
  return found;
}
