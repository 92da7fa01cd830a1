import type { ModdleElement } from 'bpmn-moddle';
import { MAX_NAME_LENGTH, type Element } from '../../model/elements';
import type { TimerSpec } from '../../model/expressions';
import { TimerSpec as TimerSpecSchema } from '../../model/expressions';
import { toEventTypeName, toOperationName } from './bpmnNames';
import { list, ref, text, type ImportContext } from './importContext';
import { parseIsoDuration } from './isoDuration';

/** The service that calls of imported tasks go to when the file names no Baton service. */
export const GENERATED_SERVICE = 'Imported';

const MAX_GENERATED_OPERATIONS = 500;

/** Where an element sits: its sub-process and lane (Baton ids). */
export interface Placement {
  readonly parent?: string;
  readonly lane?: string;
}

const TASKS: Readonly<Record<string, readonly ['serviceTask' | 'userTask', string?]>> = {
  'bpmn:ServiceTask': ['serviceTask'],
  'bpmn:Task': ['serviceTask', 'an abstract task: imported as a service task'],
  'bpmn:SendTask': [
    'serviceTask',
    'a send task: imported as a service task (no event is published)',
  ],
  'bpmn:ReceiveTask': [
    'serviceTask',
    'a receive task: imported as a service task (it does not wait for a message)',
  ],
  'bpmn:ScriptTask': [
    'serviceTask',
    'a script task: imported as a service task (the script is not run)',
  ],
  'bpmn:BusinessRuleTask': ['serviceTask', 'a business rule task: imported as a service task'],
  'bpmn:UserTask': ['userTask'],
  'bpmn:ManualTask': ['userTask', 'a manual task: imported as a user task'],
};

const GATEWAYS: Readonly<
  Record<string, readonly ['exclusiveGateway' | 'parallelGateway', string?]>
> = {
  'bpmn:ExclusiveGateway': ['exclusiveGateway'],
  'bpmn:ParallelGateway': ['parallelGateway'],
  'bpmn:InclusiveGateway': [
    'exclusiveGateway',
    'an inclusive gateway: imported as an exclusive gateway (only one path is taken)',
  ],
  'bpmn:EventBasedGateway': [
    'exclusiveGateway',
    'an event-based gateway: imported as an exclusive gateway',
  ],
  'bpmn:ComplexGateway': [
    'exclusiveGateway',
    'a complex gateway: imported as an exclusive gateway',
  ],
};

/**
 * The Baton element of one BPMN flow node, or `null` when Baton has no equivalent (the caller
 * reports it). Approximations are reported here. References to other elements (a boundary's task,
 * a gateway's default path) are filled in once every element is known.
 */
export function convertFlowNode(
  context: ImportContext,
  node: ModdleElement,
  placement: Placement,
): Element | null {
  const common = {
    id: context.idOf(node),
    name: nameOf(context, node),
    ...(placement.parent ? { parent: placement.parent } : {}),
    ...(placement.lane ? { lane: placement.lane } : {}),
  };
  const task = TASKS[node.$type];
  if (task) {
    if (task[1]) context.note(node, 'approximated', task[1]);
    if (task[0] === 'userTask') return { type: 'userTask', ...common };
    let operation = toOperationName(common.name) ?? toOperationName(common.id) ?? 'call';
    // A service holds at most 500 operations: past that, tasks share one.
    const known = context.generatedOperations;
    if (!known.has(operation) && known.size >= MAX_GENERATED_OPERATIONS - 1) operation = 'call';
    known.add(operation);
    return { type: 'serviceTask', ...common, service: GENERATED_SERVICE, operation };
  }
  const gateway = GATEWAYS[node.$type];
  if (gateway) {
    if (gateway[1]) context.note(node, 'approximated', gateway[1]);
    return { type: gateway[0], ...common };
  }
  const definitions = list(node, 'eventDefinitions');
  const definition = definitions[0];
  const kind = definition?.$type.replace(/^bpmn:(.*)EventDefinition$/, '$1');
  if (definitions.length > 1) {
    context.note(
      node,
      'approximated',
      `has ${definitions.length} event definitions: only the first (${kind}) is imported`,
    );
  }
  switch (node.$type) {
    case 'bpmn:StartEvent':
      return startEvent(context, node, common, kind, definition);
    case 'bpmn:EndEvent':
      return endEvent(context, node, common, kind, definition);
    case 'bpmn:IntermediateCatchEvent':
    case 'bpmn:IntermediateThrowEvent':
      return intermediateEvent(context, node, common, kind, definition);
    case 'bpmn:BoundaryEvent':
      return boundaryEvent(context, node, common, kind, definition);
    case 'bpmn:SubProcess':
    case 'bpmn:Transaction':
    case 'bpmn:AdHocSubProcess':
      if (node.$type !== 'bpmn:SubProcess') {
        context.note(node, 'approximated', `imported as an embedded sub-process`);
      }
      return { type: 'subProcess', ...common };
    case 'bpmn:CallActivity': {
      const called = text(node, 'calledElement');
      if (!called) context.note(node, 'approximated', 'calls no process: choose the flow it calls');
      return {
        type: 'callActivity',
        ...common,
        flowId: (called ?? '').slice(0, 200),
        version: 'latest',
      };
    }
    default:
      return null;
  }
}

type Common = { id: string; name: string; parent?: string; lane?: string };

function startEvent(
  context: ImportContext,
  node: ModdleElement,
  common: Common,
  kind: string | undefined,
  definition: ModdleElement | undefined,
): Element {
  if (kind === 'Timer') {
    const timer = timerOf(context, node, definition!);
    return { type: 'startEvent', ...common, trigger: 'timer', ...(timer ? { timer } : {}) };
  }
  if (kind === 'Message') {
    const eventType = messageName(definition!);
    return {
      type: 'startEvent',
      ...common,
      trigger: 'message',
      ...(eventType ? { eventType } : {}),
    };
  }
  if (kind)
    context.note(
      node,
      'approximated',
      `a ${kind.toLowerCase()} start event: imported as a plain start`,
    );
  return { type: 'startEvent', ...common };
}

function endEvent(
  context: ImportContext,
  node: ModdleElement,
  common: Common,
  kind: string | undefined,
  definition: ModdleElement | undefined,
): Element {
  if (kind === 'Error') {
    const code = errorCodeOf(definition!);
    return { type: 'endEvent', ...common, result: 'error', ...(code ? { errorCode: code } : {}) };
  }
  if (kind === 'Terminate') return { type: 'endEvent', ...common, result: 'terminate' };
  if (kind)
    context.note(
      node,
      'approximated',
      `a ${kind.toLowerCase()} end event: imported as a plain end`,
    );
  return { type: 'endEvent', ...common };
}

function intermediateEvent(
  context: ImportContext,
  node: ModdleElement,
  common: Common,
  kind: string | undefined,
  definition: ModdleElement | undefined,
): Element {
  const throwing = node.$type === 'bpmn:IntermediateThrowEvent';
  if (kind === 'Timer') {
    return {
      type: 'timerEvent',
      ...common,
      timer: timerOf(context, node, definition!) ?? { durationMs: 0 },
    };
  }
  if (kind === 'Message' || kind === 'Signal' || kind === 'Escalation') {
    if (kind !== 'Message') {
      context.note(
        node,
        'approximated',
        `a ${kind.toLowerCase()} event: imported as ${throwing ? 'publishing' : 'awaiting'} the event of the same name`,
      );
    }
    const eventType =
      messageName(definition!) ??
      toEventTypeName(common.name) ??
      toEventTypeName(common.id) ??
      'Event';
    return throwing
      ? { type: 'messageThrow', ...common, eventType }
      : { type: 'messageCatch', ...common, eventType };
  }
  context.note(
    node,
    'approximated',
    `${kind ? `a ${kind.toLowerCase()}` : 'a none'} intermediate event: imported as a timer of 0 ms (the flow passes through it)`,
  );
  return { type: 'timerEvent', ...common, timer: { durationMs: 0 } };
}

function boundaryEvent(
  context: ImportContext,
  node: ModdleElement,
  common: Common,
  kind: string | undefined,
  definition: ModdleElement | undefined,
): Element | null {
  const attachedTo = ref(node, 'attachedToRef');
  const base = { ...common, attachedTo: attachedTo ? context.idOf(attachedTo) : common.id };
  if (node.cancelActivity === false) {
    context.note(node, 'approximated', 'non-interrupting: imported as interrupting');
  }
  if (kind === 'Error') {
    const code = errorCodeOf(definition!);
    return {
      type: 'boundaryEvent',
      ...base,
      trigger: 'error',
      ...(code ? { errorCode: code } : {}),
    };
  }
  if (kind === 'Timer') {
    const timer = timerOf(context, node, definition!);
    return { type: 'boundaryEvent', ...base, trigger: 'timer', ...(timer ? { timer } : {}) };
  }
  return null;
}

/** The event type a message (or signal, escalation) definition names, as a Baton event type. */
export function messageName(definition: ModdleElement): string | undefined {
  const target =
    ref(definition, 'messageRef') ??
    ref(definition, 'signalRef') ??
    ref(definition, 'escalationRef');
  return toEventTypeName(text(target, 'name')) ?? toEventTypeName(text(target, 'id'));
}

function errorCodeOf(definition: ModdleElement): string | undefined {
  const error = ref(definition, 'errorRef');
  const code = text(error, 'errorCode') ?? text(error, 'name');
  return code && /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(code) ? code : undefined;
}

function timerOf(
  context: ImportContext,
  node: ModdleElement,
  definition: ModdleElement,
): TimerSpec | undefined {
  const duration = text(ref(definition, 'timeDuration'), 'body')?.trim();
  const date = text(ref(definition, 'timeDate'), 'body')?.trim();
  const cycle = text(ref(definition, 'timeCycle'), 'body')?.trim();
  if (duration !== undefined) {
    const parsed = parseIsoDuration(duration);
    if (parsed && parsed.ms <= 366 * 24 * 3600 * 1000) {
      if (!parsed.exact)
        context.note(
          node,
          'approximated',
          `the duration ${duration} counts a year as 365 days and a month as 30`,
        );
      return { durationMs: parsed.ms };
    }
  }
  if (date !== undefined && TimerSpecSchema.safeParse({ at: date }).success) return { at: date };
  if (cycle !== undefined) {
    const parsed = parseIsoDuration(cycle.split('/').pop() ?? '');
    if (parsed) {
      context.note(
        node,
        'approximated',
        `the cycle ${cycle} is imported as one wait of ${parsed.ms} ms`,
      );
      return { durationMs: parsed.ms };
    }
  }
  const what = duration ?? date ?? cycle;
  context.note(
    node,
    'approximated',
    what === undefined
      ? 'the timer says no duration or date: set one'
      : `the timer "${what}" is not an ISO 8601 duration or date-time: set one`,
  );
  return undefined;
}

function nameOf(context: ImportContext, node: ModdleElement): string {
  const name = text(node, 'name') ?? '';
  if (name.length <= MAX_NAME_LENGTH) return name;
  context.note(node, 'approximated', `its name is cut to ${MAX_NAME_LENGTH} characters`);
  return name.slice(0, MAX_NAME_LENGTH);
}
