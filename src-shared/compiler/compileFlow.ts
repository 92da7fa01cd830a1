import type { Element, WorkflowDocument } from '../model/document';
import type { Diagnostic, FlowContext } from '../validation/Diagnostic';
import { compileElement } from './compileElement';
import { compilerDiagnostic } from './compilerDiagnostics';
import {
  buildFlowGraph,
  isParallelFork,
  matchingJoin,
  outgoingOf,
  type FlowGraph,
} from './flowGraph';
import type { CompensationPlan, MachineJson, StateJson } from './machineTypes';
import { OUTCOME_STATES } from './machineTypes';
import { Scope } from './scope';

/** Bumped whenever the same document would compile to a different machine. */
export const COMPILER_VERSION = '1.0.2';

/** How often a failed compensation is tried before the run needs a person. */
export const COMPENSATION_RETRY = {
  maxAttempts: 3,
  backoff: 'exponential',
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
} as const;

export interface CompileResult {
  /** The machine config, or null when the flow has errors that stop it compiling. */
  readonly machine: MachineJson | null;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Compiles an orchestration flow into one XState v5 machine config (plain JSON). The machine is
 * a pure decider: its states ask for effects by name and move on the events that report their
 * results. Deterministic: the same document gives byte-identical JSON. Never throws on a user's
 * mistake: problems come back as diagnostics.
 */
export function compileFlow(doc: WorkflowDocument, _context?: FlowContext): CompileResult {
  const diagnostics: Diagnostic[] = [];
  if (doc.kind !== 'flow') {
    diagnostics.push(compilerDiagnostic('COMP001', `this document is a ${doc.kind}, not a flow`));
    return { machine: null, diagnostics };
  }
  const graph = buildFlowGraph(doc);
  const start = singleStart(graph, '', diagnostics);
  if (!start) return { machine: null, diagnostics };

  const root = Scope.root(graph, diagnostics);
  const states = compileRegion(graph, root, start.id, null, diagnostics);
  const machine: MachineJson = {
    id: 'flow',
    initial: '__run',
    context: {
      data: {},
      completed: [],
      attempts: {},
      visits: {},
      compensationAttempts: 0,
      pivoted: false,
      compensations: compensationPlans(doc),
    },
    states: {
      __run: { initial: start.id, states, onDone: [{ target: `#${OUTCOME_STATES.completed}` }] },
      ...outcomeStates(),
    },
  };
  const failed = diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  return { machine: failed ? null : machine, diagnostics: sortDiagnostics(diagnostics) };
}

/** The compiled machine as text: two-space JSON with a final newline, stable byte for byte. */
export function serializeMachine(machine: MachineJson): string {
  return `${JSON.stringify(machine, null, 2)}\n`;
}

function singleStart(
  graph: FlowGraph,
  parent: string,
  diagnostics: Diagnostic[],
): Element | undefined {
  const starts = (graph.children.get(parent) ?? []).filter(
    (element) => element.type === 'startEvent',
  );
  if (starts.length === 0) {
    if (parent)
      diagnostics.push(
        compilerDiagnostic('COMP007', `sub-process "${parent}" has no start event`, parent),
      );
    else diagnostics.push(compilerDiagnostic('COMP002', 'the flow has no start event'));
  } else if (starts.length > 1) {
    const code = parent ? 'COMP007' : 'COMP003';
    const where = parent ? `sub-process "${parent}"` : 'the flow';
    diagnostics.push(
      compilerDiagnostic(code, `${where} has ${starts.length} start events`, starts[1]?.id),
    );
  }
  return starts[0];
}

/**
 * The states of one region, found by following paths from `startId` until `stopId` (the join
 * that ends a parallel branch). Forks become parallel states, sub-processes compound states.
 */
function compileRegion(
  graph: FlowGraph,
  scope: Scope,
  startId: string,
  stopId: string | null,
  diagnostics: Diagnostic[],
): Record<string, StateJson> {
  const states: Record<string, StateJson> = {};
  const queue = [startId];
  for (let index = 0; index < queue.length; index += 1) {
    const id = queue[index] as string;
    const element = graph.elements.get(id);
    if (id === stopId || Object.hasOwn(states, id) || !element) continue;
    if (isParallelFork(graph, element)) {
      const compiled = compileFork(graph, scope, element, diagnostics);
      states[id] = compiled.state;
      if (compiled.join) queue.push(compiled.join);
      continue;
    }
    states[id] =
      element.type === 'subProcess'
        ? compileSubProcess(graph, scope, element, diagnostics)
        : compileElement(element, scope);
    for (const path of outgoingOf(graph, id)) queue.push(path.target);
    for (const boundary of graph.boundaries.get(id) ?? []) queue.push(boundary.id);
  }
  return states;
}

function compileFork(graph: FlowGraph, scope: Scope, fork: Element, diagnostics: Diagnostic[]) {
  const match = matchingJoin(graph, fork);
  if ('problem' in match) {
    diagnostics.push(compilerDiagnostic('COMP005', match.problem, fork.id));
    return { state: { id: fork.id } as StateJson, join: null };
  }
  const regions: Record<string, StateJson> = {};
  for (const branch of outgoingOf(graph, fork.id)) {
    const doneId = `__done_${fork.id}_${branch.id}`;
    const branchStates = compileRegion(
      graph,
      scope.branch(match.join, doneId),
      branch.target,
      match.join,
      diagnostics,
    );
    regions[branch.id] = {
      initial: branch.target === match.join ? '__done' : branch.target,
      states: { ...branchStates, __done: { id: doneId, type: 'final' } },
    };
  }
  const state: StateJson = {
    id: fork.id,
    type: 'parallel',
    states: regions,
    onDone: [{ target: scope.target(match.join) }],
  };
  return { state: scope.withBoundaries(fork, state), join: match.join };
}

function compileSubProcess(
  graph: FlowGraph,
  scope: Scope,
  element: Element,
  diagnostics: Diagnostic[],
): StateJson {
  const start = singleStart(graph, element.id, diagnostics);
  const inner = scope.subProcess(element);
  const states = start ? compileRegion(graph, inner, start.id, null, diagnostics) : {};
  return scope.withBoundaries(element, {
    id: element.id,
    ...(start ? { initial: start.id } : {}),
    states,
    onDone: [{ target: scope.next(element.id) }],
  });
}

function compensationPlans(doc: WorkflowDocument): Record<string, CompensationPlan> {
  const plans: Record<string, CompensationPlan> = {};
  for (const element of doc.model.elements) {
    if (element.type !== 'serviceTask' || !element.compensation) continue;
    plans[element.id] = {
      service: element.service ?? '',
      operation: element.compensation.operation,
      ...(element.compensation.input === undefined ? {} : { input: element.compensation.input }),
    };
  }
  return plans;
}

/** Failure handling and the final outcomes, the same in every machine. */
function outcomeStates(): Record<string, StateJson> {
  const timerId = 'compensation-retry';
  return {
    __failing: {
      id: OUTCOME_STATES.failing,
      // After a pivot there is no going back; with nothing to undo, the run has simply failed.
      always: [
        { guard: { type: 'pivoted' }, target: `#${OUTCOME_STATES.failed}` },
        { guard: { type: 'hasPendingCompensation' }, target: `#${OUTCOME_STATES.compensating}` },
        { target: `#${OUTCOME_STATES.failed}` },
      ],
    },
    __compensating: {
      id: OUTCOME_STATES.compensating,
      initial: 'next',
      states: {
        next: {
          always: [
            { guard: { type: 'hasPendingCompensation' }, target: 'calling' },
            { target: `#${OUTCOME_STATES.compensated}` },
          ],
        },
        calling: {
          entry: [{ type: 'recordCompensationAttempt' }, { type: 'effect.compensate' }],
          on: {
            'compensation.ok': [
              {
                guard: { type: 'isPendingCompensation' },
                target: 'next',
                actions: [{ type: 'popCompensation' }],
              },
            ],
            'compensation.failed': [
              {
                guard: {
                  type: 'canRetryCompensation',
                  params: { maxAttempts: COMPENSATION_RETRY.maxAttempts },
                },
                target: 'retrying',
              },
              {
                guard: { type: 'isPendingCompensation' },
                target: `#${OUTCOME_STATES.needsAttention}`,
              },
            ],
          },
        },
        retrying: {
          entry: [{ type: 'effect.startTimer', params: { timerId, retry: COMPENSATION_RETRY } }],
          on: {
            'timer.fired': [{ guard: { type: 'timerIs', params: { timerId } }, target: 'calling' }],
          },
        },
      },
    },
    __completed: { id: OUTCOME_STATES.completed, type: 'final' },
    __compensated: { id: OUTCOME_STATES.compensated, type: 'final' },
    __failed: { id: OUTCOME_STATES.failed, type: 'final' },
    __needsAttention: { id: OUTCOME_STATES.needsAttention, type: 'final' },
  };
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics
    .filter((diagnostic) => {
      const key = `${diagnostic.code}|${diagnostic.elementId ?? ''}|${diagnostic.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(
      (a, b) =>
        a.code.localeCompare(b.code) || (a.elementId ?? '').localeCompare(b.elementId ?? ''),
    );
}
