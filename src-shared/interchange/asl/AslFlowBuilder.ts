// Walks a flow from its start event and writes one ASL state per element, through the state
// writers in `taskStates.ts`, `choiceStates.ts` and `parallelStates.ts`.
import { outgoingOf, type FlowGraph } from '../../compiler/flowGraph';
import type { Element } from '../../model/document';
import type { ExportReportItem } from '../exportReport';
import { waitState, type AslTargets } from './aslStates';
import type { AslMachine, AslState } from './aslTypes';
import { exclusiveGateway, userTask } from './choiceStates';
import { CompensationChains, FAILED } from './CompensationChains';
import { parallel, subProcess } from './parallelStates';
import { successors, withNext, type AslWalk, type Region, type Stack } from './regions';
import { callActivity, endEvent, messageCatch, messageThrow, serviceTask } from './taskStates';

/** Builds one flow's ASL definition, collecting what it could not express in `report`. */
export class AslFlowBuilder {
  readonly report: ExportReportItem[] = [];
  private readonly top: Record<string, AslState> = {};
  private readonly chains: CompensationChains;
  private readonly reached = new Map<string, string>();
  private readonly walk: AslWalk;

  constructor(
    private readonly graph: FlowGraph,
    private readonly targets: AslTargets,
  ) {
    this.chains = new CompensationChains(graph, targets);
    this.walk = {
      graph,
      targets,
      region: (startId, region, stack) => this.region(startId, region, stack),
      failureTarget: (region, stack) => this.failureTarget(region, stack),
      note: (code, severity, elementId, message) => this.note(code, severity, elementId, message),
    };
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
    const walk = this.walk;
    const follow = (state: AslState): [string, Stack][] => {
      region.states[element.id] = withNext(this.graph, state, element.id, region);
      return successors(this.graph, element.id, stack);
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
        endEvent(walk, element, region, stack);
        return [];
      case 'serviceTask':
        return serviceTask(walk, element, region, stack);
      case 'userTask':
        return userTask(walk, element, region, stack);
      case 'exclusiveGateway':
        return exclusiveGateway(walk, element, region, stack);
      case 'parallelGateway':
        if (outgoingOf(this.graph, element.id).length > 1)
          return parallel(walk, element, region, stack);
        return follow({ Type: 'Pass', Comment: element.name || element.id });
      case 'timerEvent':
        return follow(waitState(element.timer, element.name || element.id));
      case 'messageCatch':
        return messageCatch(walk, element, region, stack);
      case 'messageThrow':
        return messageThrow(walk, element, region, stack);
      case 'callActivity':
        return callActivity(walk, element, region, stack);
      case 'boundaryEvent':
        return follow({ Type: 'Pass', Comment: element.name || element.id });
      case 'subProcess':
        return subProcess(walk, element, region, stack);
      default:
        return [];
    }
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
