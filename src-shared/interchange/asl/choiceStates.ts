// The ASL export's Choice states: an exclusive gateway's conditions, and a user task as a
// callback task followed by a Choice between its approve and reject paths.
import { outgoingOf } from '../../compiler/flowGraph';
import type { ElementOf } from '../../model/document';
import { callbackState, jsonata, overData, seconds } from './aslStates';
import type { AslState } from './aslTypes';
import { nextName, successors, withNext, type AslWalk, type Region, type Stack } from './regions';
import { writeTask } from './taskStates';

export function userTask(
  walk: AslWalk,
  element: ElementOf<'userTask'>,
  region: Region,
  stack: Stack,
): [string, Stack][] {
  walk.note(
    'ASL001',
    'approximated',
    element.id,
    'a person decides through a callback task: the function gets the task token, and your approval UI calls SendTaskSuccess with {"decision": "approve" | "reject", "output": {…}}',
  );
  const state = callbackState(
    `${element.name || element.id}: a person decides`,
    'baton-ask-person',
    { elementId: element.id, ...(element.assignee ? { assignee: element.assignee } : {}) },
    walk.targets,
  );
  state.Output = jsonata(
    "$merge([$states.input, $type($states.result.output) = 'object' ? $states.result.output : {}])",
  );
  state.Assign = { decision: jsonata('$states.result.decision') };
  if (element.timeoutMs !== undefined) state.TimeoutSeconds = seconds(element.timeoutMs);
  const decide = `__decide_${element.id}`;
  writeTask(walk, element, region, stack, state);
  state.Next = decide;
  delete state.End;
  const paths = outgoingOf(walk.graph, element.id);
  const approve = paths.find((p) => p.outcome === 'approve') ?? paths.find((p) => !p.outcome);
  const reject = paths.find((p) => p.outcome === 'reject');
  const to = (target: string | undefined) =>
    target === undefined ? rejected(walk, element.id, region, stack) : nextName(target, region);
  region.states[decide] = {
    Type: 'Choice',
    Comment: `${element.name || element.id}: approved or rejected`,
    Choices: [{ Condition: jsonata("$decision = 'reject'"), Next: to(reject?.target) }],
    Default: to(approve?.target),
  };
  return successors(walk.graph, element.id, stack);
}

/** Where a decision without a path of its own goes: the failure path. */
function rejected(walk: AslWalk, id: string, region: Region, stack: Stack): string {
  const failure = walk.failureTarget(region, stack);
  if (failure) return failure;
  const name = `__rejected_${id}`;
  region.states[name] = { Type: 'Fail', Error: 'Baton.Rejected' };
  return name;
}

export function exclusiveGateway(
  walk: AslWalk,
  element: ElementOf<'exclusiveGateway'>,
  region: Region,
  stack: Stack,
): [string, Stack][] {
  const paths = outgoingOf(walk.graph, element.id);
  if (paths.length <= 1) {
    region.states[element.id] = withNext(
      walk.graph,
      { Type: 'Pass', Comment: element.name || element.id },
      element.id,
      region,
    );
    return successors(walk.graph, element.id, stack);
  }
  const fallback = paths.find((path) => path.id === element.default);
  const state: AslState = {
    Type: 'Choice',
    Comment: element.name || element.id,
    Choices: paths
      .filter((path) => path !== fallback)
      .map((path) => ({
        Condition: jsonata(`$boolean(${overData(path.condition ?? 'true')})`),
        Next: nextName(path.target, region),
      })),
  };
  if (fallback) state.Default = nextName(fallback.target, region);
  region.states[element.id] = state;
  return successors(walk.graph, element.id, stack);
}
