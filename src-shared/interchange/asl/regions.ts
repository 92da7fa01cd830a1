// How the ASL export walks a flow: the region states are written into, the compensable steps
// completed on the way there, and what the state writers share with the builder.
import { outgoingOf, type FlowGraph } from '../../compiler/flowGraph';
import type { ExportReportItem } from '../exportReport';
import type { AslTargets } from './aslStates';
import type { AslState } from './aslTypes';

/**
 * The compensable steps completed on the way to a state, oldest first; null once a pivot step
 * has completed (from there a failure is not undone).
 */
export type Stack = readonly string[] | null;

/** Where states are being written: the machine's top level or one branch of a Parallel state. */
export interface Region {
  readonly states: Record<string, AslState>;
  /** The parallel join that ends the branch (null at the top level and in a sub-process). */
  readonly stop: string | null;
  /** In a Parallel branch (or a sub-process): a failure fails the branch, the Parallel catches it. */
  readonly nested: boolean;
}

/** What the state writers share with the builder walking the flow (`AslFlowBuilder`). */
export interface AslWalk {
  readonly graph: FlowGraph;
  readonly targets: AslTargets;
  /** Writes the states reachable from `startId` into `region`, stopping at its join. */
  region(startId: string, region: Region, stack: Stack): void;
  /** Where an uncaught failure goes: nowhere in a branch, else the chain undoing `stack`. */
  failureTarget(region: Region, stack: Stack): string | null;
  /** Reports what the export could not express as drawn. */
  note(
    code: string,
    severity: ExportReportItem['severity'],
    elementId: string | undefined,
    message: string,
  ): void;
}

/** The paths out of `id` (with the steps completed after it) and its boundary events. */
export function successors(
  graph: FlowGraph,
  id: string,
  stack: Stack,
  after: Stack = stack,
): [string, Stack][] {
  const boundaries = (graph.boundaries.get(id) ?? []).map((boundary): [string, Stack] => [
    boundary.id,
    stack,
  ]);
  return [
    ...outgoingOf(graph, id).map((path): [string, Stack] => [path.target, after]),
    ...boundaries,
  ];
}

/** `Next` to the single path out, or `End` when it reaches the branch's join. */
export function withNext(graph: FlowGraph, state: AslState, id: string, region: Region): AslState {
  const target = outgoingOf(graph, id)[0]?.target;
  if (target === undefined || target === region.stop) state.End = true;
  else state.Next = target;
  return state;
}

/** The state a path to `target` enters: an End marker is not possible in a Choice. */
export function nextName(target: string, region: Region): string {
  if (target !== region.stop) return target;
  const name = `__toJoin_${target}_${Object.keys(region.states).length}`;
  region.states[name] = { Type: 'Pass', End: true };
  return name;
}
