import { z } from 'zod';
import { MockOutcome } from '../model/catalog';
import { Expression } from '../model/expressions';
import type { Scenario } from './scenario';

/**
 * Where a debugged run stops by itself (DESIGN.md §3, "Debugger"): when an element is entered,
 * when a connection is taken, or when an event of a type is published or delivered. A condition
 * is JSONata over `{ data, event, elementId, eventType, payload }` and must be true for the stop.
 */
export const Breakpoint = z.strictObject({
  kind: z.enum(['element', 'edge', 'event']),
  /** An element id, a connection id, or an event type. */
  target: z.string().min(1).max(200),
  condition: Expression.optional(),
  /** A disabled breakpoint is kept but never stops the run. */
  enabled: z.boolean().optional(),
});
export type Breakpoint = z.infer<typeof Breakpoint>;

export const Breakpoints = z.array(Breakpoint).max(500);

/**
 * How far one `runs.step` goes before the run pauses again: one machine event (`event`), until an
 * element is entered (`element`), or until a named element is entered (`{ toElement }`).
 * Breakpoints met on the way stop it earlier.
 */
export const StepUntil = z.union([
  z.literal('event'),
  z.literal('element'),
  z.strictObject({ toElement: z.string().min(1).max(200) }),
]);
export type StepUntil = z.infer<typeof StepUntil>;

/** Why a debugged run is paused where it is. */
export interface DebugStop {
  readonly reason: 'start' | 'step' | 'breakpoint' | 'run-to' | 'pause';
  /** The last journal entry taken before the stop. */
  readonly seq: number;
  /** The breakpoint that stopped it (its index in the run's list, and the breakpoint). */
  readonly breakpoint?: { readonly index: number; readonly breakpoint: Breakpoint };
  /** The element just entered, or the event type just seen, that caused the stop. */
  readonly elementId?: string;
  readonly eventType?: string;
  /** Why the breakpoint's condition could not be evaluated (the run stops so a person sees it). */
  readonly message?: string;
}

/** A mock's outcome forced by a person while paused: "what if payment fails now?". */
export const NextOutcome = z.strictObject({
  /** An element id or `Service.operation`, as in a scenario's `mocks`. */
  key: z.string().min(1).max(200),
  outcome: MockOutcome,
});
export type NextOutcome = z.infer<typeof NextOutcome>;

/** A scenario kept with a flow or map under a name, for the run dialog. */
export interface SavedScenario {
  readonly workflowId: string;
  readonly name: string;
  readonly scenario: Scenario;
  readonly updatedAt: number;
}

export const ScenarioName = z
  .string()
  .trim()
  .min(1, 'a scenario needs a name')
  .max(100, 'a scenario name has at most 100 characters');

export const RunMode = z.enum(['run', 'debug']);
export type RunMode = z.infer<typeof RunMode>;
