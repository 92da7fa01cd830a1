import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBpmn } from '../../src-shared/interchange/bpmn/importBpmn';
import { validateDocument } from '../../src-shared/validation/validateDocument';

const folder = join(__dirname, '../fixtures/bpmn-miwg');
const files = readdirSync(folder).filter((name) => name.endsWith('.bpmn'));

/** The file's text, decoded as its XML declaration says (the MIWG files are ISO-8859-1). */
export function readBpmnFixture(name: string): string {
  const bytes = readFileSync(join(folder, name));
  const head = bytes.subarray(0, 200).toString('latin1');
  return /encoding=["']ISO-8859-1["']/i.test(head)
    ? bytes.toString('latin1')
    : bytes.toString('utf8');
}

/** The BPMN elements of the file, counted on the XML text itself (not through bpmn-moddle). */
function semanticElements(xml: string): Map<string, string> {
  const found = new Map<string, string>();
  const tag = /<(?:[A-Za-z0-9_-]+:)?([A-Za-z]+)\b([^>]*?)\bid="([^"]+)"/g;
  for (const [, name, , id] of xml.matchAll(tag)) found.set(id!, name!);
  return found;
}

/** The bounds of every BPMNShape, by the element it draws, read from the XML text. */
function shapeBounds(
  xml: string,
): Map<string, { x: number; y: number; width: number; height: number }> {
  const bounds = new Map<string, { x: number; y: number; width: number; height: number }>();
  const shape =
    /<(?:[A-Za-z0-9_-]+:)?BPMNShape\b[^>]*?bpmnElement="([^"]+)"[^>]*>\s*<(?:[A-Za-z0-9_-]+:)?Bounds\b([^>]*)\/?>/g;
  for (const [, element, attributes] of xml.matchAll(shape)) {
    const number = (name: string) =>
      Number(new RegExp(`\\b${name}="([^"]+)"`).exec(attributes!)?.[1]);
    if (!bounds.has(element!)) {
      bounds.set(element!, {
        x: number('x'),
        y: number('y'),
        width: number('width'),
        height: number('height'),
      });
    }
  }
  return bounds;
}

/** Element kinds of BPMN that Baton imports as an element of its own. */
const IMPORTED_AS_ELEMENTS = new Set([
  'startEvent',
  'endEvent',
  'intermediateCatchEvent',
  'intermediateThrowEvent',
  'boundaryEvent',
  'task',
  'serviceTask',
  'userTask',
  'sendTask',
  'receiveTask',
  'scriptTask',
  'businessRuleTask',
  'manualTask',
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
  'complexGateway',
  'subProcess',
  'transaction',
  'adHocSubProcess',
  'callActivity',
  'textAnnotation',
  'group',
  'lane',
  'participant',
]);

/** Diagnostics about what the import itself sets: service calls, lanes, annotations, boundaries. */
const IMPORT_MADE = new Set([
  'FLOW101',
  'FLOW102',
  'FLOW103',
  'FLOW015',
  'FLOW018',
  'FLOW019',
  'FLOW020',
  'FLOW022',
  'FLOW023',
  'FLOW024',
]);

describe('importing the BPMN MIWG reference diagrams', () => {
  it.each(files)('%s imports with its elements, its layout and a report', async (file) => {
    const xml = readBpmnFixture(file);
    const result = await importBpmn(xml);
    if (!result.ok) throw new Error(result.message);
    const { document, report } = result;
    const inXml = semanticElements(xml);
    const batonIds = new Set([
      ...document.model.elements.map((element) => element.id),
      ...document.model.connections.map((connection) => connection.id),
    ]);
    const reported = new Set(report.map((entry) => entry.elementId));
    // Ids Baton cannot use are renamed, and the report says to what.
    const renamed = new Map(
      report.flatMap((entry) => (entry.importedAs ? [[entry.elementId, entry.importedAs]] : [])),
    );
    for (const [from, to] of renamed) {
      expect(batonIds.has(to)).toBe(true);
      batonIds.add(from);
    }

    // Every element of a kind Baton imports is there (under its own id), or reported.
    const expected = [...inXml].filter(([, name]) => IMPORTED_AS_ELEMENTS.has(name));
    for (const [id] of expected) {
      expect(batonIds.has(id) || reported.has(id), `${id} is imported or reported`).toBe(true);
    }
    const skipped = expected.filter(([id]) => !batonIds.has(id));
    expect(document.model.elements.length).toBe(expected.length - skipped.length);
    for (const [id] of skipped) {
      expect(report.some((entry) => entry.elementId === id && entry.action === 'skipped')).toBe(
        true,
      );
    }
    // Every sequence flow is a connection or reported.
    for (const [id, name] of inXml) {
      if (name === 'sequenceFlow') expect(batonIds.has(id) || reported.has(id)).toBe(true);
      if (name === 'messageFlow' || name === 'dataObject' || name === 'dataStoreReference') {
        expect(reported.has(id), `${name} ${id} is reported`).toBe(true);
      }
    }

    // Layout: each drawn element keeps its bounds exactly.
    const bounds = shapeBounds(xml);
    let compared = 0;
    const bpmnIdOf = new Map([...renamed].map(([from, to]) => [to, from]));
    for (const element of document.model.elements) {
      const drawn = bounds.get(bpmnIdOf.get(element.id) ?? element.id);
      if (!drawn) continue;
      expect(document.diagram.shapes[element.id]).toEqual(drawn);
      compared += 1;
    }
    const drawnInXml = expected.filter(([id]) => bounds.has(id) && batonIds.has(id)).length;
    expect(compared).toBe(drawnInXml);
    expect(compared).toBeGreaterThan(0);

    // The result is a document Baton can check, whose references the import made hold: every
    // task calls an operation of the catalog, every lane and annotated element exists.
    const diagnostics = validateDocument(document, { catalog: { services: [] } });
    const broken = diagnostics.filter((d) => IMPORT_MADE.has(d.code));
    expect(broken.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  });

  it('reports the vendor extensions of a file instead of dropping them silently', async () => {
    const result = await importBpmn(readBpmnFixture('C.1.0.bpmn'));
    if (!result.ok) throw new Error(result.message);
    expect(
      result.report.some((entry) => entry.action === 'ignored' && /</.test(entry.detail)),
    ).toBe(true);
  });

  it('says when a sub-process drawn collapsed is drawn open', async () => {
    const result = await importBpmn(readBpmnFixture('A.3.0.bpmn'));
    if (!result.ok) throw new Error(result.message);
    expect(result.report).toContainEqual(
      expect.objectContaining({
        action: 'approximated',
        detail: expect.stringContaining('drawn collapsed in the file') as string,
      }),
    );
  });
});
