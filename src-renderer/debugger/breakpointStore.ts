import { createStore } from 'zustand/vanilla';
import type { Breakpoint } from '../../src-shared/runtime/debug';
import { loadBreakpoints, saveBreakpoints } from './breakpoints';

export interface BreakpointState {
  readonly workflowId: string;
  readonly breakpoints: readonly Breakpoint[];
  /** Sets a breakpoint on an element, connection or event type, or removes the one there. */
  readonly toggle: (kind: Breakpoint['kind'], target: string) => void;
  /** Adds a breakpoint (kept as it is when one is already there). */
  readonly add: (breakpoint: Breakpoint) => void;
  readonly remove: (kind: Breakpoint['kind'], target: string) => void;
  /** Sets or clears (empty text) the JSONata condition of the breakpoint there. */
  readonly setCondition: (kind: Breakpoint['kind'], target: string, condition: string) => void;
  readonly setEnabled: (kind: Breakpoint['kind'], target: string, enabled: boolean) => void;
}

export type BreakpointStore = ReturnType<typeof createBreakpointStore>;

const sameSpot = (kind: Breakpoint['kind'], target: string) => (breakpoint: Breakpoint) =>
  breakpoint.kind === kind && breakpoint.target === target;

/**
 * A document's breakpoints: loaded from this machine and saved on every change (the debugger
 * subscribes to send them to the run it shows).
 */
export function createBreakpointStore(
  workflowId: string,
  memory?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
) {
  return createStore<BreakpointState>()((set, get) => {
    const replace = (breakpoints: readonly Breakpoint[]) => {
      set({ breakpoints });
      saveBreakpoints(workflowId, breakpoints, memory);
    };
    const update = (kind: Breakpoint['kind'], target: string, change: Partial<Breakpoint>) =>
      replace(
        get().breakpoints.map((breakpoint) => {
          if (!sameSpot(kind, target)(breakpoint)) return breakpoint;
          const next: Breakpoint = { ...breakpoint, ...change };
          if (next.condition === undefined) delete next.condition;
          if (next.enabled !== false) delete next.enabled;
          return next;
        }),
      );
    return {
      workflowId,
      breakpoints: loadBreakpoints(workflowId, memory),
      toggle: (kind, target) =>
        get().breakpoints.some(sameSpot(kind, target))
          ? get().remove(kind, target)
          : get().add({ kind, target }),
      add: (breakpoint) => {
        if (get().breakpoints.some(sameSpot(breakpoint.kind, breakpoint.target))) return;
        replace([...get().breakpoints, breakpoint]);
      },
      remove: (kind, target) =>
        replace(get().breakpoints.filter((breakpoint) => !sameSpot(kind, target)(breakpoint))),
      setCondition: (kind, target, condition) =>
        update(kind, target, { condition: condition.trim() === '' ? undefined : condition.trim() }),
      setEnabled: (kind, target, enabled) => update(kind, target, { enabled }),
    };
  });
}
