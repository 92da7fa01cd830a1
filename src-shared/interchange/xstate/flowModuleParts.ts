/**
 * The TypeScript a flow machine's module is written with: its types, and one implementation per
 * named action and guard. Guards and bookkeeping actions are the ones Baton runs (a flow's
 * decisions must not change on export); effects are typed stubs the user fills in.
 */

/** The types every exported flow module declares (text, emitted once at the top). */
export const FLOW_TYPES = `/** A JSONata expression (https://jsonata.org), as drawn in Baton. */
export type Jsonata = string;

/** What a step that can be undone needs to be undone. */
export interface CompensationPlan {
  readonly service: string;
  readonly operation: string;
  readonly input?: Jsonata;
}

/** The machine's data. \`completed\` lists compensable steps in the order they completed. */
export interface FlowContext {
  data: Record<string, unknown>;
  completed: string[];
  attempts: Record<string, number>;
  visits: Record<string, number>;
  compensationAttempts: number;
  pivoted: boolean;
  readonly compensations: Readonly<Record<string, CompensationPlan>>;
}

/** The events your code sends the machine: the results of the effects it asked for. */
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

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly backoff: 'fixed' | 'exponential';
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}
export type TimerSpec = { readonly durationMs: number } | { readonly at: string };

export interface CallRequest {
  readonly elementId: string;
  readonly service?: string;
  readonly operation?: string;
  /** JSONata over \`context.data\`: the call's input. */
  readonly input?: Jsonata;
  /** JSONata over \`{ data, result }\`: what to send back as \`output\`. */
  readonly output?: Jsonata;
  readonly timeoutMs?: number;
}
export interface TimerRequest {
  readonly timerId: string;
  readonly elementId?: string;
  readonly timer?: TimerSpec;
  /** A retry's backoff: wait before attempt \`context.attempts[elementId] + 1\`. */
  readonly retry?: RetryPolicy;
}
export interface DecisionRequest {
  readonly elementId: string;
  /** In order: the first whose JSONata condition holds over \`context.data\` is taken. */
  readonly conditions: readonly { readonly connectionId: string; readonly condition: Jsonata }[];
  /** Taken when no condition holds. */
  readonly default?: string;
}
`;

const GUARD_PARAMS = `{ readonly elementId: string }`;

/** Implementations of the flow machine's named actions, by name (text inside \`actions: {}\`). */
export const FLOW_ACTIONS: Readonly<Record<string, string>> = {
  'effect.call': `    /**
     * TODO: call \`request.service\`.\`request.operation\` with the JSONata \`request.input\`
     * evaluated over \`context.data\`, giving up after \`request.timeoutMs\`; then send
     * \`{ type: 'call.ok', elementId, output }\` (output: \`request.output\` over
     * \`{ data, result }\`), \`call.failed\` or \`call.timeout\` to \`self\`.
     */
    'effect.call': (_args, request: CallRequest) => {
      void request;
    },`,
  'effect.startTimer': `    /**
     * TODO: start timer \`request.timerId\` (a \`request.timer\`, or the backoff of
     * \`request.retry\` before the next attempt) and send \`{ type: 'timer.fired', timerId }\`
     * to \`self\` when it fires.
     */
    'effect.startTimer': (_args, request: TimerRequest) => {
      void request;
    },`,
  'effect.cancelTimer': `    /** TODO: cancel timer \`request.timerId\`: it must never fire. */
    'effect.cancelTimer': (_args, request: { readonly timerId: string }) => {
      void request;
    },`,
  'effect.waitForPerson': `    /**
     * TODO: ask a person (\`request.assignee\`) to decide; send \`user.approve\` or
     * \`user.reject\` with \`elementId\` (and any \`output\`) to \`self\`.
     */
    'effect.waitForPerson': (
      _args,
      request: { readonly elementId: string; readonly assignee?: string },
    ) => {
      void request;
    },`,
  'effect.evaluate': `    /**
     * TODO: evaluate the JSONata conditions over \`context.data\` in order and send
     * \`{ type: 'gateway.decided', elementId, connectionId }\` for the path taken.
     */
    'effect.evaluate': (_args, request: DecisionRequest) => {
      void request;
    },`,
  'effect.awaitEvent': `    /**
     * TODO: subscribe to \`request.eventType\` for this instance (correlation: the JSONata
     * \`request.correlation\`, or the instance's correlation id); when it arrives send
     * \`{ type: 'message.received', elementId, output: payload }\` to \`self\`.
     */
    'effect.awaitEvent': (
      _args,
      request: { readonly elementId: string; readonly eventType?: string; readonly correlation?: Jsonata },
    ) => {
      void request;
    },`,
  'effect.publish': `    /**
     * TODO: publish \`request.eventType\` to your broker (payload: the JSONata
     * \`request.payload\` over \`context.data\`, plus the correlation id), then send
     * \`{ type: 'publish.done', elementId }\` to \`self\`.
     */
    'effect.publish': (
      _args,
      request: { readonly elementId: string; readonly eventType?: string; readonly payload?: Jsonata },
    ) => {
      void request;
    },`,
  'effect.startSubflow': `    /**
     * TODO: start flow \`request.flowId\` (version \`request.version\`) with \`context.data\`;
     * send \`subflow.completed\` (with its \`output\`) or \`subflow.failed\` to \`self\`.
     */
    'effect.startSubflow': (
      _args,
      request: { readonly elementId: string; readonly flowId: string; readonly version: number | 'latest' },
    ) => {
      void request;
    },`,
  'effect.compensate': `    /**
     * TODO: undo the last completed step: call \`context.compensations[id]\` (its operation, with
     * its JSONata input over \`context.data\`) for \`id = context.completed.at(-1)\`; send
     * \`compensation.ok\` or \`compensation.failed\` with \`elementId: id\` to \`self\`.
     */
    'effect.compensate': ({ context }) => {
      void context.compensations[context.completed.at(-1) ?? ''];
    },`,
  setInput: `    /** The instance's data starts as the start event's input. */
    setInput: assign({
      data: ({ event }) => (event.type === 'instance.start' && event.input ? { ...event.input } : {}),
    }),`,
  mergeOutput: `    /** A step's output is merged into the instance's data. */
    mergeOutput: assign({
      data: ({ context, event }) =>
        'output' in event && event.output ? { ...context.data, ...event.output } : context.data,
    }),`,
  beginVisit: `    /** A step entered again (a loop) is a new visit: a fresh retry budget, its own effect key. */
    beginVisit: assign(({ context }, params: ${GUARD_PARAMS}) => ({
      visits: { ...context.visits, [params.elementId]: (context.visits[params.elementId] ?? 0) + 1 },
      attempts: { ...context.attempts, [params.elementId]: 0 },
    })),`,
  recordAttempt: `    recordAttempt: assign({
      attempts: ({ context }, params: ${GUARD_PARAMS}) => ({
        ...context.attempts,
        [params.elementId]: (context.attempts[params.elementId] ?? 0) + 1,
      }),
    }),`,
  recordCompletion: `    /** A compensable step completed: it is undone first if the flow fails. */
    recordCompletion: assign({
      completed: ({ context }, params: ${GUARD_PARAMS}) => [...context.completed, params.elementId],
    }),`,
  recordError: `    /** TODO (optional): log or report the failure of \`params.elementId\`. */
    recordError: (_args, params: { readonly elementId: string; readonly errorCode?: string }) => {
      void params;
    },`,
  markPivot: `    /** After a pivot step the flow only goes forward: a failure is not compensated. */
    markPivot: assign({ pivoted: true }),`,
  recordCompensationAttempt: `    recordCompensationAttempt: assign({
      compensationAttempts: ({ context }) => context.compensationAttempts + 1,
    }),`,
  popCompensation: `    popCompensation: assign({
      completed: ({ context }) => context.completed.slice(0, -1),
      compensationAttempts: 0,
    }),`,
};

/** Implementations of the flow machine's named guards, by name (text inside \`guards: {}\`). */
export const FLOW_GUARDS: Readonly<Record<string, string>> = {
  isFor: `    isFor: ({ event }, params: ${GUARD_PARAMS}) =>
      'elementId' in event && event.elementId === params.elementId,`,
  canRetry: `    canRetry: ({ context, event }, params: { readonly elementId: string; readonly maxAttempts: number }) =>
      'elementId' in event &&
      event.elementId === params.elementId &&
      (context.attempts[params.elementId] ?? 0) < params.maxAttempts,`,
  timerIs: `    timerIs: ({ event }, params: { readonly timerId: string }) =>
      event.type === 'timer.fired' && event.timerId === params.timerId,`,
  decided: `    decided: ({ event }, params: { readonly elementId: string; readonly connectionId: string }) =>
      event.type === 'gateway.decided' &&
      event.elementId === params.elementId &&
      event.connectionId === params.connectionId,`,
  pivoted: `    pivoted: ({ context }) => context.pivoted,`,
  hasPendingCompensation: `    hasPendingCompensation: ({ context }) => context.completed.length > 0,`,
  isPendingCompensation: `    isPendingCompensation: ({ context, event }) =>
      'elementId' in event && event.elementId === context.completed.at(-1),`,
  canRetryCompensation: `    canRetryCompensation: ({ context, event }, params: { readonly maxAttempts: number }) =>
      'elementId' in event &&
      event.elementId === context.completed.at(-1) &&
      context.compensationAttempts < params.maxAttempts,`,
};
