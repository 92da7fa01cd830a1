import type { ModdleElement } from 'bpmn-moddle';
import type { Element } from '../../model/elements';
import { syntaxProblem } from '../../validation/jsonataSyntax';
import { GENERATED_ID_PREFIX } from './bpmnExtension';
import { toEventTypeName } from './bpmnNames';
import { idText, list, ref, text, type ImportContext } from './importContext';
import { convertFlowNode, messageName, type Placement } from './importFlowNodes';

/** Languages whose conditions Baton evaluates (JSONata); an absent language is tried as JSONata. */
const JSONATA_LANGUAGE = /jsonata/i;

/**
 * Imports the processes of a BPMN file into one flow: each pool becomes a lane drawn around its
 * process (except the pool Baton's own export draws), each lane a lane, each flow node the
 * nearest Baton element, sequence flows connections, text annotations with their associations
 * annotations, groups groups; message flows give their two ends the same event type (publish /
 * await). Everything else is reported.
 */
export function importProcesses(context: ImportContext, definitions: ModdleElement): void {
  const roots = list(definitions, 'rootElements');
  const collaborations = roots.filter((root) => root.$type === 'bpmn:Collaboration');
  const processes = roots.filter((root) => root.$type === 'bpmn:Process');
  const visited = new Set<ModdleElement>();
  for (const collaboration of collaborations) {
    context.noteExtensions(collaboration);
    for (const participant of list(collaboration, 'participants')) {
      const process = ref(participant, 'processRef');
      const pool = importPool(context, participant);
      if (process && !visited.has(process)) {
        visited.add(process);
        importContainer(context, process, { ...(pool ? { lane: pool } : {}) });
      }
    }
  }
  for (const process of processes) {
    if (!visited.has(process)) importContainer(context, process, {});
  }
  for (const collaboration of collaborations) {
    for (const flow of list(collaboration, 'messageFlows')) importMessageFlow(context, flow);
    for (const artifact of list(collaboration, 'artifacts')) importArtifact(context, artifact, {});
    for (const artifact of list(collaboration, 'artifacts')) importAssociation(context, artifact);
  }
  for (const root of roots) {
    if (!REFERENCED_ROOTS.has(root.$type)) {
      context.note(root, 'skipped', 'Baton has no equivalent');
    }
  }
}

/** Root elements that are read where they are referenced (messages by message events…). */
const REFERENCED_ROOTS = new Set([
  'bpmn:Process',
  'bpmn:Collaboration',
  'bpmn:Message',
  'bpmn:Error',
  'bpmn:Signal',
  'bpmn:Escalation',
  'bpmn:Category',
]);

function importPool(context: ImportContext, participant: ModdleElement): string | undefined {
  if (idText(participant).startsWith(GENERATED_ID_PREFIX)) return undefined;
  const id = context.idOf(participant);
  context.addElement(participant, { type: 'lane', id, name: text(participant, 'name') ?? '' });
  context.note(participant, 'converted', 'a pool: imported as a lane around its process');
  return id;
}

/** Imports a process or sub-process: its lanes, flow nodes, artifacts and sequence flows. */
function importContainer(context: ImportContext, container: ModdleElement, at: Placement): void {
  context.noteExtensions(container);
  const laneOf = new Map<string, string>();
  for (const laneSet of list(container, 'laneSets')) importLanes(context, laneSet, laneOf);
  const flows: ModdleElement[] = [];
  for (const node of list(container, 'flowElements')) {
    if (node.$type === 'bpmn:SequenceFlow') {
      flows.push(node);
      continue;
    }
    const lane = laneOf.get(idText(node)) ?? at.lane;
    const placement = { ...(at.parent ? { parent: at.parent } : {}), ...(lane ? { lane } : {}) };
    if (node.$type === 'bpmn:SubProcess' && node.triggeredByEvent === true) {
      context.note(node, 'skipped', 'an event sub-process: Baton has no equivalent');
      noteSkippedInside(context, node);
      continue;
    }
    const element = convertFlowNode(context, node, placement);
    if (!element) {
      if (!DATA_TYPES.has(node.$type) || !idText(node).startsWith(GENERATED_ID_PREFIX)) {
        context.note(node, 'skipped', skippedWhy(node));
      }
      continue;
    }
    context.addElement(node, element);
    if (element.type === 'subProcess') {
      importContainer(context, node, { parent: element.id });
    }
  }
  for (const artifact of list(container, 'artifacts')) importArtifact(context, artifact, at);
  for (const flow of flows) importSequenceFlow(context, flow);
  for (const artifact of list(container, 'artifacts')) importAssociation(context, artifact);
  fillReferences(context, container);
}

/** Reports every element inside a container that is not imported, and those inside them. */
function noteSkippedInside(context: ImportContext, container: ModdleElement): void {
  for (const inner of [...list(container, 'flowElements'), ...list(container, 'artifacts')]) {
    context.note(inner, 'skipped', `inside ${idText(container)}, which is not imported`);
    noteSkippedInside(context, inner);
  }
}

const DATA_TYPES = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

function skippedWhy(node: ModdleElement): string {
  if (DATA_TYPES.has(node.$type)) return 'data is not modelled in Baton flows';
  if (node.$type === 'bpmn:BoundaryEvent') {
    const kind = list(node, 'eventDefinitions')[0]?.$type.replace(
      /^bpmn:(.*)EventDefinition$/,
      '$1',
    );
    return `a ${kind ? kind.toLowerCase() : 'none'} boundary event: Baton has error and timer boundaries only`;
  }
  return 'Baton has no equivalent';
}

function importLanes(
  context: ImportContext,
  laneSet: ModdleElement,
  laneOf: Map<string, string>,
): void {
  for (const lane of list(laneSet, 'lanes')) {
    const id = context.idOf(lane);
    context.addElement(lane, { type: 'lane', id, name: text(lane, 'name') ?? '' });
    for (const node of list(lane, 'flowNodeRef')) laneOf.set(idText(node), id);
    const child = ref(lane, 'childLaneSet');
    if (child) importLanes(context, child, laneOf);
  }
}

function importArtifact(context: ImportContext, artifact: ModdleElement, at: Placement): void {
  const placement = { ...(at.parent ? { parent: at.parent } : {}) };
  if (artifact.$type === 'bpmn:TextAnnotation') {
    const full = text(artifact, 'text') ?? '';
    if (full.length > 5000)
      context.note(artifact, 'approximated', 'its text is cut to 5,000 characters');
    const id = context.idOf(artifact);
    context.addElement(artifact, {
      type: 'annotation',
      id,
      name: '',
      text: full.slice(0, 5000),
      ...placement,
    });
  } else if (artifact.$type === 'bpmn:Group') {
    const label = text(ref(artifact, 'categoryValueRef'), 'value') ?? '';
    const id = context.idOf(artifact);
    context.addElement(artifact, { type: 'group', id, name: label.slice(0, 200), ...placement });
  } else if (artifact.$type !== 'bpmn:Association') {
    context.note(artifact, 'skipped', 'Baton has no equivalent');
  }
}

/** An association from or to a text annotation says what it annotates; others are reported. */
function importAssociation(context: ImportContext, association: ModdleElement): void {
  if (association.$type !== 'bpmn:Association') return;
  const ends = [ref(association, 'sourceRef'), ref(association, 'targetRef')];
  const note = ends.find((end) => end?.$type === 'bpmn:TextAnnotation');
  const other = ends.find((end) => end !== note);
  const generated = idText(association).startsWith(GENERATED_ID_PREFIX);
  const annotationId = context.importedId(note);
  const targetId = context.importedId(other);
  const annotation = annotationId ? context.byId.get(annotationId) : undefined;
  if (annotation?.type === 'annotation' && targetId && annotation.annotates === undefined) {
    context.replaceElement({ ...annotation, annotates: targetId });
    if (!generated) {
      context.note(
        association,
        'converted',
        `imported as what the annotation ${annotationId} annotates (${targetId})`,
      );
    }
    return;
  }
  context.note(
    association,
    'skipped',
    annotation
      ? 'a second association of the same annotation: Baton annotates one element'
      : 'an association not linking a text annotation to an imported element',
  );
}

function importSequenceFlow(context: ImportContext, flow: ModdleElement): void {
  const source = context.importedId(ref(flow, 'sourceRef'));
  const target = context.importedId(ref(flow, 'targetRef'));
  if (!source || !target) {
    const missing = !source ? ref(flow, 'sourceRef') : ref(flow, 'targetRef');
    context.note(
      flow,
      'skipped',
      `it connects ${idText(missing) || 'nothing'}, which was not imported`,
    );
    return;
  }
  const name = text(flow, 'name');
  const expression = ref(flow, 'conditionExpression');
  const body = text(expression, 'body');
  const language = text(expression, 'language');
  let condition: string | undefined;
  if (body?.trim()) {
    if (
      (language === undefined || JSONATA_LANGUAGE.test(language)) &&
      syntaxProblem(body) === null
    ) {
      condition = body;
    } else {
      context.note(
        flow,
        'skipped',
        `its condition ${JSON.stringify(body.slice(0, 80))}${language ? ` (${language})` : ''} is not JSONata: the path has no condition`,
      );
    }
  }
  context.addConnection(flow, {
    id: context.idOf(flow),
    source,
    target,
    ...(name ? { name: name.slice(0, 200) } : {}),
    ...(condition ? { condition } : {}),
  });
}

/** Boundary events' tasks and gateways' default paths, once every element of a container is in. */
function fillReferences(context: ImportContext, container: ModdleElement): void {
  for (const node of list(container, 'flowElements')) {
    const id = context.importedId(node);
    const element = id ? context.byId.get(id) : undefined;
    if (element?.type === 'exclusiveGateway') {
      const fallback = context.importedId(ref(node, 'default'));
      if (fallback) context.replaceElement({ ...element, default: fallback });
    }
    if (element?.type === 'boundaryEvent') {
      const attached = context.importedId(ref(node, 'attachedToRef'));
      if (!attached) context.note(node, 'approximated', 'it is attached to no imported task');
      else context.replaceElement({ ...element, attachedTo: attached });
    }
  }
}

/**
 * A message flow gives its two ends one event type: a throw (or end) publishes it, a catch (or
 * message start) awaits it. Message events that name no message take the flow's message or name.
 */
function importMessageFlow(context: ImportContext, flow: ModdleElement): void {
  const eventType =
    toEventTypeName(text(ref(flow, 'messageRef'), 'name')) ??
    toEventTypeName(text(flow, 'name')) ??
    toEventTypeName(text(ref(flow, 'targetRef'), 'name')) ??
    toEventTypeName(idText(flow)) ??
    'Message';
  const ends = [ref(flow, 'sourceRef'), ref(flow, 'targetRef')].map((end) => {
    const id = context.importedId(end);
    return { end, element: id ? context.byId.get(id) : undefined };
  });
  const messageEnds = ends.filter(({ element }) => isMessageEnd(element));
  for (const { end, element } of messageEnds) {
    const own = list(end, 'eventDefinitions')[0];
    if (element && own && messageName(own) === undefined) {
      context.replaceElement({ ...element, eventType } as Element);
    }
  }
  const [from, to] = ends.map(({ end, element }) => element?.id ?? (idText(end) || '?'));
  context.note(
    flow,
    messageEnds.length > 0 ? 'converted' : 'skipped',
    messageEnds.length > 0
      ? `a message flow from ${from} to ${to}: imported as publishing and awaiting the event ${eventType}`
      : `a message flow from ${from} to ${to} between elements that neither publish nor await: not imported`,
  );
}

function isMessageEnd(element: Element | undefined): boolean {
  return (
    element?.type === 'messageCatch' ||
    element?.type === 'messageThrow' ||
    (element?.type === 'startEvent' && element.trigger === 'message')
  );
}
