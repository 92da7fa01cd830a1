import {
  findOperation,
  type Catalog,
  type EventTypeDefinition,
  type PayloadField,
  type Service,
} from '../model/catalog';
import type { Connection, Element, ElementOf, WorkflowDocument } from '../model/document';
import { DEFAULT_BROKER, FORMAT_VERSION } from '../model/document';
import {
  camel,
  pascal,
  pastTense,
  placeInColumns,
  unique,
  type DeriveReportEntry,
  type ElementMapping,
} from './deriveShared';

/** A choreography map derived from a flow, with what stands for what and what could not be kept. */
export interface DerivedMap {
  readonly document: WorkflowDocument;
  /** Flow element id → the map node ids (services, events) and reaction edges that stand for it. */
  readonly mapping: ElementMapping;
  readonly report: readonly DeriveReportEntry[];
}

type Task = ElementOf<'serviceTask'>;

/** Where control comes from, as the map sees it: an event node and the condition taken on the way. */
interface Trigger {
  readonly event: string;
  readonly condition?: string;
}

/** The flow's graph after parallel blocks are put in a row (a map has no join). */
interface Graph {
  readonly byId: ReadonlyMap<string, Element>;
  readonly incoming: Map<string, Connection[]>;
  readonly outgoing: Map<string, Connection[]>;
}

const PASS_THROUGH = new Set<Element['type']>([
  'userTask',
  'timerEvent',
  'messageCatch',
  'messageThrow',
  'subProcess',
  'callActivity',
]);

function buildGraph(flow: WorkflowDocument): Graph {
  const byId = new Map(flow.model.elements.map((element) => [element.id, element]));
  const incoming = new Map<string, Connection[]>();
  const outgoing = new Map<string, Connection[]>();
  for (const connection of flow.model.connections) {
    if (!byId.has(connection.source) || !byId.has(connection.target)) continue;
    incoming.set(connection.target, [...(incoming.get(connection.target) ?? []), connection]);
    outgoing.set(connection.source, [...(outgoing.get(connection.source) ?? []), connection]);
  }
  return { byId, incoming, outgoing };
}

/**
 * A fork whose branches are plain chains meeting at one join becomes one chain: branch after
 * branch in the document's order. Returns false (graph untouched) when the block is not that simple.
 */
function serializeParallel(graph: Graph, fork: string): boolean {
  const branches = graph.outgoing.get(fork) ?? [];
  const chains: { first: string; last: string }[] = [];
  let join: string | undefined;
  for (const branch of branches) {
    let node = branch.target;
    let last = fork;
    const seen = new Set<string>();
    while (!seen.has(node)) {
      seen.add(node);
      const element = graph.byId.get(node);
      if (element?.type === 'parallelGateway') break;
      const next = graph.outgoing.get(node) ?? [];
      if (next.length !== 1 || (graph.incoming.get(node) ?? []).length !== 1) return false;
      last = node;
      node = next[0]!.target;
    }
    if (join !== undefined && join !== node) return false;
    join = node;
    chains.push({ first: branch.target, last });
  }
  if (join === undefined || chains.some((chain) => chain.last === fork)) return false;
  // Rewire: fork → chain 1 → chain 2 → … → join.
  const forkOut = branches[0]!;
  graph.outgoing.set(fork, [forkOut]);
  const joinIn: Connection[] = [];
  chains.forEach((chain, index) => {
    const next = chains[index + 1]?.first ?? join;
    const link = { id: `${chain.last}__${next}`, source: chain.last, target: next };
    graph.outgoing.set(chain.last, [link]);
    graph.incoming.set(next, [link]);
    if (next === join) joinIn.push(link);
  });
  graph.incoming.set(join, joinIn);
  return true;
}

/** `Charge payment` → subject `Payment`, verb `charge` (the event names say what happened to whom). */
function subjectAndVerb(task: Task): { subject: string; verb: string } {
  const words = (task.name || task.id).split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
  const prefix = pascal(task.service ?? 'Step');
  if (words.length >= 2) {
    return { subject: eventName(pascal(words.slice(1).join(' ')), prefix), verb: words[0]! };
  }
  return { subject: prefix, verb: task.operation ?? 'done' };
}

/** Event types start with a letter: `1080p` becomes `Transcoder1080p`. */
const eventName = (name: string, prefix: string) =>
  /^[A-Za-z]/.test(name) ? name : `${prefix}${name}`;

/**
 * The condition of an exclusive gateway's path without one (its default): none of the others hold.
 * Without it a map would take the default path as well as the one whose condition holds.
 */
function otherwise(source: Element, connection: Connection, graph: Graph): string | undefined {
  if (source.type !== 'exclusiveGateway') return undefined;
  const others = (graph.outgoing.get(source.id) ?? [])
    .filter((other) => other.id !== connection.id && other.condition !== undefined)
    .map((other) => `(${other.condition})`);
  // A ternary, not $not: a condition over a missing field is undefined, and $not(undefined) too.
  return others.length === 0 ? undefined : `(${others.join(' or ')}) ? false : true`;
}

const and = (a: string | undefined, b: string | undefined) =>
  a === undefined ? b : b === undefined ? a : `(${a}) and (${b})`;

/**
 * Derives a choreography map from an orchestration flow: each service task becomes a reaction of
 * its service to the previous step's completion event, publishing its own completion event (or a
 * failure event); compensations become reactions to failure events that undo the completed steps
 * in reverse order. Gateways, user tasks and timers go as far as a map can express them; the report
 * says what could not. Throws on a document that is not a flow or has no start event.
 */
export function deriveMap(flow: WorkflowDocument): DerivedMap {
  if (flow.kind !== 'flow')
    throw new Error(`deriveMap needs an orchestration flow, not a ${flow.kind}`);
  const starts = flow.model.elements.filter((element) => element.type === 'startEvent');
  const start = starts.find((element) => !element.parent) ?? starts[0];
  if (!start) throw new Error('deriveMap: the flow has no start event to begin the map from');
  const report: DeriveReportEntry[] = [];
  const mapping: Record<string, string[]> = {};
  const link = (flowId: string, ...mapIds: string[]) =>
    (mapping[flowId] = [...(mapping[flowId] ?? []), ...mapIds]);
  const graph = buildGraph(flow);
  const flowCatalog: Catalog = flow.catalog ?? { services: [] };

  for (const element of flow.model.elements) {
    if (element.type !== 'parallelGateway') continue;
    if ((graph.outgoing.get(element.id) ?? []).length < 2) continue;
    if (serializeParallel(graph, element.id)) {
      report.push({
        elementId: element.id,
        type: element.type,
        action: 'approximated',
        detail:
          'a map has no join: the parallel branches run one after another, each reacting to the previous branch’s completion event',
      });
    } else {
      report.push({
        elementId: element.id,
        type: element.type,
        action: 'skipped',
        detail:
          'its branches are not plain chains meeting at one join; each branch reacts to the event before the fork and nothing waits for all of them',
      });
    }
  }

  const elements: Element[] = [];
  const connections: Connection[] = [];
  const events: EventTypeDefinition[] = [];
  const ids = new Set<string>();
  const eventNames = new Set<string>();
  const serviceNodes = new Map<string, string>();

  // The initial event: the start event's type if it has one, with its payload.
  const startDefinition = flowCatalog.events?.find(
    (event) => start.type === 'startEvent' && event.name === start.eventType,
  );
  const initialName = unique(
    (start.type === 'startEvent' ? start.eventType : undefined) ?? pascal(start.name || start.id),
    eventNames,
  );
  const fields: PayloadField[] =
    startDefinition?.payload.fields.map((field) => ({ ...field })) ?? [];
  const addEvent = (
    name: string,
    owner: string,
    description: string,
    extra: Partial<ElementOf<'eventType'>> = {},
  ) => {
    const id = unique(camel(name), ids);
    elements.push({
      type: 'eventType',
      id,
      name: name.replace(/([a-z0-9])([A-Z])/g, '$1 $2'),
      eventType: name,
      ...extra,
    });
    events.push({
      name,
      owner,
      version: 1,
      description,
      payload: { fields: fields.map((field) => ({ ...field })) },
    });
    return id;
  };
  const firstService = flow.model.elements.find(
    (element): element is Task => element.type === 'serviceTask',
  )?.service;
  const initial = addEvent(
    initialName,
    startDefinition?.owner ?? firstService ?? 'Outside',
    startDefinition?.description ??
      `Published from outside to start an instance (${start.name || start.id}).`,
    { initial: true },
  );
  link(start.id, initial);
  report.push({
    elementId: start.id,
    type: start.type,
    action: 'converted',
    detail: `the initial event ${initialName}, published from outside`,
  });

  const serviceNode = (service: string) => {
    let id = serviceNodes.get(service);
    if (id === undefined) {
      id = unique(camel(service), ids);
      serviceNodes.set(service, id);
      elements.push({ type: 'service', id, name: service, service });
    }
    return id;
  };

  // Completion and failure events of each task, and where each task's control comes from.
  const completion = new Map<string, string>();
  const triggersMemo = new Map<string, Trigger[]>();
  const triggersOf = (node: string, seen: Set<string> = new Set()): Trigger[] => {
    const memo = triggersMemo.get(node);
    if (memo) return memo;
    if (seen.has(node)) return [];
    seen.add(node);
    const found: Trigger[] = [];
    for (const connection of graph.incoming.get(node) ?? []) {
      const source = graph.byId.get(connection.source);
      if (!source) continue;
      // A map has no person to decide: the derived map takes the approve path of a user task.
      if (source.type === 'userTask' && connection.outcome === 'reject') continue;
      let upstream: Trigger[];
      if (source.id === start.id) upstream = [{ event: initial }];
      else if (source.type === 'serviceTask') upstream = [{ event: completionOf(source) }];
      else upstream = triggersOf(source.id, seen);
      const condition = connection.condition ?? otherwise(source, connection, graph);
      for (const trigger of upstream) {
        const joined = and(trigger.condition, condition);
        found.push({
          event: trigger.event,
          ...(joined === undefined ? {} : { condition: joined }),
        });
      }
    }
    triggersMemo.set(node, found);
    return found;
  };
  const completionOf = (task: Task): string => {
    let id = completion.get(task.id);
    if (id === undefined) {
      const { subject, verb } = subjectAndVerb(task);
      const name = unique(`${subject}${pascal(pastTense(verb))}`, eventNames);
      id = addEvent(name, task.service ?? 'Outside', `${task.name || task.id} succeeded.`);
      completion.set(task.id, id);
    }
    return id;
  };

  // The service tasks in chain order (a walk from the start), and the compensable ones before each.
  const order: Task[] = [];
  const visited = new Set<string>();
  const queue = [start.id];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (visited.has(id)) continue;
    visited.add(id);
    const element = graph.byId.get(id);
    if (element?.type === 'serviceTask') order.push(element);
    for (const connection of graph.outgoing.get(id) ?? []) queue.push(connection.target);
  }
  /** The compensable tasks completed before `task` on its only path back, nearest first. */
  const doneBefore = (task: string): Task[] => {
    const chain: Task[] = [];
    let node = task;
    const seen = new Set<string>();
    for (;;) {
      const incoming = graph.incoming.get(node) ?? [];
      if (incoming.length !== 1 || seen.has(node)) break;
      seen.add(node);
      node = incoming[0]!.source;
      const element = graph.byId.get(node);
      if (element?.type === 'serviceTask') {
        if (element.pivot) return [];
        if (element.compensation) chain.push(element);
      }
    }
    return chain;
  };

  const honours = (serviceNodeId: string, operation: string) => {
    const node = elements.find((element) => element.id === serviceNodeId);
    const name = node?.type === 'service' ? node.service : undefined;
    return name === undefined
      ? true
      : (findOperation(flowCatalog, name, operation)?.mock.honoursIdempotency ?? true);
  };
  const reaction = (
    id: string,
    event: string,
    service: string,
    name: string,
    operation: string,
    input: string | undefined,
    emitsOnSuccess: string[],
    emitsOnFailure: string[],
    condition?: string,
    maxAttempts?: number,
  ) => {
    // Only what the service's mock really does: a map on an at-least-once broker needs it. Where
    // it is not, the consumer keeps an inbox: the flow calls the step once per instance.
    const idempotent = honours(service, operation);
    connections.push({
      id: unique(`react_${event}_${id}`, ids),
      source: event,
      target: service,
      name,
      reaction: {
        ...(condition === undefined ? {} : { condition }),
        operations: [{ operation, ...(input === undefined ? {} : { input }) }],
        emitsOnSuccess,
        emitsOnFailure,
        idempotent,
        ...(idempotent ? {} : { deduplicates: true }),
        ...(maxAttempts !== undefined && maxAttempts > 1 ? { maxAttempts } : {}),
      },
    });
    return connections.at(-1)!.id;
  };
  const published = new Set<string>();
  const publish = (service: string, event: string) => {
    const key = `${service}->${event}`;
    if (published.has(key)) return;
    published.add(key);
    connections.push({
      id: unique(`publish_${service}_${event}`, ids),
      source: service,
      target: event,
    });
  };

  // Compensations: undoing task j reacts to the failure that starts the chain, or to the next
  // undo's completion; the last undo ends the instance as compensated.
  const undone = new Map<string, string>();
  const undoEvent = (task: Task, last: boolean) => {
    let id = undone.get(task.id);
    if (id === undefined) {
      const { subject } = subjectAndVerb(task);
      const operation = task.compensation!.operation ?? 'undo';
      const name = unique(`${subject}${pascal(pastTense(operation))}`, eventNames);
      id = addEvent(
        name,
        task.service ?? 'Outside',
        `${task.name || task.id} was undone (${operation}).`,
        last ? { terminal: 'compensated' } : {},
      );
      undone.set(task.id, id);
    }
    return id;
  };
  const compensationEdges = new Set<string>();
  const compensate = (from: string, chain: readonly Task[]) => {
    let event = from;
    chain.forEach((task, index) => {
      const key = `${event}->${task.id}`;
      const target = undoEvent(task, index === chain.length - 1);
      if (!compensationEdges.has(key)) {
        compensationEdges.add(key);
        const service = serviceNode(task.service!);
        const compensation = task.compensation!;
        const edge = reaction(
          `${task.id}_undo`,
          event,
          service,
          `Undo ${task.name || task.id}`,
          compensation.operation ?? 'undo',
          compensation.input,
          [target],
          [],
        );
        publish(service, target);
        link(task.id, edge, target);
      }
      event = target;
    });
  };

  let pivoted = false;
  for (const task of order) {
    if (!task.service || !task.operation) {
      report.push({
        elementId: task.id,
        type: task.type,
        action: 'skipped',
        detail: 'it names no service operation to call',
      });
      continue;
    }
    const service = serviceNode(task.service);
    const done = completionOf(task);
    const chain = pivoted ? [] : doneBefore(task.id);
    const failBase = `${subjectAndVerb(task).subject}Failed`;
    const fail = unique(
      eventNames.has(failBase) ? `${pascal(task.name || task.id)}Failed` : failBase,
      eventNames,
    );
    const failId = addEvent(
      fail,
      task.service,
      `${task.name || task.id} failed.`,
      chain.length === 0 ? { terminal: 'failed' } : {},
    );
    const edges = triggersOf(task.id).map((trigger) =>
      reaction(
        task.id,
        trigger.event,
        service,
        task.name || task.id,
        task.operation!,
        task.input,
        [done],
        [failId],
        trigger.condition,
        attemptsOf(task),
      ),
    );
    if (edges.length === 0) {
      report.push({
        elementId: task.id,
        type: task.type,
        action: 'skipped',
        detail: 'nothing before it publishes an event it could react to',
      });
    }
    publish(service, done);
    publish(service, failId);
    link(task.id, service, ...edges, done, failId);
    compensate(failId, chain);
    const notes: string[] = [];
    if (task.output)
      notes.push(
        'its output mapping is dropped: the call’s result is merged into the event as it is',
      );
    if (task.retry && task.retry.maxAttempts > 1)
      notes.push(
        attemptsOf(task) === task.retry.maxAttempts
          ? `its ${task.retry.maxAttempts} attempts become ${task.retry.maxAttempts} deliveries before ${fail} is published, with the broker’s redelivery delay between them instead of the flow’s back-off`
          : `its ${task.retry.maxAttempts} attempts become ${attemptsOf(task)} deliveries before ${fail} is published (the broker delivers an event at most ${DEFAULT_BROKER.maxDeliveries} times), with the broker’s redelivery delay between them instead of the flow’s back-off`,
      );
    if (task.timeoutMs !== undefined) notes.push('its timeout is not kept (a reaction has none)');
    if (task.pivot)
      notes.push('a pivot: failures after it end the instance as failed, with nothing undone');
    if (!honours(service, task.operation))
      notes.push(
        `${task.service}.${task.operation} does not honour idempotency keys in the catalog, so the reaction deduplicates: ${task.service} keeps the ids of the events it handled (an inbox) and drops a copy, as the flow calls the step once per instance`,
      );
    report.push({
      elementId: task.id,
      type: task.type,
      action: notes.length > 0 ? 'approximated' : 'converted',
      detail: [
        `${task.service} reacts with ${task.operation}, publishing ${eventNameOf(events, elements, done)} or ${fail}`,
        ...notes,
      ].join('; '),
    });
    if (task.pivot) pivoted = true;
  }

  // End events: the completion event that reaches them ends the instance; where that event goes on
  // elsewhere too (or only under a condition), its publisher also publishes a terminal event of
  // the end's own, by a reaction that calls nothing.
  for (const element of flow.model.elements) {
    if (element.type === 'endEvent') {
      const status = element.result === 'error' ? 'failed' : 'completed';
      const triggers = triggersOf(element.id);
      const details: string[] = [];
      for (const trigger of triggers) {
        const node = elements.find((candidate) => candidate.id === trigger.event);
        if (node?.type !== 'eventType') continue;
        const shared =
          trigger.condition !== undefined ||
          node.initial === true ||
          node.terminal !== undefined ||
          connections.some((c) => c.source === trigger.event && c.reaction !== undefined);
        if (!shared) {
          node.terminal = status;
          link(element.id, trigger.event);
          details.push(`${node.eventType ?? node.id} is terminal (${status})`);
          continue;
        }
        const publisher = connections.find((c) => c.target === trigger.event && !c.reaction);
        const publisherNode = elements.find((candidate) => candidate.id === publisher?.source);
        if (publisherNode?.type !== 'service' || !publisherNode.service) {
          details.push(
            `nothing but the outside publishes ${node.eventType ?? node.id}: not derived`,
          );
          continue;
        }
        const name = unique(eventName(pascal(element.name || element.id), 'End'), eventNames);
        const end = addEvent(name, publisherNode.service, `${element.name || element.id}.`, {
          terminal: status,
        });
        const edge = unique(`react_${trigger.event}_${element.id}`, ids);
        connections.push({
          id: edge,
          source: trigger.event,
          target: publisherNode.id,
          name: element.name || element.id,
          reaction: {
            ...(trigger.condition === undefined ? {} : { condition: trigger.condition }),
            operations: [],
            emitsOnSuccess: [end],
            emitsOnFailure: [],
            idempotent: true,
          },
        });
        publish(publisherNode.id, end);
        link(element.id, edge, end);
        details.push(
          `${publisherNode.service} publishes ${name} (${status}) on ${node.eventType ?? node.id}`,
        );
      }
      report.push({
        elementId: element.id,
        type: element.type,
        action:
          triggers.length > 0 && element.result !== 'terminate' ? 'converted' : 'approximated',
        detail: details.length > 0 ? details.join('; ') : 'nothing reaches it',
      });
    } else if (PASS_THROUGH.has(element.type)) {
      report.push({
        elementId: element.id,
        type: element.type,
        action: 'skipped',
        detail:
          element.type === 'userTask'
            ? 'a map has no person to decide: the next step reacts to the event before it, on the approve path; the reject path is not derived'
            : 'a map has no equivalent: the next step reacts to the event before it directly',
      });
    } else if (element.type === 'exclusiveGateway') {
      report.push({
        elementId: element.id,
        type: element.type,
        action: 'converted',
        detail: 'its path conditions become the conditions of the reactions after it',
      });
    } else if (element.type === 'boundaryEvent') {
      report.push({
        elementId: element.id,
        type: element.type,
        action: 'skipped',
        detail: 'a map reaction has no boundary events',
      });
    } else if (element.type === 'startEvent' && element.id !== start.id) {
      report.push({
        elementId: element.id,
        type: element.type,
        action: 'skipped',
        detail: 'only the flow’s first start event becomes the initial event',
      });
    }
  }

  // Services used only by the undo steps keep their catalog entries: the whole flow catalog goes along.
  const used = new Set(serviceNodes.keys());
  const catalog: Catalog = {
    services: withUndos(
      flowCatalog.services.filter((service) => used.has(service.name)),
      flow.model.elements,
    ),
    events,
  };
  const document: WorkflowDocument = {
    formatVersion: FORMAT_VERSION,
    kind: 'map',
    name: `${flow.name ?? 'Flow'} (choreography)`,
    model: { elements, connections },
    diagram: { shapes: layout(elements, connections) },
    catalog,
    broker: { ...DEFAULT_BROKER },
  };
  return { document, mapping, report };
}

/** A task's attempts as a reaction's deliveries: at most what the derived map's broker allows. */
function attemptsOf(task: { readonly retry?: { readonly maxAttempts: number } }) {
  return task.retry ? Math.min(task.retry.maxAttempts, DEFAULT_BROKER.maxDeliveries) : undefined;
}

/**
 * The flow's compensations written into the catalog (`reserve` is undone by `release`): in a map
 * nothing else says what undoes what, and the consistency verdict needs it to find an effect left
 * standing. An operation that already names its undo keeps it.
 */
function withUndos(services: readonly Service[], elements: readonly Element[]): Service[] {
  const undos = new Map<string, string>();
  for (const element of elements) {
    if (element.type !== 'serviceTask' || !element.service || !element.compensation?.operation)
      continue;
    undos.set(`${element.service}.${element.operation}`, element.compensation.operation);
  }
  return services.map((service) => {
    const names = new Set(service.operations.map((operation) => operation.name));
    return {
      ...service,
      operations: service.operations.map((operation) => {
        const undo = undos.get(`${service.name}.${operation.name}`);
        return operation.compensatedBy || !undo || !names.has(undo) || undo === operation.name
          ? operation
          : { ...operation, compensatedBy: undo };
      }),
    };
  });
}

function eventNameOf(
  _events: readonly EventTypeDefinition[],
  elements: readonly Element[],
  id: string,
): string {
  const node = elements.find((element) => element.id === id);
  return (node?.type === 'eventType' ? node.eventType : undefined) ?? id;
}

/** Ranks by distance from the initial events (breadth first: undo edges loop back), then columns. */
function layout(elements: readonly Element[], connections: readonly Connection[]) {
  const rank = new Map<string, number>();
  const queue: string[] = [];
  for (const element of elements) {
    if (element.type === 'eventType' && element.initial) {
      rank.set(element.id, 0);
      queue.push(element.id);
    }
  }
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const connection of connections) {
      if (connection.source !== id || rank.has(connection.target)) continue;
      rank.set(connection.target, rank.get(id)! + 1);
      queue.push(connection.target);
    }
  }
  const ordered = new Map(elements.map((element) => [element.id, rank.get(element.id) ?? 0]));
  return placeInColumns(ordered, 230, 100);
}
