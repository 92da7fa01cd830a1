import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src-shared/format/loadDocument';
import { serializeDocument } from '../../src-shared/format/serializeDocument';
import { emptyCatalog, findOperation, typicalLatencyMs } from '../../src-shared/model/catalog';
import type { Element, WorkflowDocument } from '../../src-shared/model/document';
import { elementTypeInfo } from '../../src-shared/model/elementTypes';
import { validateFlow } from '../../src-shared/validation/validateFlow';

const examplesFolder = join(import.meta.dirname, '..', '..', 'assets', 'examples');

const expectedExamples = [
  'customs-clearance.json',
  'kyc-onboarding.json',
  'media-encoding.json',
  'order-saga.json',
  'travel-booking.json',
];

const exampleFiles = readdirSync(examplesFolder).filter((file) => file.endsWith('.json'));

function textOf(file: string): string {
  return readFileSync(join(examplesFolder, file), 'utf8');
}

function documentOf(file: string): WorkflowDocument {
  const loaded = loadDocument(textOf(file));
  if (!loaded.ok) throw new Error(`${file}: ${loaded.message}`);
  return loaded.document;
}

interface Box {
  readonly id: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

function boxOf(doc: WorkflowDocument, element: Element): Box {
  const shape = doc.diagram.shapes[element.id]!;
  const size = elementTypeInfo[element.type].size;
  const width = shape.width ?? size.width;
  const height = shape.height ?? size.height;
  return {
    id: element.id,
    left: shape.x,
    top: shape.y,
    right: shape.x + width,
    bottom: shape.y + height,
  };
}

const overlap = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('assets/examples', () => {
  it('given the examples folder, then it holds the five documented examples', () => {
    expect(exampleFiles.sort()).toEqual(expectedExamples);
  });

  describe.each(exampleFiles)('%s', (file) => {
    it('loads with loadDocument, with a name and its own catalog', () => {
      const loaded = loadDocument(textOf(file));

      expect(loaded.ok ? '' : loaded.message).toBe('');
      const doc = documentOf(file);
      expect(doc.kind).toBe('flow');
      expect(doc.name).toBeTruthy();
      expect(doc.catalog?.services.length).toBeGreaterThan(0);
    });

    it('is saved exactly as serializeDocument writes it', () => {
      const text = textOf(file);

      expect(serializeDocument(documentOf(file))).toBe(text);
    });

    it('validates with no diagnostics at all', () => {
      const doc = documentOf(file);

      const diagnostics = validateFlow(doc, { catalog: emptyCatalog });

      expect(diagnostics.map((d) => `${d.code} ${d.severity}: ${d.message}`)).toEqual([]);
    });

    it('calls only catalogued operations, each with a timeout above its typical latency', () => {
      const doc = documentOf(file);
      const catalog = doc.catalog ?? emptyCatalog;

      for (const element of doc.model.elements) {
        if (element.type !== 'serviceTask') continue;
        const operation = findOperation(catalog, element.service ?? '', element.operation ?? '');
        expect(operation, `${element.id}: ${element.service}.${element.operation}`).toBeDefined();
        expect(element.timeoutMs, element.id).toBeGreaterThan(typicalLatencyMs(operation!.mock));
        expect(element.retry, `${element.id} has a retry policy`).toBeDefined();
      }
    });

    it('draws every element once, with no shape over another (boundary events sit on their task)', () => {
      const doc = documentOf(file);
      const boxes = doc.model.elements.map((element) => boxOf(doc, element));
      const attachedTo = new Map(
        doc.model.elements.flatMap((element) =>
          element.type === 'boundaryEvent' ? [[element.id, element.attachedTo] as const] : [],
        ),
      );

      const overlaps = boxes.flatMap((a, index) =>
        boxes
          .slice(index + 1)
          .filter((b) => overlap(a, b))
          .filter((b) => attachedTo.get(a.id) !== b.id && attachedTo.get(b.id) !== a.id)
          .map((b) => `${a.id} / ${b.id}`),
      );

      expect(Object.keys(doc.diagram.shapes)).toEqual(doc.model.elements.map((e) => e.id));
      expect(overlaps).toEqual([]);
    });
  });
});
