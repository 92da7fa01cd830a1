import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../format/loadDocument';
import { serializeDocument } from '../../format/serializeDocument';
import type { WorkflowDocument } from '../../model/document';
import { exportBpmn } from './exportBpmn';
import { importBpmn } from './importBpmn';
import { everything } from '../../../test/fixtures/bpmn/everythingFlow';

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
