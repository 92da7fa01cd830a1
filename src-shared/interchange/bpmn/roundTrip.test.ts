import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../format/loadDocument';
import { serializeDocument } from '../../format/serializeDocument';
import type { WorkflowDocument } from '../../model/document';
import { exportBpmn } from './exportBpmn';
import { importBpmn } from './importBpmn';

const examples = join(__dirname, '../../../assets/examples');
const files = readdirSync(examples).filter((name) => name.endsWith('.json'));

function example(name: string): WorkflowDocument {
  const loaded = loadDocument(readFileSync(join(examples, name), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.document;
}

async function imported(xml: string) {
  const result = await importBpmn(xml);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('Baton → BPMN → Baton', () => {
  it.each(files)('%s comes back equal, model and layout', async (name) => {
    const original = example(name);
    const xml = exportBpmn(original);
    const back = await imported(xml);
    expect(back.document).toEqual(original);
    expect(serializeDocument(back.document)).toBe(serializeDocument(original));
    expect(back.report).toEqual([]);
  });

  it.each(files)('%s exports the same text twice (deterministic)', (name) => {
    expect(exportBpmn(example(name))).toBe(exportBpmn(example(name)));
  });
});

/** Every element type and property a flow may have, with lanes, nesting and drawn routes. */
const everything: WorkflowDocument = {
  formatVersion: 1,
  kind: 'flow',
  name: 'Everything <&> "quoted"\nover two lines',
  model: {
    elements: [
      { type: 'lane', id: 'laneA', name: 'Shop' },
      { type: 'lane', id: 'laneB', name: 'Warehouse' },
      {
        type: 'startEvent',
        id: 'start',
        name: 'Every day',
        trigger: 'timer',
        timer: { durationMs: 86_400_000 },
        lane: 'laneA',
      },
      {
        type: 'serviceTask',
        id: 'charge',
        name: 'Charge',
        service: 'Payment',
        operation: 'charge',
        input: '{ "amount": amount }',
        output: '$merge([data, { "paid": true }])',
        timeoutMs: 2000,
        retry: { maxAttempts: 3, backoff: 'exponential', initialDelayMs: 100, maxDelayMs: 1000 },
        compensation: { operation: 'refund', input: 'data' },
        pivot: false,
        lane: 'laneA',
      },
      {
        type: 'boundaryEvent',
        id: 'chargeFailed',
        name: 'Declined',
        attachedTo: 'charge',
        trigger: 'error',
        errorCode: 'DECLINED',
        lane: 'laneA',
      },
      {
        type: 'boundaryEvent',
        id: 'chargeSlow',
        name: 'Slow',
        attachedTo: 'charge',
        trigger: 'timer',
        timer: { durationMs: 1500 },
      },
      { type: 'exclusiveGateway', id: 'choice', name: 'Big?', default: 'toSmall' },
      {
        type: 'userTask',
        id: 'approve',
        name: 'Approve',
        assignee: 'manager',
        timeoutMs: 60_000,
        lane: 'laneB',
      },
      { type: 'parallelGateway', id: 'fork', name: '' },
      { type: 'subProcess', id: 'pack', name: 'Pack' },
      { type: 'startEvent', id: 'packStart', name: 'Start', parent: 'pack', trigger: 'none' },
      {
        type: 'timerEvent',
        id: 'wait',
        name: 'Wait',
        parent: 'pack',
        timer: { at: '2030-01-01T10:00:00+02:00' },
      },
      { type: 'endEvent', id: 'packEnd', name: 'Packed', parent: 'pack' },
      {
        type: 'messageThrow',
        id: 'tell',
        name: 'Tell',
        eventType: 'Order.Packed',
        payload: '{ "id": id }',
      },
      {
        type: 'messageCatch',
        id: 'await',
        name: 'Await',
        eventType: 'Order.Shipped',
        correlation: 'orderId',
      },
      { type: 'callActivity', id: 'ship', name: 'Ship', flowId: 'shipping', version: 3 },
      { type: 'callActivity', id: 'later', name: 'Later', flowId: '', version: 'latest' },
      { type: 'endEvent', id: 'done', name: 'Done', result: 'terminate' },
      { type: 'endEvent', id: 'failed', name: 'Failed', result: 'error', errorCode: 'DECLINED' },
      { type: 'endEvent', id: 'plain', name: 'Plain', result: 'none' },
      {
        type: 'annotation',
        id: 'note',
        name: 'Note',
        text: 'Charged <before> shipping\n& packed',
        annotates: 'charge',
      },
      { type: 'annotation', id: 'loose', name: '', text: '' },
      { type: 'group', id: 'money', name: 'Money' },
    ],
    connections: [
      { id: 'c1', source: 'start', target: 'charge' },
      { id: 'c2', source: 'charge', target: 'choice', name: 'paid' },
      { id: 'toBig', source: 'choice', target: 'approve', condition: ' amount > 100 ' },
      { id: 'toSmall', source: 'choice', target: 'fork' },
      { id: 'c3', source: 'approve', target: 'fork', outcome: 'approve' },
      { id: 'c4', source: 'approve', target: 'failed', outcome: 'reject' },
      { id: 'c5', source: 'fork', target: 'pack' },
      { id: 'c6', source: 'fork', target: 'tell' },
      { id: 'p1', source: 'packStart', target: 'wait' },
      { id: 'p2', source: 'wait', target: 'packEnd' },
      { id: 'c7', source: 'tell', target: 'await' },
      { id: 'c8', source: 'await', target: 'ship' },
      { id: 'c9', source: 'ship', target: 'later' },
      { id: 'c10', source: 'later', target: 'done' },
      { id: 'c11', source: 'chargeFailed', target: 'failed' },
      { id: 'c12', source: 'chargeSlow', target: 'plain' },
      { id: 'c13', source: 'pack', target: 'done' },
    ],
  },
  diagram: {
    shapes: {
      laneA: { x: 0, y: 0, width: 1600 },
      laneB: { x: 0, y: 180 },
      start: { x: 40, y: 60 },
      charge: { x: 120, y: 50, width: 170.5, height: 70 },
      chargeFailed: { x: 150, y: 100 },
      chargeSlow: { x: 220, y: 100, height: 30 },
      choice: { x: 340, y: 60 },
      approve: { x: 440, y: 220 },
      fork: { x: 660, y: 60 },
      pack: { x: 760, y: 300, width: 400, height: 200 },
      packStart: { x: 780, y: 380 },
      wait: { x: 880, y: 380 },
      packEnd: { x: 980, y: 380 },
      tell: { x: 760, y: 60 },
      await: { x: 860, y: 60 },
      ship: { x: 960, y: 40 },
      later: { x: 1160, y: 40 },
      done: { x: 1360, y: 60 },
      failed: { x: 600, y: 400 },
      plain: { x: 260, y: 400 },
      note: { x: 120, y: -120 },
      loose: { x: -300, y: -300 },
      money: { x: 100, y: 20, width: 220, height: 140 },
    },
    edges: {
      c2: {
        waypoints: [
          { x: 290.5, y: 85 },
          { x: 315, y: 85 },
          { x: 340, y: 88 },
        ],
      },
      toBig: {
        waypoints: [
          { x: 368, y: 116 },
          { x: 368, y: 252 },
          { x: 440, y: 252 },
        ],
      },
    },
  },
  catalog: {
    services: [
      {
        name: 'Payment',
        operations: [
          {
            name: 'charge',
            mock: {
              latencyMs: { min: 10, max: 90 },
              failRate: 0.1,
              outcomes: ['fail', 'ok'],
              honoursIdempotency: false,
            },
            compensatedBy: 'refund',
          },
          { name: 'refund', mock: { latencyMs: 5, failRate: 0, honoursIdempotency: true } },
        ],
      },
    ],
    events: [
      {
        name: 'Order.Packed',
        owner: 'Payment',
        version: 2,
        payload: { fields: [{ name: 'id', type: 'string', required: true }] },
      },
    ],
  },
};

describe('every element and property of a flow', () => {
  it('survives Baton → BPMN → Baton', async () => {
    const back = await imported(exportBpmn(everything));
    expect(back.report).toEqual([]);
    expect(back.document).toEqual(everything);
  });

  it('writes BPMN a reader understands without Baton: types, conditions, timers, lanes', () => {
    const xml = exportBpmn(everything);
    expect(xml).toContain(
      '<bpmn:boundaryEvent id="chargeFailed" name="Declined" attachedToRef="charge">',
    );
    expect(xml).toContain(
      '<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1.5S</bpmn:timeDuration>',
    );
    expect(xml).toContain(
      'language="https://jsonata.org"> amount &gt; 100 </bpmn:conditionExpression>',
    );
    expect(xml).toContain('<bpmn:flowNodeRef>approve</bpmn:flowNodeRef>');
    expect(xml).toContain('<bpmn:exclusiveGateway id="choice" name="Big?" default="toSmall">');
    expect(xml).toMatch(
      /<bpmndi:BPMNShape id="__baton_di_pack" bpmnElement="pack" isExpanded="true">\s*<dc:Bounds x="760" y="300" width="400" height="200" \/>/,
    );
    expect(xml).toContain('name="Everything &lt;&amp;&gt; &quot;quoted&quot;&#10;over two lines"');
  });
});

describe('BPMN → Baton → BPMN → Baton (the MIWG reference diagrams)', () => {
  const corpus = join(__dirname, '../../../test/fixtures/bpmn-miwg');
  const bpmnFiles = readdirSync(corpus).filter((name) => name.endsWith('.bpmn'));
  it.each(bpmnFiles)('%s keeps every imported element, property and position', async (name) => {
    const first = await imported(readFileSync(join(corpus, name), 'latin1'));
    const second = await imported(exportBpmn(first.document));
    expect(second.report.map((entry) => `${entry.elementId} ${entry.detail}`)).toEqual([]);
    expect(second.document).toEqual(first.document);
  });
});
