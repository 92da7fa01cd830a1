import type { Element } from '../../model/document';
import type { Diagnostic } from '../Diagnostic';
import { createDiagnostic, describeSubject } from '../diagnostics';
import type { FlowIndex } from '../flowIndex';
import type { Branch, BlockStructure } from './forkJoin';

/**
 * Lints the saga's compensation, the failure modes of DESIGN.md §2 about undoing: a step that
 * cannot be undone placed before a step that can fail (FLOW302), and a step after a pivot
 * without retries (FLOW303). "After" follows paths into and out of sub-processes, and a step in
 * one parallel branch also runs before the steps of the other branches.
 */
export function checkCompensation(flow: FlowIndex, blocks: BlockStructure): Diagnostic[] {
  const next = stepGraph(flow);
  const starts = (flow.startsIn.get(-1) ?? []).map((start): Seed => [start, start]);
  const beforePivot = walk(next, starts, (node) => isPivot(flow.elements[node]));
  const pivotSeeds: Seed[] = [];
  flow.elements.forEach((element, pivot) => {
    if (isPivot(element)) for (const node of next[pivot] ?? []) pivotSeeds.push([node, pivot]);
  });
  const afterPivot = walk(next, pivotSeeds, () => false);
  return [...undoable(flow, next, blocks, beforePivot), ...forwardOnly(flow, afterPivot)];
}

type Seed = readonly [node: number, origin: number];

const isPivot = (element: Element | undefined) =>
  element?.type === 'serviceTask' && element.pivot === true;

/** Steps that can fail: calls, and error ends (the instance fails and compensates). */
const canFail = (element: Element) =>
  element.type === 'serviceTask' ||
  element.type === 'callActivity' ||
  (element.type === 'endEvent' && element.result === 'error');

/**
 * What may run right after each element: its paths and boundary events; a sub-process runs its
 * start, and an end event inside a sub-process goes on after the sub-process.
 */
function stepGraph(flow: FlowIndex): (readonly number[])[] {
  return flow.elements.map((element, index) => {
    const boundaries = flow.boundaries[index] ?? [];
    const successors = flow.successors[index] ?? [];
    const scope = flow.scope[index] ?? -1;
    if (element.type === 'subProcess') return [...(flow.startsIn.get(index) ?? []), ...boundaries];
    if (element.type === 'endEvent' && scope >= 0) return flow.successors[scope] ?? [];
    return boundaries.length === 0 ? successors : [...successors, ...boundaries];
  });
}

/** Elements reached from the seeds, each with the seed's origin, not going on past `stop`. */
function walk(
  next: readonly (readonly number[])[],
  seeds: readonly Seed[],
  stop: (node: number) => boolean,
) {
  const origin = new Int32Array(next.length).fill(-1);
  const stack: number[] = [];
  for (const [node, from] of seeds) {
    if (origin[node] !== -1) continue;
    origin[node] = from;
    stack.push(node);
  }
  while (stack.length > 0) {
    const node = stack.pop() as number;
    if (stop(node)) continue;
    for (const target of next[node] ?? []) {
      if (origin[target] !== -1) continue;
      origin[target] = origin[node] ?? -1;
      stack.push(target);
    }
  }
  return origin;
}

/** For each element, a step that can fail somewhere after it (-1: none), found breadth first. */
function laterFailures(flow: FlowIndex, next: readonly (readonly number[])[]): Int32Array {
  const previous: number[][] = next.map(() => []);
  next.forEach((targets, node) => targets.forEach((target) => previous[target]?.push(node)));
  const witness = new Int32Array(next.length).fill(-1);
  const queue: number[] = [];
  flow.elements.forEach((element, failing) => {
    if (!canFail(element)) return;
    for (const node of previous[failing] ?? []) {
      if (witness[node] !== -1) continue;
      witness[node] = failing;
      queue.push(node);
    }
  });
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head] as number;
    for (const before of previous[node] ?? []) {
      if (witness[before] !== -1) continue;
      witness[before] = witness[node] ?? -1;
      queue.push(before);
    }
  }
  return witness;
}

/** The parallel branches an element runs in, innermost first, through its sub-processes. */
function branchesOf(flow: FlowIndex, blocks: BlockStructure, node: number): Branch[] {
  const branches: Branch[] = [];
  for (let at = node; at >= 0; at = flow.scope[at] ?? -1) {
    for (let branch = blocks.branchOf[at]; branch; branch = branch.outer) branches.push(branch);
  }
  return branches;
}

/** Steps that can fail, by fork and branch: the first one found in each branch. */
function failuresByBranch(flow: FlowIndex, blocks: BlockStructure) {
  const byFork = new Map<number, Map<number, number>>();
  flow.elements.forEach((element, node) => {
    if (!canFail(element)) return;
    for (const { fork, branch } of branchesOf(flow, blocks, node)) {
      const branches = byFork.get(fork) ?? new Map<number, number>();
      if (!branches.has(branch)) branches.set(branch, node);
      byFork.set(fork, branches);
    }
  });
  return byFork;
}

function undoable(
  flow: FlowIndex,
  next: readonly (readonly number[])[],
  blocks: BlockStructure,
  beforePivot: Int32Array,
): Diagnostic[] {
  const later = laterFailures(flow, next);
  const parallel = failuresByBranch(flow, blocks);
  const inOtherBranch = (node: number) => {
    for (const { fork, branch } of branchesOf(flow, blocks, node)) {
      for (const [other, failing] of parallel.get(fork) ?? []) if (other !== branch) return failing;
    }
    return -1;
  };
  const diagnostics: Diagnostic[] = [];
  flow.elements.forEach((element, node) => {
    if (element.type !== 'serviceTask' || element.compensation || element.pivot) return;
    if (beforePivot[node] === -1) return;
    const after = later[node] ?? -1;
    const failing = after >= 0 ? after : inOtherBranch(node);
    if (failing < 0) return;
    const where = after >= 0 ? 'after it' : 'in a parallel branch';
    const step = flow.elements[failing];
    const risk =
      step?.type === 'endEvent'
        ? `the flow may end in error at ${describeSubject(step)} ${where}`
        : `${describeSubject(step)} may fail ${where}`;
    diagnostics.push(
      createDiagnostic(
        'FLOW302',
        element,
        `cannot be undone (no compensation, not a pivot), yet ${risk}`,
      ),
    );
  });
  return diagnostics;
}

function forwardOnly(flow: FlowIndex, afterPivot: Int32Array): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  flow.elements.forEach((element, node) => {
    const pivot = afterPivot[node] ?? -1;
    if (element.type !== 'serviceTask' || pivot < 0) return;
    if ((element.retry?.maxAttempts ?? 1) >= 2) return;
    const pivotId = flow.elements[pivot]?.id ?? '?';
    diagnostics.push(
      createDiagnostic(
        'FLOW303',
        element,
        `runs after pivot ${pivotId} without retries: after the pivot the saga only goes forward`,
      ),
    );
  });
  return diagnostics;
}
