import { assign, setup, type EventObject } from 'xstate';
import type { FlowMachineContext, MachineJson } from './machineTypes';
import { isRecord, param, type Params } from './actionParams';

/**
 * The events the runtime sends a flow machine: the results of the effects it asked for. Every
 * result names the element (or timer) it belongs to, so parallel branches never take each
 * other's results.
 */
export type FlowEvent =
  | { type: 'instance.start'; input?: Record<string, unknown> }
  | { type: 'call.ok'; elementId: string; output?: Record<string, unknown> }
  | { type: 'call.failed'; elementId: string; error?: string }
  | { type: 'call.timeout'; elementId: string }
  | { type: 'timer.fired'; timerId: string }
  | { type: 'user.approve'; elementId: string; output?: Record<string, unknown> }
  | { type: 'user.reject'; elementId: string; output?: Record<string, unknown> }
  | { type: 'gateway.decided'; elementId: string; connectionId: string }
  | { type: 'message.received'; elementId: string; output?: Record<string, unknown> }
  | { type: 'publish.done'; elementId: string }
  | { type: 'subflow.completed'; elementId: string; output?: Record<string, unknown> }
  | { type: 'subflow.failed'; elementId: string; error?: string }
  | { type: 'compensation.ok'; elementId: string }
  | { type: 'compensation.failed'; elementId: string; error?: string };

/** The effects a machine asks for, by action name; the runtime performs them. */
export const effectNames = [
  'effect.call',
  'effect.startTimer',
  'effect.cancelTimer',
  'effect.waitForPerson',
  'effect.evaluate',
  'effect.awaitEvent',
  'effect.publish',
  'effect.startSubflow',
  'effect.compensate',
] as const;
export type EffectName = (typeof effectNames)[number];

/** How an effect request reaches the runtime: the action's static params and the machine's data. */
export type EffectHandler = (request: {
  readonly effect: EffectName;
  readonly params: Readonly<Record<string, unknown>>;
  readonly context: FlowMachineContext;
}) => void;

const elementOf = (event: EventObject) => (event as { elementId?: unknown }).elementId;
const outputOf = (event: EventObject) => (event as { output?: unknown }).output;

/**
 * Loads a compiled machine with the implementations of its named actions and guards. The
 * guards and data updates are the same everywhere; effects go to `onEffect` (by default,
 * nowhere: enough to walk the machine's paths in tests).
 */
export function createFlowMachine(json: MachineJson, onEffect: EffectHandler = () => undefined) {
  const effects = Object.fromEntries(
    effectNames.map((effect) => [
      effect,
      ({ context }: { context: FlowMachineContext }, params: unknown) =>
        onEffect({ effect, params: (params ?? {}) as Params, context }),
    ]),
  );
  return setup({
    types: { context: {} as FlowMachineContext, events: {} as FlowEvent },
    actions: {
      ...effects,
      setInput: assign({
        data: ({ event }) =>
          isRecord((event as { input?: unknown }).input)
            ? { ...(event as { input: Params }).input }
            : {},
      }),
      mergeOutput: assign({
        data: ({ context, event }) => {
          const output = outputOf(event);
          return isRecord(output) ? { ...context.data, ...output } : context.data;
        },
      }),
      beginVisit: assign(({ context }, params: unknown) => {
        const id = String(param(params, 'elementId'));
        return {
          visits: { ...context.visits, [id]: (context.visits?.[id] ?? 0) + 1 },
          attempts: { ...context.attempts, [id]: 0 },
        };
      }),
      recordAttempt: assign({
        attempts: ({ context }, params: unknown) => {
          const id = String(param(params, 'elementId'));
          return { ...context.attempts, [id]: (context.attempts[id] ?? 0) + 1 };
        },
      }),
      recordCompletion: assign({
        completed: ({ context }, params: unknown) => [
          ...context.completed,
          String(param(params, 'elementId')),
        ],
      }),
      recordError: () => undefined,
      markPivot: assign({ pivoted: true }),
      recordCompensationAttempt: assign({
        compensationAttempts: ({ context }) => context.compensationAttempts + 1,
      }),
      popCompensation: assign({
        completed: ({ context }) => context.completed.slice(0, -1),
        compensationAttempts: 0,
      }),
    },
    guards: {
      isFor: ({ event }, params: unknown) => elementOf(event) === param(params, 'elementId'),
      canRetry: ({ context, event }, params: unknown) => {
        const id = param(params, 'elementId');
        return (
          elementOf(event) === id &&
          (context.attempts[String(id)] ?? 0) < Number(param(params, 'maxAttempts'))
        );
      },
      timerIs: ({ event }, params: unknown) =>
        (event as { timerId?: unknown }).timerId === param(params, 'timerId'),
      decided: ({ event }, params: unknown) =>
        elementOf(event) === param(params, 'elementId') &&
        (event as { connectionId?: unknown }).connectionId === param(params, 'connectionId'),
      pivoted: ({ context }) => context.pivoted,
      hasPendingCompensation: ({ context }) => context.completed.length > 0,
      isPendingCompensation: ({ context, event }) => elementOf(event) === context.completed.at(-1),
      canRetryCompensation: ({ context, event }, params: unknown) =>
        elementOf(event) === context.completed.at(-1) &&
        context.compensationAttempts < Number(param(params, 'maxAttempts')),
    },
  }).createMachine(json as never);
}

/** The element whose compensation a machine in `__compensating` is asking for. */
export function pendingCompensation(context: FlowMachineContext): string | undefined {
  return context.completed.at(-1);
}

export type FlowMachine = ReturnType<typeof createFlowMachine>;
