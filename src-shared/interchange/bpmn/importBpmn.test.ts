import { describe, expect, it } from 'vitest';
import type { Element } from '../../model/elements';
import { validateDocument } from '../../validation/validateDocument';
import { importBpmn } from './importBpmn';

/** A collaboration as another modeler writes it: two pools, lanes, a message flow, DI. */
const shop = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" name="Shop" targetNamespace="x">
  <bpmn:message id="msg_paid" name="Order paid" />
  <bpmn:error id="err_declined" errorCode="DECLINED" />
  <bpmn:category id="cat"><bpmn:categoryValue id="cv" value="Payment part" /></bpmn:category>
  <bpmn:collaboration id="collab">
    <bpmn:participant id="shopPool" name="Shop" processRef="shopProcess" />
    <bpmn:participant id="bankPool" name="Bank" processRef="bankProcess" />
    <bpmn:messageFlow id="mf" sourceRef="tellPaid" targetRef="awaitPaid" />
  </bpmn:collaboration>
  <bpmn:process id="shopProcess">
    <bpmn:laneSet id="ls">
      <bpmn:lane id="sales" name="Sales"><bpmn:flowNodeRef>start</bpmn:flowNodeRef><bpmn:flowNodeRef>charge</bpmn:flowNodeRef></bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="start" name="Order placed" />
    <bpmn:serviceTask id="charge" name="Charge card" camunda:type="external">
      <bpmn:extensionElements><camunda:properties /></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:boundaryEvent id="declined" attachedToRef="charge"><bpmn:errorEventDefinition errorRef="err_declined" /></bpmn:boundaryEvent>
    <bpmn:exclusiveGateway id="big" name="Big order?" default="small" />
    <bpmn:userTask id="approve" name="Approve" />
    <bpmn:subProcess id="pack" name="Pack">
      <bpmn:startEvent id="packStart" />
      <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT2H30M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="packEnd" />
      <bpmn:sequenceFlow id="p1" sourceRef="packStart" targetRef="wait" />
      <bpmn:sequenceFlow id="p2" sourceRef="wait" targetRef="packEnd" />
    </bpmn:subProcess>
    <bpmn:intermediateThrowEvent id="tellPaid" name="Tell the bank"><bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>
    <bpmn:callActivity id="ship" name="Ship" calledElement="shipping" />
    <bpmn:endEvent id="end" />
    <bpmn:endEvent id="failed"><bpmn:errorEventDefinition errorRef="err_declined" /></bpmn:endEvent>
    <bpmn:dataObjectReference id="invoiceRef" dataObjectRef="invoice" />
    <bpmn:dataObject id="invoice" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="charge" />
    <bpmn:sequenceFlow id="f2" sourceRef="charge" targetRef="big" />
    <bpmn:sequenceFlow id="large" sourceRef="big" targetRef="approve">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">amount &gt; 100</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="small" sourceRef="big" targetRef="pack" />
    <bpmn:sequenceFlow id="juel" sourceRef="approve" targetRef="pack">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="juel">\${approved}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f3" sourceRef="pack" targetRef="tellPaid" />
    <bpmn:sequenceFlow id="f4" sourceRef="tellPaid" targetRef="ship" />
    <bpmn:sequenceFlow id="f5" sourceRef="ship" targetRef="end" />
    <bpmn:sequenceFlow id="f6" sourceRef="declined" targetRef="failed" />
    <bpmn:textAnnotation id="note"><bpmn:text>Card only</bpmn:text></bpmn:textAnnotation>
    <bpmn:association id="a1" sourceRef="charge" targetRef="note" />
    <bpmn:group id="grp" categoryValueRef="cv" />
  </bpmn:process>
  <bpmn:process id="bankProcess">
    <bpmn:startEvent id="awaitPaid" name="Payment noted"><bpmn:messageEventDefinition /></bpmn:startEvent>
    <bpmn:task id="__book" name="Book" />
    <bpmn:endEvent id="bankEnd" />
    <bpmn:sequenceFlow id="b1" sourceRef="awaitPaid" targetRef="__book" />
    <bpmn:sequenceFlow id="b2" sourceRef="__book" targetRef="bankEnd" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="pl" bpmnElement="collab">
    <bpmndi:BPMNShape id="s_shop" bpmnElement="shopPool" isHorizontal="true"><dc:Bounds x="0" y="0" width="1200" height="400" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="s_charge" bpmnElement="charge"><dc:Bounds x="150" y="60" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="s_pack" bpmnElement="pack" isExpanded="true"><dc:Bounds x="400" y="200" width="350" height="150" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="s_book" bpmnElement="__book"><dc:Bounds x="300" y="500" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="e_f2" bpmnElement="f2"><di:waypoint x="250" y="100" /><di:waypoint x="300" y="100" /><di:waypoint x="300" y="120" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

async function importShop() {
  const result = await importBpmn(shop);
  if (!result.ok) throw new Error(result.message);
  const byId = new Map(result.document.model.elements.map((element) => [element.id, element]));
  const get = <T extends Element['type']>(id: string, type: T) => {
    const element = byId.get(id);
    expect(element?.type).toBe(type);
    return element as Extract<Element, { type: T }>;
  };
  const reportOf = (id: string) => result.report.filter((entry) => entry.elementId === id);
  return { ...result, get, reportOf };
}

describe('importing BPMN written by another modeler', () => {
  it('keeps ids, names, nesting, lanes and pools', async () => {
    const { document, get, reportOf } = await importShop();
    expect(document.name).toBe('Shop');
    expect(get('shopPool', 'lane').name).toBe('Shop');
    expect(get('sales', 'lane').name).toBe('Sales');
    expect(get('charge', 'serviceTask').lane).toBe('sales');
    expect(get('approve', 'userTask').lane).toBe('shopPool');
    expect(get('wait', 'timerEvent')).toMatchObject({
      parent: 'pack',
      timer: { durationMs: 9_000_000 },
    });
    expect(get('packStart', 'startEvent').parent).toBe('pack');
    expect(reportOf('shopPool')[0]?.action).toBe('converted');
  });

  it('turns a message flow into a publish/await pair of one event type', async () => {
    const { get, reportOf } = await importShop();
    expect(get('tellPaid', 'messageThrow').eventType).toBe('PaymentNoted');
    expect(get('awaitPaid', 'startEvent')).toMatchObject({
      trigger: 'message',
      eventType: 'PaymentNoted',
    });
    expect(reportOf('mf')).toEqual([
      expect.objectContaining({
        action: 'converted',
        detail: expect.stringContaining('publishing and awaiting the event PaymentNoted') as string,
      }),
    ]);
  });

  it('keeps JSONata conditions and defaults, and reports a condition in another language', async () => {
    const { document, get, reportOf } = await importShop();
    const large = document.model.connections.find((connection) => connection.id === 'large');
    expect(large?.condition).toBe('amount > 100');
    expect(get('big', 'exclusiveGateway').default).toBe('small');
    const juel = document.model.connections.find((connection) => connection.id === 'juel');
    expect(juel?.condition).toBeUndefined();
    expect(reportOf('juel')[0]).toMatchObject({
      action: 'skipped',
      detail: expect.stringContaining('${approved}') as string,
    });
  });

  it('imports boundary events, error ends, call activities, annotations and groups', async () => {
    const { get } = await importShop();
    expect(get('declined', 'boundaryEvent')).toMatchObject({
      attachedTo: 'charge',
      trigger: 'error',
      errorCode: 'DECLINED',
    });
    expect(get('failed', 'endEvent')).toMatchObject({ result: 'error', errorCode: 'DECLINED' });
    expect(get('ship', 'callActivity')).toMatchObject({ flowId: 'shipping', version: 'latest' });
    expect(get('note', 'annotation')).toMatchObject({ text: 'Card only', annotates: 'charge' });
    expect(get('grp', 'group').name).toBe('Payment part');
  });

  it('renames an id Baton cannot use and says to what', async () => {
    const { document, reportOf } = await importShop();
    const [renamed] = reportOf('__book');
    expect(renamed).toMatchObject({ action: 'renamed', importedAs: '_book' });
    expect(document.model.connections.find((connection) => connection.id === 'b1')?.target).toBe(
      '_book',
    );
    expect(document.diagram.shapes._book).toEqual({ x: 300, y: 500, width: 100, height: 80 });
  });

  it('takes shapes and waypoints from DI and places what the file does not draw', async () => {
    const { document, reportOf } = await importShop();
    expect(document.diagram.shapes.charge).toEqual({ x: 150, y: 60, width: 100, height: 80 });
    expect(document.diagram.shapes.pack).toEqual({ x: 400, y: 200, width: 350, height: 150 });
    expect(document.diagram.edges?.f2?.waypoints).toEqual([
      { x: 250, y: 100 },
      { x: 300, y: 100 },
      { x: 300, y: 120 },
    ]);
    expect(document.diagram.shapes.approve).toBeDefined();
    expect(reportOf('approve').some((entry) => entry.detail.includes('does not draw it'))).toBe(
      true,
    );
  });

  it('reports what it does not import: data, vendor extensions and attributes', async () => {
    const { reportOf } = await importShop();
    expect(reportOf('invoice')[0]).toMatchObject({ action: 'skipped', type: 'dataObject' });
    expect(reportOf('invoiceRef')[0]).toMatchObject({
      action: 'skipped',
      type: 'dataObjectReference',
    });
    expect(reportOf('charge')).toContainEqual(
      expect.objectContaining({
        action: 'ignored',
        detail: 'not imported: <camunda:properties>, @camunda:type',
      }),
    );
  });

  it('gives service tasks a generated operation so the flow can run with default mocks', async () => {
    const { document, get } = await importShop();
    expect(get('charge', 'serviceTask')).toMatchObject({
      service: 'Imported',
      operation: 'chargeCard',
    });
    expect(get('_book', 'serviceTask')).toMatchObject({
      service: 'Imported',
      operation: 'book',
    });
    const imported = document.catalog?.services.find((service) => service.name === 'Imported');
    expect(imported?.operations.map((operation) => operation.name)).toEqual(['chargeCard', 'book']);
    const errors = validateDocument(document, { catalog: { services: [] } }).filter(
      (diagnostic) =>
        diagnostic.code === 'FLOW101' ||
        diagnostic.code === 'FLOW102' ||
        diagnostic.code === 'FLOW103',
    );
    expect(errors).toEqual([]);
  });

  it('names an element the XML reader drops (an id that is not an XML name)', async () => {
    const xml = `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x"><bpmn:process id="p"><bpmn:startEvent id="s"/><bpmn:task id="buchung für"/></bpmn:process></bpmn:definitions>`;
    const result = await importBpmn(xml);
    if (!result.ok) throw new Error(result.message);
    expect(result.report).toContainEqual(
      expect.objectContaining({
        elementId: 'buchung für',
        action: 'skipped',
        detail: expect.stringContaining('illegal ID') as string,
      }),
    );
  });
});
