/**
 * The compiled machine as plain JSON: an XState v5 machine config whose actions and guards are
 * referenced by name (implemented in `machineSetup.ts`), so it can be stored, diffed and loaded.
 */
export interface ActionJson {
  readonly type: string;
  readonly params?: Readonly<Record<string, unknown>>;
}
export type GuardJson = ActionJson;

export interface TransitionJson {
  readonly target?: string;
  readonly guard?: GuardJson;
  readonly actions?: readonly ActionJson[];
}

export interface StateJson {
  id?: string;
  type?: 'parallel' | 'final';
  initial?: string;
  entry?: ActionJson[];
  exit?: ActionJson[];
  always?: TransitionJson[];
  on?: Record<string, TransitionJson[]>;
  onDone?: TransitionJson[];
  states?: Record<string, StateJson>;
  description?: string;
}

/** What a step that can be undone needs to be undone. */
export interface CompensationPlan {
  readonly service: string;
  readonly operation: string;
  readonly input?: string;
}

/** The machine's data. `completed` lists compensable steps in the order they completed. */
export interface FlowMachineContext {
  data: Record<string, unknown>;
  completed: string[];
  /** Attempts at a step in its current visit (a retry is another attempt of the same visit). */
  attempts: Record<string, number>;
  /**
   * How many times each service task was entered: a loop that comes back to a step is a new
   * visit, with its own effect key and a fresh retry budget. Absent in machines pinned before it.
   */
  visits?: Record<string, number>;
  compensationAttempts: number;
  pivoted: boolean;
  readonly compensations: Readonly<Record<string, CompensationPlan>>;
}

/** A whole machine: its root state, id and initial data (a flow's by default; maps have others). */
export interface MachineJson<Context = FlowMachineContext> extends StateJson {
  readonly id: string;
  readonly context: Context;
}

/** The states every machine has besides its elements' states (element ids never start with "__"). */
export const OUTCOME_STATES = {
  completed: '__completed',
  failing: '__failing',
  compensating: '__compensating',
  compensated: '__compensated',
  failed: '__failed',
  needsAttention: '__needsAttention',
} as const;

/** The run status each final outcome state stands for (DESIGN.md §5, run report). */
export const statusOfOutcome: Readonly<Record<string, string>> = {
  __completed: 'completed',
  __compensated: 'compensated',
  __failed: 'failed',
  __needsAttention: 'needs-attention',
};

/**
 * The transition target of the state with this id. Element ids may contain dots, which XState
 * would read as a path, so they are escaped.
 */
export const stateTarget = (id: string) => `#${id.replace(/\./g, '\\.')}`;
