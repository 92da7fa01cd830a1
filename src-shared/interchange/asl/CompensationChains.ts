import type { FlowGraph } from '../../compiler/flowGraph';
import type { ElementOf } from '../../model/document';
import { compensationState, KEEP_DATA, type AslTargets } from './aslStates';
import type { AslState } from './aslTypes';

export const FAILED = '__failed';
export const COMPENSATED = '__compensated';
export const NEEDS_ATTENTION = '__needsAttention';

/** How a flow ends when it does not complete, as Fail states (Baton's final outcomes). */
const OUTCOMES: Readonly<Record<string, AslState>> = {
  [FAILED]: {
    Type: 'Fail',
    Error: 'Baton.Failed',
    Cause: 'A step failed with nothing to undo, or after the pivot step',
  },
  [COMPENSATED]: {
    Type: 'Fail',
    Error: 'Baton.Compensated',
    Cause: 'A step failed; the completed steps were undone in reverse order',
  },
  [NEEDS_ATTENTION]: {
    Type: 'Fail',
    Error: 'Baton.NeedsAttention',
    Cause: 'A compensation failed for good: a person must put things right',
  },
};

/**
 * The states a failure runs through at the top level of the machine: for the compensable steps
 * completed so far (oldest first), a chain of Task states undoing them newest first, ending in
 * `__compensated`; `__failed` when there is nothing to undo; `__needsAttention` when an undo
 * fails for good. Chains sharing a tail share its states. Written in `states`, in first-use order.
 */
export class CompensationChains {
  readonly states: Record<string, AslState> = {};
  private readonly chains = new Map<string, string>();

  constructor(
    private readonly graph: FlowGraph,
    private readonly targets: AslTargets,
  ) {}

  /** The state undoing the last of `stack`, then the rest; `__failed` for an empty stack. */
  failure(stack: readonly string[]): string {
    return stack.length === 0 ? this.outcome(FAILED) : this.chain(stack);
  }

  /** One of the Fail states, added on first use. */
  outcome(name: typeof FAILED | typeof COMPENSATED | typeof NEEDS_ATTENTION): string {
    if (!Object.hasOwn(this.states, name)) this.states[name] = { ...(OUTCOMES[name] as AslState) };
    return name;
  }

  private chain(stack: readonly string[]): string {
    if (stack.length === 0) return this.outcome(COMPENSATED);
    const key = stack.join('\u0000');
    const known = this.chains.get(key);
    if (known) return known;
    const id = stack[stack.length - 1] as string;
    let name = `__undo_${id}`;
    for (let n = 2; Object.hasOwn(this.states, name); n += 1) name = `__undo_${id}_${n}`;
    this.chains.set(key, name);
    const element = this.graph.elements.get(id) as ElementOf<'serviceTask'>;
    const state = compensationState(element, this.targets);
    this.states[name] = state;
    state.Catch = [
      { ErrorEquals: ['States.ALL'], Next: this.outcome(NEEDS_ATTENTION), Output: KEEP_DATA },
    ];
    state.Next = this.chain(stack.slice(0, -1));
    return name;
  }
}
