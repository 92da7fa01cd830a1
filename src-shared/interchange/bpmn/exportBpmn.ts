import { elementSize } from '../../diagram/elementSize';
import type { WorkflowDocument } from '../../model/document';
import type { Element } from '../../model/elements';
import {
  BATON_NAMESPACE,
  DOCUMENT_TAG,
  GENERATED_ID_PREFIX,
  type DocumentExtension,
} from './bpmnExtension';
import {
  associationId,
  categoryValueId,
  errorId,
  messageId,
  writeFlowElement,
  writeProperties,
  writeSequenceFlow,
} from './exportFlowElements';
import { straightRoute, type Point } from './routes';
import { XmlWriter } from './xmlWriter';

const NAMESPACES = [
  ['xmlns:bpmn', 'http://www.omg.org/spec/BPMN/20100524/MODEL'],
  ['xmlns:bpmndi', 'http://www.omg.org/spec/BPMN/20100524/DI'],
  ['xmlns:dc', 'http://www.omg.org/spec/DD/20100524/DC'],
  ['xmlns:di', 'http://www.omg.org/spec/DD/20100524/DI'],
  ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
  ['xmlns:baton', BATON_NAMESPACE],
] as const;

const PROCESS_ID = `${GENERATED_ID_PREFIX}process`;
const COLLABORATION_ID = `${GENERATED_ID_PREFIX}collaboration`;
const POOL_ID = `${GENERATED_ID_PREFIX}pool`;
/** The band on the left of a pool where BPMN tools write its name. */
const POOL_LABEL_WIDTH = 30;

/**
 * A document as BPMN 2.0 XML with diagram interchange (a BPMNShape with bounds for every element,
 * a BPMNEdge with waypoints for every connection). What BPMN has no word for (service and
 * operation, retries, timeouts, compensation, pivot, JSONata mappings, the catalog…) is kept as
 * JSON in `baton:properties` and `baton:document` extension elements, so `importBpmn` gives the
 * same document back. A flow is one process (inside a pool when it has lanes); a map is a
 * collaboration of black-box pools, one per service and event type, joined by message flows.
 * Deterministic: the same document gives the same text.
 */
export function exportBpmn(document: WorkflowDocument): string {
  const xml = new XmlWriter();
  xml.line('<?xml version="1.0" encoding="UTF-8"?>');
  xml.open('bpmn:definitions', [
    ...NAMESPACES,
    ['id', `${GENERATED_ID_PREFIX}definitions`],
    ['name', document.name],
    ['targetNamespace', 'https://baton.dev/workflows'],
    ['exporter', 'Baton'],
    ['exporterVersion', '1'],
  ]);
  const layout = new Layout(document);
  if (document.kind === 'map') writeMap(xml, document, layout);
  else writeFlow(xml, document, layout);
  xml.close('bpmn:definitions');
  return xml.toString();
}

/** Bounds and routes for the diagram, noting which ones the document leaves to defaults. */
class Layout {
  readonly defaultSizes: Record<string, string[]> = {};
  readonly defaultRoutes: string[] = [];
  private readonly elements: Map<string, Element>;

  constructor(private readonly document: WorkflowDocument) {
    this.elements = new Map(document.model.elements.map((element) => [element.id, element]));
  }

  bounds(element: Element) {
    const shape = this.document.diagram.shapes[element.id] ?? { x: 0, y: 0 };
    const missing = (['width', 'height'] as const).filter((side) => shape[side] === undefined);
    if (missing.length > 0) this.defaultSizes[element.id] = missing;
    return { x: shape.x, y: shape.y, ...elementSize(element.type, shape) };
  }

  route(connection: { id: string; source: string; target: string }): Point[] {
    const own = this.document.diagram.edges?.[connection.id]?.waypoints;
    if (own && own.length >= 2) return own;
    this.defaultRoutes.push(connection.id);
    return straightRoute(connection, this.elements, this.document.diagram.shapes);
  }

  extension(document: WorkflowDocument): DocumentExtension {
    return {
      formatVersion: document.formatVersion,
      kind: document.kind,
      ...(document.name === undefined ? {} : { name: document.name }),
      ...(document.catalog ? { catalog: document.catalog } : {}),
      ...(document.broker ? { broker: document.broker } : {}),
      elementOrder: document.model.elements.map((element) => element.id),
      connectionOrder: document.model.connections.map((connection) => connection.id),
      defaultSizes: this.defaultSizes,
      defaultRoutes: this.defaultRoutes,
    };
  }
}

function writeDocumentExtension(xml: XmlWriter, extension: DocumentExtension): void {
  xml.open('bpmn:extensionElements');
  xml.leaf(DOCUMENT_TAG, [], JSON.stringify(extension));
  xml.close('bpmn:extensionElements');
}

function writeFlow(xml: XmlWriter, document: WorkflowDocument, layout: Layout): void {
  const { elements } = document.model;
  const lanes = elements.filter((element) => element.type === 'lane');
  // The diagram is computed first: the document extension records which sizes and routes it made up.
  const diagram = new XmlWriter();
  writeFlowDiagram(diagram, document, layout, lanes.length > 0);
  writeRootDefinitions(xml, elements);
  const extension = layout.extension(document);
  if (lanes.length > 0) {
    xml.open('bpmn:collaboration', [['id', COLLABORATION_ID]]);
    writeDocumentExtension(xml, extension);
    xml.leaf('bpmn:participant', [
      ['id', POOL_ID],
      ['name', document.name],
      ['processRef', PROCESS_ID],
    ]);
    xml.close('bpmn:collaboration');
  }
  xml.open('bpmn:process', [
    ['id', PROCESS_ID],
    ['name', document.name],
    ['isExecutable', 'true'],
  ]);
  if (lanes.length === 0) writeDocumentExtension(xml, extension);
  if (lanes.length > 0) writeLanes(xml, elements, lanes);
  writeContainer(xml, document, undefined);
  xml.close('bpmn:process');
  for (const line of diagram.toString().trimEnd().split('\n')) xml.line(line);
}

/** Messages for the event types, errors for the error codes, categories for the groups. */
function writeRootDefinitions(xml: XmlWriter, elements: readonly Element[]): void {
  const eventTypes = new Set<string>();
  const errorCodes = new Set<string>();
  for (const element of elements) {
    if ('eventType' in element && element.eventType && element.type !== 'eventType') {
      eventTypes.add(element.eventType);
    }
    if ('errorCode' in element && element.errorCode) errorCodes.add(element.errorCode);
  }
  for (const eventType of eventTypes) {
    xml.leaf('bpmn:message', [
      ['id', messageId(eventType)],
      ['name', eventType],
    ]);
  }
  for (const code of errorCodes) {
    xml.leaf('bpmn:error', [
      ['id', errorId(code)],
      ['name', code],
      ['errorCode', code],
    ]);
  }
  for (const group of elements.filter((element) => element.type === 'group')) {
    xml.open('bpmn:category', [['id', `${GENERATED_ID_PREFIX}category_${group.id}`]]);
    xml.leaf('bpmn:categoryValue', [
      ['id', categoryValueId(group.id)],
      ['value', group.name],
    ]);
    xml.close('bpmn:category');
  }
}

function writeLanes(xml: XmlWriter, elements: readonly Element[], lanes: readonly Element[]): void {
  xml.open('bpmn:laneSet', [['id', `${GENERATED_ID_PREFIX}lanes`]]);
  for (const lane of lanes) {
    xml.open('bpmn:lane', [
      ['id', lane.id],
      ['name', lane.name],
    ]);
    writeProperties(xml, lane);
    for (const element of elements) {
      if (element.lane === lane.id && isFlowNode(element))
        xml.leaf('bpmn:flowNodeRef', [], element.id);
    }
    xml.close('bpmn:lane');
  }
  xml.close('bpmn:laneSet');
}

const isFlowNode = (element: Element) =>
  !['annotation', 'group', 'lane', 'service', 'eventType'].includes(element.type);

/** The flow nodes, sequence flows and artifacts of the process or of one sub-process. */
function writeContainer(
  xml: XmlWriter,
  document: WorkflowDocument,
  parent: string | undefined,
): void {
  const { elements, connections } = document.model;
  const subProcesses = new Set(
    elements.filter((element) => element.type === 'subProcess').map((element) => element.id),
  );
  const containerOf = (element: Element | undefined) =>
    element?.parent && subProcesses.has(element.parent) ? element.parent : undefined;
  const byId = new Map(elements.map((element) => [element.id, element]));
  const inside = elements.filter((element) => containerOf(element) === parent);
  for (const element of inside) {
    if (element.type === 'lane' || element.type === 'annotation' || element.type === 'group')
      continue;
    writeFlowElement(xml, element, (sub) => writeContainer(xml, document, sub.id));
  }
  for (const connection of connections) {
    if (containerOf(byId.get(connection.source)) === parent) writeSequenceFlow(xml, connection);
  }
  for (const element of inside) {
    if (element.type !== 'annotation' && element.type !== 'group') continue;
    writeFlowElement(xml, element, () => undefined);
    if (element.type === 'annotation' && element.annotates && byId.has(element.annotates)) {
      xml.leaf('bpmn:association', [
        ['id', associationId(element.id)],
        ['sourceRef', element.annotates],
        ['targetRef', element.id],
      ]);
    }
  }
}

function writeFlowDiagram(
  xml: XmlWriter,
  document: WorkflowDocument,
  layout: Layout,
  pooled: boolean,
): void {
  const { elements, connections } = document.model;
  const byId = new Map(elements.map((element) => [element.id, element]));
  xml.open('bpmndi:BPMNDiagram', [['id', `${GENERATED_ID_PREFIX}diagram`]]);
  xml.open('bpmndi:BPMNPlane', [
    ['id', `${GENERATED_ID_PREFIX}plane`],
    ['bpmnElement', pooled ? COLLABORATION_ID : PROCESS_ID],
  ]);
  if (pooled)
    writePoolShape(
      xml,
      elements.filter((element) => element.type === 'lane').map((lane) => layout.bounds(lane)),
    );
  for (const element of elements) {
    writeShape(xml, element.id, layout.bounds(element), element.type);
  }
  for (const connection of connections) writeEdge(xml, connection.id, layout.route(connection));
  for (const element of elements) {
    if (element.type !== 'annotation' || !element.annotates || !byId.has(element.annotates))
      continue;
    const route = straightRoute(
      { source: element.annotates, target: element.id },
      byId,
      document.diagram.shapes,
    );
    writeEdge(xml, associationId(element.id), route);
  }
  xml.close('bpmndi:BPMNPlane');
  xml.close('bpmndi:BPMNDiagram');
}

type Box = { x: number; y: number; width: number; height: number };

function writePoolShape(xml: XmlWriter, lanes: readonly Box[]): void {
  const left = Math.min(...lanes.map((lane) => lane.x)) - POOL_LABEL_WIDTH;
  const top = Math.min(...lanes.map((lane) => lane.y));
  const right = Math.max(...lanes.map((lane) => lane.x + lane.width));
  const bottom = Math.max(...lanes.map((lane) => lane.y + lane.height));
  writeShape(xml, POOL_ID, { x: left, y: top, width: right - left, height: bottom - top }, 'pool');
}

function writeShape(xml: XmlWriter, id: string, box: Box, type: string): void {
  const horizontal = ['lane', 'pool', 'service', 'eventType'].includes(type) ? 'true' : undefined;
  xml.open('bpmndi:BPMNShape', [
    ['id', `${GENERATED_ID_PREFIX}di_${id}`],
    ['bpmnElement', id],
    ['isHorizontal', horizontal],
    ['isExpanded', type === 'subProcess' ? 'true' : undefined],
  ]);
  xml.leaf('dc:Bounds', [
    ['x', box.x],
    ['y', box.y],
    ['width', box.width],
    ['height', box.height],
  ]);
  xml.close('bpmndi:BPMNShape');
}

function writeEdge(xml: XmlWriter, id: string, waypoints: readonly Point[]): void {
  xml.open('bpmndi:BPMNEdge', [
    ['id', `${GENERATED_ID_PREFIX}di_${id}`],
    ['bpmnElement', id],
  ]);
  for (const point of waypoints) {
    xml.leaf('di:waypoint', [
      ['x', point.x],
      ['y', point.y],
    ]);
  }
  xml.close('bpmndi:BPMNEdge');
}

/** A map: each service and event type a black-box pool, each edge a message flow between them. */
function writeMap(xml: XmlWriter, document: WorkflowDocument, layout: Layout): void {
  const { elements, connections } = document.model;
  const diagram = new XmlWriter();
  diagram.open('bpmndi:BPMNDiagram', [['id', `${GENERATED_ID_PREFIX}diagram`]]);
  diagram.open('bpmndi:BPMNPlane', [
    ['id', `${GENERATED_ID_PREFIX}plane`],
    ['bpmnElement', COLLABORATION_ID],
  ]);
  for (const element of elements)
    writeShape(diagram, element.id, layout.bounds(element), element.type);
  for (const connection of connections) writeEdge(diagram, connection.id, layout.route(connection));
  diagram.close('bpmndi:BPMNPlane');
  diagram.close('bpmndi:BPMNDiagram');

  xml.open('bpmn:collaboration', [['id', COLLABORATION_ID]]);
  writeDocumentExtension(xml, layout.extension(document));
  for (const element of elements) {
    xml.open('bpmn:participant', [
      ['id', element.id],
      ['name', element.name],
    ]);
    writeProperties(xml, element, MAP_NATIVE_KEYS);
    xml.close('bpmn:participant');
  }
  for (const connection of connections) {
    xml.open('bpmn:messageFlow', [
      ['id', connection.id],
      ['name', connection.name],
      ['sourceRef', connection.source],
      ['targetRef', connection.target],
    ]);
    writeProperties(xml, connection);
    xml.close('bpmn:messageFlow');
  }
  xml.close('bpmn:collaboration');
  for (const line of diagram.toString().trimEnd().split('\n')) xml.line(line);
}

/** On a map the element type is not a BPMN type (every element is a pool): it stays in the extension. */
const MAP_NATIVE_KEYS = new Set(['id', 'name', 'parent', 'lane']);
