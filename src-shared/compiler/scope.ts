import type { Connection, Element } from '../model/document';
import type { Diagnostic } from '../validation/Diagnostic';
import { compilerDiagnostic } from './compilerDiagnostics';
import { outgoingOf, type FlowGraph } from './flowGraph';
import { stateTarget, type StateJson, type TransitionJson } from './machineTypes';

/**
 * Where a state is compiled: the top level, a sub-process, or a branch of a parallel fork. A
 * scope knows where paths lead (`#id`, or the branch's end when the path reaches its join) and
 * where failures go (an error boundary, the enclosing sub-process's, or compensation).
 */
export class Scope {
  private constructor(
    private readonly graph: FlowGraph,
    private readonly diagnostics: Diagnostic[],
    /** The sub-process (or null at the top) whose error boundaries catch failures here. */
    private readonly owner: Element | null,
    private readonly parentScope: Scope | null,
    /** In a parallel branch: the join that ends it, and the id of the branch's final state. */
    private readonly branchEnd: { readonly join: string; readonly doneId: string } | null,
  ) {}

  static root(graph: FlowGraph, diagnostics: Diagnostic[]): Scope {
    return new Scope(graph, diagnostics, null, null, null);
  }

  subProcess(owner: Element): Scope {
    return new Scope(this.graph, this.diagnostics, owner, this, null);
  }

  branch(join: string, doneId: string): Scope {
    return new Scope(this.graph, this.diagnostics, this.owner, this, { join, doneId });
  }

  get isNested(): boolean {
    return this.owner !== null;
  }

  outgoing(id: string): readonly Connection[] {
    return outgoingOf(this.graph, id);
  }

  /** The target of a path to `id` from inside this scope. */
  target(id: string): string {
    if (this.branchEnd && id === this.branchEnd.join) return stateTarget(this.branchEnd.doneId);
    return stateTarget(id);
  }

  /** Where an element's single outgoing path leads; reported when there is not exactly one. */
  next(id: string): string {
    const paths = this.outgoing(id);
    if (paths.length !== 1) {
      this.diagnostics.push(
        compilerDiagnostic(
          'COMP004',
          paths.length === 0
            ? `"${id}" has no outgoing path`
            : `"${id}" has ${paths.length} outgoing paths; only gateways and user tasks may choose between paths`,
          id,
        ),
      );
    }
    const first = paths[0];
    return first ? this.target(first.target) : `#__failing`;
  }

  /** Where a failure of `id` goes: its error boundary, an enclosing one, or compensation. */
  failureTarget(id: string): string {
    const own = this.errorBoundaryOf(id);
    if (own) return stateTarget(own);
    // Not caught here: the enclosing sub-process fails, and its boundary may catch that.
    if (this.owner) return (this.parentScope ?? this).failureTarget(this.owner.id);
    return this.parentScope ? this.parentScope.failureTarget(id) : '#__failing';
  }

  hasTimerBoundary(id: string): boolean {
    return (this.graph.boundaries.get(id) ?? []).some(
      (boundary) => boundary.type === 'boundaryEvent' && boundary.trigger === 'timer',
    );
  }

  /** Adds the timers of `element`'s timer boundary events: started on entry, cancelled on exit. */
  withBoundaries(element: Element, state: StateJson): StateJson {
    for (const boundary of this.graph.boundaries.get(element.id) ?? []) {
      if (boundary.type !== 'boundaryEvent' || boundary.trigger !== 'timer') continue;
      const timerId = `boundary:${boundary.id}`;
      const timer = boundary.timer ?? { durationMs: 0 };
      state.entry = [
        ...(state.entry ?? []),
        { type: 'effect.startTimer', params: { timerId, elementId: element.id, timer } },
      ];
      state.exit = [...(state.exit ?? []), { type: 'effect.cancelTimer', params: { timerId } }];
      const fired: TransitionJson = {
        guard: { type: 'timerIs', params: { timerId } },
        target: stateTarget(boundary.id),
      };
      state.on = { ...state.on, 'timer.fired': [...(state.on?.['timer.fired'] ?? []), fired] };
    }
    return state;
  }

  /** The state of an end event: final in its scope, which ends the flow or the sub-process. */
  endState(element: Element): StateJson {
    if (this.branchEnd) {
      this.diagnostics.push(
        compilerDiagnostic(
          'COMP006',
          `end event "${element.id}" ends a parallel branch; branches must meet at their join`,
          element.id,
        ),
      );
    }
    return { id: element.id, type: 'final' };
  }

  private errorBoundaryOf(id: string): string | undefined {
    return (this.graph.boundaries.get(id) ?? []).find(
      (boundary) => boundary.type === 'boundaryEvent' && boundary.trigger === 'error',
    )?.id;
  }
}
