import { matchingJoin, outgoingOf, type FlowGraph } from '../../compiler/flowGraph';
import type { Element, ElementOf } from '../../model/document';
import type { ExportReportItem } from '../exportReport';
import {
  callbackState,
  jsonata,
  KEEP_DATA,
  overData,
  seconds,
  serviceTaskState,
  waitState,
  type AslTargets,
} from './aslStates';
import { CompensationChains, FAILED } from './CompensationChains';
import { awaitEventState, callFlowState, publishState } from './messageStates';
import type { AslCatcher, AslMachine, AslState } from './aslTypes';

/**
 * The compensable steps completed on the way to a state, oldest first; null once a pivot step
 * has completed (from there a failure is not undone).
 */
type Stack = readonly string[] | null;

/** Where states are being written: the machine's top level or one branch of a Parallel state. */
interface Region {
  readonly states: Record<string, AslState>;
  /** The parallel join that ends the branch (null at the top level and in a sub-process). */
  readonly stop: string | null;
  /** In a Parallel branch (or a sub-process): a failure fails the branch, the Parallel catches it. */
  readonly nested: boolean;
}

/** Builds one flow's ASL definition, collecting what it could not express in `report`. */
export class AslFlowBuilder {
  readonly report: ExportReportItem[] = [];
  private readonly top: Record<string, AslState> = {};
  private readonly chains: CompensationChains;
  private readonly reached = new Map<string, string>();

  constructor(
    private readonly graph: FlowGraph,
    private readonly targets: AslTargets,
  ) {
    this.chains = new CompensationChains(graph, targets);
  }

  build(name: string): AslMachine {
    const start = (this.graph.children.get('') ?? []).find((e) => e.type === 'startEvent');
    if (!start) throw new Error('a compiled flow has a start event');
    this.region(start.id, { states: this.top, stop: null, nested: false }, []);
    this.note('ASL100', 'note', undefined, this.mockNote());
    return {
      Comment: `${name}: exported by Baton from an orchestration flow`,
      QueryLanguage: 'JSONata',
      StartAt: start.id,
      States: { ...this.top, ...this.chains.states },
    };
  }

  /** Writes the states reachable from `startId` into `region`, stopping at its join. */
  private region(startId: string, region: Region, stack: Stack): void {
    const queue: [string, Stack][] = [[startId, stack]];
    for (let index = 0; index < queue.length; index += 1) {
      const [id, before] = queue[index] as [string, Stack];
      const element = this.graph.elements.get(id);
      if (!element || id === region.stop || !this.firstVisit(id, before)) continue;
      const after = this.element(element, region, before);
      for (const next of after) queue.push(next);
    }
  }

  /** True the first time; reports an element reached with different steps to undo. */
  private firstVisit(id: string, stack: Stack): boolean {
    const key = JSON.stringify(stack);
    const seen = this.reached.get(id);
    if (seen === undefined) {
      this.reached.set(id, key);
      return true;
    }
    if (
      seen !== key &&
      !this.report.some((item) => item.code === 'ASL004' && item.elementId === id)
    )
      this.note(
        'ASL004',
        'approximated',
        id,
        'reached by paths that completed different compensable steps; its Catch chain undoes those of the first path only',
      );
    return false;
  }

  /** The state(s) of one element; returns its successors with the steps completed by then. */
  private element(element: Element, region: Region, stack: Stack): [string, Stack][] {
    const put = (state: AslState, name = element.id) => (region.states[name] = state);
    const follow = (state: AslState): [string, Stack][] => {
      put(this.withNext(state, element.id, region));
      return this.successors(element.id, stack);
    };
    switch (element.type) {
      case 'startEvent':
        if (element.trigger === 'message' || element.trigger === 'timer')
          this.note(
            'ASL101',
            'note',
            element.id,
            element.trigger === 'message'
              ? `start the execution when ${element.eventType ?? 'the event'} arrives (an EventBridge rule targeting the state machine)`
              : 'start the execution on a schedule (an EventBridge Scheduler schedule)',
          );
        return follow({ Type: 'Pass', Comment: element.name || element.id });
      case 'endEvent':
        this.endEvent(element, region, stack);
        return [];
      case 'serviceTask':
        return this.serviceTask(element, region, stack);
      case 'userTask':
        return this.userTask(element, region, stack);
      case 'exclusiveGateway':
        return this.exclusiveGateway(element, region, stack);
      case 'parallelGateway':
        if (outgoingOf(this.graph, element.id).length > 1)
          return this.parallel(element, region, stack);
        return follow({ Type: 'Pass', Comment: element.name || element.id });
      case 'timerEvent':
        return follow(waitState(element.timer, element.name || element.id));
      case 'messageCatch':
        this.note(
          'ASL002',
          'approximated',
          element.id,
          `Step Functions cannot wait for ${element.eventType} by itself: a callback task hands its token to a function; your event router must call SendTaskSuccess with the event's payload when it arrives for this instance`,
        );
        this.task(element, region, stack, awaitEventState(element, this.targets));
        return this.successors(element.id, stack);
      case 'messageThrow':
        this.task(element, region, stack, publishState(element));
        return this.successors(element.id, stack);
      case 'callActivity':
        this.note(
          'ASL102',
          'note',
          element.id,
          `calls flow "${element.flowId}" (version ${element.version}) as a nested execution of a placeholder state machine ARN: export that flow too and put its ARN here`,
        );
        this.task(element, region, stack, callFlowState(element, this.targets));
        return this.successors(element.id, stack);
      case 'boundaryEvent':
        return follow({ Type: 'Pass', Comment: element.name || element.id });
      case 'subProcess':
        return this.subProcess(element, region, stack);
      default:
        return [];
    }
  }

  /** The paths out of `id` (with the steps completed after it) and its boundary events. */
  private successors(id: string, stack: Stack, after: Stack = stack): [string, Stack][] {
    const boundaries = (this.graph.boundaries.get(id) ?? []).map((boundary): [string, Stack] => [
      boundary.id,
      stack,
    ]);
    return [
      ...outgoingOf(this.graph, id).map((path): [string, Stack] => [path.target, after]),
      ...boundaries,
    ];
  }

  /** `Next` to the single path out, or `End` when it reaches the branch's join. */
  private withNext(state: AslState, id: string, region: Region): AslState {
    const target = outgoingOf(this.graph, id)[0]?.target;
    if (target === undefined || target === region.stop) state.End = true;
    else state.Next = target;
    return state;
  }

  private endEvent(element: ElementOf<'endEvent'>, region: Region, stack: Stack): void {
    if (element.result !== 'error') {
      region.states[element.id] = { Type: 'Succeed', Comment: element.name || element.id };
      return;
    }
    const failure = this.failureTarget(region, stack);
    region.states[element.id] = failure
      ? { Type: 'Pass', Comment: element.name || element.id, Next: failure }
      : {
          Type: 'Fail',
          Comment: element.name || element.id,
          Error: element.errorCode ?? 'Baton.Error',
        };
  }

  private serviceTask(
    element: ElementOf<'serviceTask'>,
    region: Region,
    stack: Stack,
  ): [string, Stack][] {
    const done: Stack =
      stack === null || element.pivot
        ? null
        : element.compensation
          ? [...stack, element.id]
          : stack;
    this.task(element, region, stack, serviceTaskState(element, this.targets));
    return this.successors(element.id, stack, done);
  }

  /**
   * A Task state with the element's boundaries and failure path: a timer boundary is its
   * `TimeoutSeconds` and a `States.Timeout` catcher; an error boundary catches every error (as
   * in Baton); any other failure goes to the compensation chain (or fails the branch).
   */
  private task(element: Element, region: Region, stack: Stack, state: AslState): void {
    const catchers: AslCatcher[] = [];
    for (const boundary of this.graph.boundaries.get(element.id) ?? []) {
      if (boundary.type !== 'boundaryEvent') continue;
      if (boundary.trigger === 'timer') {
        const timer = boundary.timer;
        if (timer && 'durationMs' in timer) state.TimeoutSeconds = seconds(timer.durationMs);
        else
          this.note(
            'ASL103',
            'approximated',
            boundary.id,
            'a timer boundary until a point in time cannot be a TimeoutSeconds: set one by hand',
          );
        catchers.unshift({ ErrorEquals: ['States.Timeout'], Next: boundary.id, Output: KEEP_DATA });
      } else {
        catchers.push({ ErrorEquals: ['States.ALL'], Next: boundary.id, Output: KEEP_DATA });
      }
    }
    const caught = catchers.some((catcher) => catcher.ErrorEquals.includes('States.ALL'));
    const failure = caught ? null : this.failureTarget(region, stack);
    if (failure) catchers.push({ ErrorEquals: ['States.ALL'], Next: failure, Output: KEEP_DATA });
    if (catchers.length > 0) state.Catch = catchers;
    region.states[element.id] = this.withNext(state, element.id, region);
  }

  private userTask(
    element: ElementOf<'userTask'>,
    region: Region,
    stack: Stack,
  ): [string, Stack][] {
    this.note(
      'ASL001',
      'approximated',
      element.id,
      'a person decides through a callback task: the function gets the task token, and your approval UI calls SendTaskSuccess with {"decision": "approve" | "reject", "output": {…}}',
    );
    const state = callbackState(
      `${element.name || element.id}: a person decides`,
      'baton-ask-person',
      { elementId: element.id, ...(element.assignee ? { assignee: element.assignee } : {}) },
      this.targets,
    );
    state.Output = jsonata(
      "$merge([$states.input, $type($states.result.output) = 'object' ? $states.result.output : {}])",
    );
    state.Assign = { decision: jsonata('$states.result.decision') };
    if (element.timeoutMs !== undefined) state.TimeoutSeconds = seconds(element.timeoutMs);
    const decide = `__decide_${element.id}`;
    this.task(element, region, stack, state);
    state.Next = decide;
    delete state.End;
    const paths = outgoingOf(this.graph, element.id);
    const approve = paths.find((p) => p.outcome === 'approve') ?? paths.find((p) => !p.outcome);
    const reject = paths.find((p) => p.outcome === 'reject');
    const to = (target: string | undefined) =>
      target === undefined
        ? this.rejected(element.id, region, stack)
        : this.nextName(target, region);
    region.states[decide] = {
      Type: 'Choice',
      Comment: `${element.name || element.id}: approved or rejected`,
      Choices: [{ Condition: jsonata("$decision = 'reject'"), Next: to(reject?.target) }],
      Default: to(approve?.target),
    };
    return this.successors(element.id, stack);
  }

  /** Where a decision without a path of its own goes: the failure path. */
  private rejected(id: string, region: Region, stack: Stack): string {
    const failure = this.failureTarget(region, stack);
    if (failure) return failure;
    const name = `__rejected_${id}`;
    region.states[name] = { Type: 'Fail', Error: 'Baton.Rejected' };
    return name;
  }

  /** The state a path to `target` enters: an End marker is not possible in a Choice. */
  private nextName(target: string, region: Region): string {
    if (target !== region.stop) return target;
    const name = `__toJoin_${target}_${Object.keys(region.states).length}`;
    region.states[name] = { Type: 'Pass', End: true };
    return name;
  }

  private exclusiveGateway(
    element: ElementOf<'exclusiveGateway'>,
    region: Region,
    stack: Stack,
  ): [string, Stack][] {
    const paths = outgoingOf(this.graph, element.id);
    if (paths.length <= 1) {
      region.states[element.id] = this.withNext(
        { Type: 'Pass', Comment: element.name || element.id },
        element.id,
        region,
      );
      return this.successors(element.id, stack);
    }
    const fallback = paths.find((path) => path.id === element.default);
    const state: AslState = {
      Type: 'Choice',
      Comment: element.name || element.id,
      Choices: paths
        .filter((path) => path !== fallback)
        .map((path) => ({
          Condition: jsonata(`$boolean(${overData(path.condition ?? 'true')})`),
          Next: this.nextName(path.target, region),
        })),
    };
    if (fallback) state.Default = this.nextName(fallback.target, region);
    region.states[element.id] = state;
    return this.successors(element.id, stack);
  }

  private parallel(element: Element, region: Region, stack: Stack): [string, Stack][] {
    const match = matchingJoin(this.graph, element);
    if ('problem' in match) throw new Error(match.problem);
    const branches: AslMachine[] = [];
    const undoable: string[] = [];
    for (const path of outgoingOf(this.graph, element.id)) {
      const states: Record<string, AslState> = {};
      let startAt = path.target;
      if (path.target === match.join) {
        startAt = `__empty_${path.id}`;
        states[startAt] = { Type: 'Pass', End: true };
      } else {
        this.region(path.target, { states, stop: match.join, nested: true }, []);
      }
      undoable.push(...this.compensableIn(states));
      branches.push({ StartAt: startAt, States: states });
    }
    if (undoable.length > 0)
      this.note(
        'ASL104',
        'approximated',
        element.id,
        `when a branch fails, Step Functions stops the others; the Catch chain then undoes every compensable step of every branch (${undoable.join(', ')}), in branch order rather than completion order, so those compensations must tolerate a step that never ran`,
      );
    const target = outgoingOf(this.graph, match.join)[0]?.target;
    return this.block(element, region, stack, branches, jsonata('$merge($states.result)'), target);
  }

  /**
   * An embedded sub-process as a Parallel state of one branch: a scope whose failure its error
   * boundary (or the compensation chain) catches, as Baton's compound state does.
   */
  private subProcess(element: Element, region: Region, stack: Stack): [string, Stack][] {
    const start = (this.graph.children.get(element.id) ?? []).find((e) => e.type === 'startEvent');
    const states: Record<string, AslState> = {};
    let startAt = `__empty_${element.id}`;
    if (start) {
      startAt = start.id;
      this.region(start.id, { states, stop: null, nested: true }, []);
    } else states[startAt] = { Type: 'Pass', End: true };
    const undoable = this.compensableIn(states);
    if (undoable.length > 0 && !this.errorBoundaryOf(element.id))
      this.note(
        'ASL105',
        'approximated',
        element.id,
        `a failure inside the sub-process is caught around it; the Catch chain then undoes all its compensable steps (${undoable.join(', ')}), newest first, so those compensations must tolerate a step that never ran`,
      );
    const target = outgoingOf(this.graph, element.id)[0]?.target;
    const output = jsonata('$states.result[0]');
    return this.block(
      element,
      region,
      stack,
      [{ StartAt: startAt, States: states }],
      output,
      target,
    );
  }

  /**
   * A Parallel state of `branches` going on to `target`: its error boundary, or the chain
   * undoing the steps before it and in it, catches a failure. After it, those steps are done
   * (or, past a pivot in it, nothing is undone any more).
   */
  private block(
    element: Element,
    region: Region,
    stack: Stack,
    branches: AslMachine[],
    output: string,
    target: string | undefined,
  ): [string, Stack][] {
    const inside = branches.map((branch) => branch.States);
    const pivots = inside.some((states) => this.hasPivot(states));
    const undoable = inside.flatMap((states) => this.compensableIn(states));
    const after: Stack = stack === null || pivots ? null : [...stack, ...undoable];
    const state: AslState = {
      Type: 'Parallel',
      Comment: element.name || element.id,
      Branches: branches,
      Output: output,
    };
    const catchTo =
      this.errorBoundaryOf(element.id) ??
      this.failureTarget(region, stack === null ? null : [...stack, ...undoable]);
    if (catchTo) state.Catch = [{ ErrorEquals: ['States.ALL'], Next: catchTo, Output: KEEP_DATA }];
    if (target === undefined || target === region.stop) state.End = true;
    else state.Next = target;
    region.states[element.id] = state;
    const next: [string, Stack][] = target === undefined ? [] : [[target, after]];
    for (const boundary of this.graph.boundaries.get(element.id) ?? []) {
      if (boundary.type !== 'boundaryEvent') continue;
      if (boundary.trigger === 'error') next.push([boundary.id, stack]);
      else
        this.note(
          'ASL106',
          'unsupported',
          boundary.id,
          'a Parallel state has no TimeoutSeconds: this timer boundary and the path after it are left out',
        );
    }
    return next;
  }

  private errorBoundaryOf(id: string): string | undefined {
    return (this.graph.boundaries.get(id) ?? []).find(
      (b) => b.type === 'boundaryEvent' && b.trigger === 'error',
    )?.id;
  }

  private hasPivot(states: Record<string, AslState>): boolean {
    return Object.entries(states).some(([name, state]) => {
      const element = this.graph.elements.get(name);
      return (
        (element?.type === 'serviceTask' && element.pivot === true) ||
        (state.Branches ?? []).some((branch) => this.hasPivot(branch.States))
      );
    });
  }

  /** Compensable service tasks among a branch's states, in the order written. */
  private compensableIn(states: Record<string, AslState>): string[] {
    const found: string[] = [];
    const visit = (record: Record<string, AslState>) => {
      for (const [name, state] of Object.entries(record)) {
        const element = this.graph.elements.get(name);
        if (element?.type === 'serviceTask' && element.compensation && !element.pivot)
          found.push(name);
        for (const branch of state.Branches ?? []) visit(branch.States);
      }
    };
    visit(states);
    return found;
  }

  /**
   * Where an uncaught failure goes: in a branch, nowhere (the branch fails and its Parallel
   * state's Catch takes over); else the chain undoing the completed steps, or `__failed`.
   */
  private failureTarget(region: Region, stack: Stack): string | null {
    if (region.nested) return null;
    return stack === null ? this.chains.outcome(FAILED) : this.chains.failure(stack);
  }

  private note(
    code: string,
    severity: ExportReportItem['severity'],
    elementId: string | undefined,
    message: string,
  ): void {
    this.report.push({ code, severity, message, ...(elementId ? { elementId } : {}) });
  }

  private mockNote(): string {
    return `Task resources are placeholder ARNs (account ${this.targets.account}, region ${this.targets.region}, one Lambda function per Service-operation): replace them, or mock them with Step Functions Local`;
  }
}
