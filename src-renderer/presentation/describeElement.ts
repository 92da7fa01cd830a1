import type { Element, ElementOf, WorkflowDocument } from '../../src-shared/model/document';
import type { TimerSpec } from '../../src-shared/model/expressions';
import { elementTypeInfo } from '../../src-shared/model/elementTypes';
import { describeDuration } from '../properties/duration';

/** What the caption card says about one step, in the words of the business, never ids. */
export interface StepCaption {
  /** The element's business name (its type's name when it has none). */
  readonly name: string;
  /** What kind of step it is, in words: "Service task: calls Payment.charge". */
  readonly kind: string;
  /** Short facts a stakeholder asks about: what undoes it, how long it may take. */
  readonly facts: readonly string[];
  /** The text of the annotations attached to it. */
  readonly description: readonly string[];
}

/** Names the caption may need from outside the document: another flow's, by its id. */
export interface CaptionNames {
  readonly flow?: (flowId: string) => string | undefined;
}

/** The caption for `element` of `doc`. */
export function describeElement(
  doc: WorkflowDocument,
  element: Element,
  names: CaptionNames = {},
): StepCaption {
  const context = new CaptionContext(doc, names);
  const { kind, facts = [] } = context.describe(element);
  return {
    name: context.nameOf(element),
    kind,
    facts,
    description: doc.model.elements
      .filter(
        (note): note is ElementOf<'annotation'> =>
          note.type === 'annotation' && note.annotates === element.id,
      )
      .map((note) => note.text.trim())
      .filter((text) => text.length > 0),
  };
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

function timerWords(timer: TimerSpec | undefined): string | undefined {
  if (!timer) return undefined;
  if ('durationMs' in timer) return describeDuration(timer.durationMs);
  return new Date(timer.at).toLocaleString();
}

const terminalWords = {
  completed: 'Ends the run: completed',
  compensated: 'Ends the run: undone (compensated)',
  failed: 'Ends the run: failed',
} as const;

/** Reads what an element means from its document: its neighbours, its notes, its names. */
class CaptionContext {
  private readonly byId: Map<string, Element>;

  constructor(
    private readonly doc: WorkflowDocument,
    private readonly names: CaptionNames,
  ) {
    this.byId = new Map(doc.model.elements.map((element) => [element.id, element]));
  }

  nameOf(element: Element | undefined): string {
    if (!element) return 'a step';
    return element.name.trim() || elementTypeInfo[element.type].label;
  }

  private nameOfId(id: string): string {
    return this.nameOf(this.byId.get(id));
  }

  private outgoing(id: string) {
    return this.doc.model.connections.filter((connection) => connection.source === id);
  }

  private incoming(id: string) {
    return this.doc.model.connections.filter((connection) => connection.target === id);
  }

  describe(element: Element): { kind: string; facts?: string[] } {
    switch (element.type) {
      case 'startEvent':
        return { kind: this.startWords(element) };
      case 'endEvent':
        if (element.result === 'error') {
          return {
            kind: element.errorCode
              ? `Ends with the error ${element.errorCode}`
              : 'Ends with an error',
          };
        }
        if (element.result === 'terminate') return { kind: 'Ends the whole flow at once' };
        return { kind: 'End: the flow is complete' };
      case 'serviceTask':
        return this.serviceTask(element);
      case 'userTask':
        return {
          kind: element.assignee ? `Waits for a person: ${element.assignee}` : 'Waits for a person',
          facts: element.timeoutMs ? [`Has ${describeDuration(element.timeoutMs)} to decide`] : [],
        };
      case 'exclusiveGateway':
        return this.decision(element);
      case 'parallelGateway':
        return { kind: this.parallelWords(element.id) };
      case 'timerEvent':
        return {
          kind:
            'durationMs' in element.timer
              ? `Waits ${timerWords(element.timer)}`
              : `Waits until ${timerWords(element.timer)}`,
        };
      case 'messageCatch':
        return { kind: `Waits for ${element.eventType}` };
      case 'messageThrow':
        return { kind: `Publishes ${element.eventType}` };
      case 'boundaryEvent':
        return { kind: this.boundaryWords(element) };
      case 'subProcess': {
        const inside = this.doc.model.elements.filter((child) => child.parent === element.id);
        return { kind: `Sub-process of ${plural(inside.length, 'step')}` };
      }
      case 'callActivity': {
        const flowName = element.flowId ? this.names.flow?.(element.flowId) : undefined;
        return { kind: flowName ? `Runs the flow “${flowName}”` : 'Runs another flow' };
      }
      case 'service':
        return this.service(element);
      case 'eventType':
        return { kind: this.eventWords(element) };
      default:
        return { kind: elementTypeInfo[element.type].label };
    }
  }

  private startWords(element: ElementOf<'startEvent'>): string {
    if (element.trigger === 'message' && element.eventType) {
      return `Starts when ${element.eventType} arrives`;
    }
    if (element.trigger === 'timer') {
      const when = timerWords(element.timer);
      return when ? `Starts on a timer: ${when}` : 'Starts on a timer';
    }
    return 'Start: where each run begins';
  }

  private serviceTask(element: ElementOf<'serviceTask'>) {
    const call =
      element.service && element.operation
        ? `${element.service}.${element.operation}`
        : element.service;
    const facts: string[] = [];
    if (element.compensation) {
      const undo = element.service
        ? `${element.service}.${element.compensation.operation}`
        : element.compensation.operation;
      facts.push(`Undone by ${undo} if a later step fails`);
    }
    if (element.pivot) facts.push('Cannot be undone: from here the flow only goes forward');
    if (element.timeoutMs) facts.push(`Gives up after ${describeDuration(element.timeoutMs)}`);
    if (element.retry && element.retry.maxAttempts > 1) {
      facts.push(`Tries up to ${element.retry.maxAttempts} times`);
    }
    return {
      kind: call ? `Service task: calls ${call}` : 'Service task: no service chosen yet',
      facts,
    };
  }

  private decision(element: ElementOf<'exclusiveGateway'>) {
    const paths = this.outgoing(element.id);
    return {
      kind: `Decision: takes one of ${plural(paths.length, 'path')}`,
      facts: paths.map((path) => {
        const label = path.name?.trim() || (path.id === element.default ? 'Otherwise' : 'Path');
        return `${label} → ${this.nameOfId(path.target)}`;
      }),
    };
  }

  private parallelWords(id: string): string {
    const branchesOut = this.outgoing(id).length;
    const branchesIn = this.incoming(id).length;
    if (branchesIn > 1) return `Waits for all ${branchesIn} branches to finish`;
    if (branchesOut > 1) return `Splits into ${branchesOut} parallel branches`;
    return 'Parallel gateway';
  }

  private boundaryWords(element: ElementOf<'boundaryEvent'>): string {
    const task = this.nameOfId(element.attachedTo);
    if (element.trigger === 'timer') {
      const limit = timerWords(element.timer);
      return limit ? `If ${task} takes longer than ${limit}` : `If ${task} takes too long`;
    }
    return element.errorCode ? `If ${task} fails with ${element.errorCode}` : `If ${task} fails`;
  }

  private service(element: ElementOf<'service'>) {
    const reactions = this.incoming(element.id);
    const triggers = [...new Set(reactions.map((reaction) => this.nameOfId(reaction.source)))];
    const kind = triggers.length > 0 ? `Service: reacts to ${listWords(triggers)}` : 'Service';
    const facts = reactions.map((connection) => {
      const reaction = connection.reaction;
      const what =
        connection.name?.trim() ||
        reaction?.operations.map((call) => call.operation).join(', ') ||
        'handles it';
      const success = reaction?.emitsOnSuccess.map((id) => this.nameOfId(id)) ?? [];
      const failure = reaction?.emitsOnFailure.map((id) => this.nameOfId(id)) ?? [];
      return [
        `On ${this.nameOfId(connection.source)}: ${what}`,
        success.length > 0 ? ` → ${listWords(success)}` : '',
        failure.length > 0 ? `; if it fails → ${listWords(failure)}` : '',
      ].join('');
    });
    return { kind, facts };
  }

  private eventWords(element: ElementOf<'eventType'>): string {
    if (element.initial) return 'Starting event: published from outside to begin each run';
    if (element.terminal) return terminalWords[element.terminal];
    const publishers = [
      ...new Set(this.incoming(element.id).map((connection) => this.nameOfId(connection.source))),
    ];
    return publishers.length > 0 ? `Event published by ${listWords(publishers)}` : 'Event';
  }
}

/** "A", "A and B", "A, B and C". */
function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
