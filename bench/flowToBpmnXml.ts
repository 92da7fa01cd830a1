import { elementSize } from '../src-shared/diagram/elementSize';
import type { Element, WorkflowDocument } from '../src-shared/model/document';

/** The BPMN 2.0 element each type of a generated flow is written as. */
const bpmnTag: Partial<Record<Element['type'], string>> = {
  startEvent: 'startEvent',
  endEvent: 'endEvent',
  serviceTask: 'serviceTask',
  userTask: 'userTask',
  exclusiveGateway: 'exclusiveGateway',
  parallelGateway: 'parallelGateway',
};

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (char) =>
      ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char] ?? char,
  );

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The route the canvas draws a connection on, as BPMN waypoints: from the middle of the source's
 * right side to the middle of the target's left side, with right-angled bends (a connection back
 * to the left goes round below the source).
 */
function waypoints(source: Box, target: Box): { x: number; y: number }[] {
  const start = { x: source.x + source.width, y: source.y + source.height / 2 };
  const end = { x: target.x, y: target.y + target.height / 2 };
  if (start.y === end.y && start.x <= end.x) return [start, end];
  if (start.x < end.x) {
    const middle = Math.round((start.x + end.x) / 2);
    return [start, { x: middle, y: start.y }, { x: middle, y: end.y }, end];
  }
  const below = Math.round((source.y + source.height + target.y) / 2);
  return [
    start,
    { x: start.x + 20, y: start.y },
    { x: start.x + 20, y: below },
    { x: end.x - 20, y: below },
    { x: end.x - 20, y: end.y },
    end,
  ];
}

/**
 * A generated flow (events, tasks and gateways) as BPMN 2.0 XML with BPMNDI: the same elements,
 * names and connections, and shapes and edges at the same coordinates as on Baton's canvas. For
 * the benchmark's reference (bpmn-js), not a general export.
 */
export function flowToBpmnXml(doc: WorkflowDocument): string {
  const boxes = new Map<string, Box>();
  const process: string[] = [];
  const diagram: string[] = [];
  for (const element of doc.model.elements) {
    const tag = bpmnTag[element.type];
    const shape = doc.diagram.shapes[element.id];
    if (!tag || !shape) throw new Error(`cannot write ${element.type} "${element.id}" as BPMN`);
    const box = { x: shape.x, y: shape.y, ...elementSize(element.type, shape) };
    boxes.set(element.id, box);
    const fallback =
      element.type === 'exclusiveGateway' && element.default
        ? ` default="${escapeXml(element.default)}"`
        : '';
    process.push(
      `<bpmn:${tag} id="${escapeXml(element.id)}" name="${escapeXml(element.name)}"${fallback} />`,
    );
    diagram.push(
      `<bpmndi:BPMNShape id="${escapeXml(element.id)}_di" bpmnElement="${escapeXml(element.id)}">` +
        `<dc:Bounds x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" />` +
        `</bpmndi:BPMNShape>`,
    );
  }
  for (const connection of doc.model.connections) {
    const source = boxes.get(connection.source);
    const target = boxes.get(connection.target);
    if (!source || !target) throw new Error(`connection "${connection.id}" has a missing end`);
    const id = escapeXml(connection.id);
    const condition = connection.condition
      ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escapeXml(connection.condition)}</bpmn:conditionExpression>`
      : '';
    process.push(
      `<bpmn:sequenceFlow id="${id}" sourceRef="${escapeXml(connection.source)}" targetRef="${escapeXml(connection.target)}">${condition}</bpmn:sequenceFlow>`,
    );
    const points = waypoints(source, target)
      .map(({ x, y }) => `<di:waypoint x="${x}" y="${y}" />`)
      .join('');
    diagram.push(`<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">${points}</bpmndi:BPMNEdge>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"',
    ' xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"',
    ' xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"',
    ' xmlns:di="http://www.omg.org/spec/DD/20100524/DI"',
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    ' id="definitions" targetNamespace="https://baton.invalid/bench">',
    `<bpmn:process id="process" name="${escapeXml(doc.name ?? 'Generated flow')}" isExecutable="true">`,
    ...process,
    '</bpmn:process>',
    '<bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="process">',
    ...diagram,
    '</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>',
    '</bpmn:definitions>',
    '',
  ].join('\n');
}
