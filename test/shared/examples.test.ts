import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src-shared/format/loadDocument';
import { serializeDocument } from '../../src-shared/format/serializeDocument';
import { emptyCatalog, findOperation, typicalLatencyMs } from '../../src-shared/model/catalog';
import type { Element, WorkflowDocument } from '../../src-shared/model/document';
import { elementTypeInfo } from '../../src-shared/model/elementTypes';
import type { FlowContext } from '../../src-shared/validation/Diagnostic';
import { validateDocument } from '../../src-shared/validation/validateDocument';

const examplesFolder = join(import.meta.dirname, '..', '..', 'assets', 'examples');

const expectedFlows = [
  'customs-clearance.json',
  'kyc-onboarding.json',
  'media-encoding.json',
  'order-saga.json',
  'travel-booking.json',
];
const expectedMaps = [
  'choreography-saga.json',
  'customer-onboarding.json',
  'logistics-hybrid.json',
  'order-fanout.json',
];

const exampleFiles = readdirSync(examplesFolder).filter((file) => file.endsWith('.json'));
const kindOf = (file: string) => (expectedMaps.includes(file) ? 'map' : 'flow');

/**
 * The flows a map may start, as `baton validate` knows them from its command line: each example
 * flow by its file name without `.json`, at version 1 (docs/format.md, "Hybrid references").
 */
const exampleFlowVersions: FlowContext['flowVersions'] = (flowId) =>
  expectedFlows.includes(`${flowId}.json`) ? [1] : undefined;

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
  it('given the examples folder, then it holds the five documented flows and four maps', () => {
    expect(exampleFiles.sort()).toEqual([...expectedFlows, ...expectedMaps].sort());
  });

  describe.each(exampleFiles)('%s', (file) => {
    it('loads with loadDocument, with a name and its own catalog', () => {
      const loaded = loadDocument(textOf(file));

      expect(loaded.ok ? '' : loaded.message).toBe('');
      const doc = documentOf(file);
      expect(doc.kind).toBe(kindOf(file));
      expect(doc.name).toBeTruthy();
      expect(doc.catalog?.services.length).toBeGreaterThan(0);
    });

    it('is saved exactly as serializeDocument writes it', () => {
      const text = textOf(file);

      expect(serializeDocument(documentOf(file))).toBe(text);
    });

    it('validates with no diagnostics at all, the flows a map starts included', () => {
      const doc = documentOf(file);

      const diagnostics = validateDocument(doc, {
        catalog: emptyCatalog,
        flowVersions: exampleFlowVersions,
      });

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

describe.each(expectedMaps)('map %s', (file) => {
  const reactionsOf = (doc: WorkflowDocument) =>
    doc.model.connections.flatMap((connection) =>
      connection.reaction ? [{ connection, reaction: connection.reaction }] : [],
    );

  it('sets an at-least-once broker, and every reaction is idempotent', () => {
    const doc = documentOf(file);

    expect(doc.broker?.delivery).toBe('at-least-once');
    expect(doc.broker?.deadLetterQueue).toBe(true);
    const notIdempotent = reactionsOf(doc)
      .filter(({ reaction }) => !reaction.idempotent)
      .map(({ connection }) => connection.id);
    expect(notIdempotent).toEqual([]);
  });

  it('ends instances as completed, and as compensated or failed when a reaction fails', () => {
    const doc = documentOf(file);
    const terminals = new Set(
      doc.model.elements.flatMap((e) => (e.type === 'eventType' && e.terminal ? [e.terminal] : [])),
    );

    expect(terminals.has('completed')).toBe(true);
    expect(terminals.has('compensated') || terminals.has('failed')).toBe(true);
    expect(reactionsOf(doc).some(({ reaction }) => reaction.emitsOnFailure.length > 0)).toBe(true);
  });

  it('draws each service to the left of the events it publishes', () => {
    const doc = documentOf(file);
    const { shapes } = doc.diagram;

    const leftward = doc.model.connections
      .filter((connection) => !connection.reaction)
      .filter((connection) => shapes[connection.source]!.x >= shapes[connection.target]!.x)
      .map((connection) => connection.id);

    expect(leftward).toEqual([]);
  });
});

describe('logistics-hybrid.json', () => {
  it('starts an example flow at version 1 whose message start awaits the event it reacts to', () => {
    const doc = documentOf('logistics-hybrid.json');
    const starts = doc.model.connections.flatMap((connection) =>
      connection.reaction?.startsFlow ? [{ connection, flow: connection.reaction.startsFlow }] : [],
    );

    expect(starts.map(({ flow }) => flow)).toEqual([{ flowId: 'customs-clearance', version: 1 }]);
    for (const { connection, flow } of starts) {
      const reactedTo = doc.model.elements.find((e) => e.id === connection.source);
      const started = documentOf(`${flow.flowId}.json`);
      const start = started.model.elements.find((e) => e.type === 'startEvent');
      expect(reactedTo?.type === 'eventType' && reactedTo.eventType).toBe(
        start?.type === 'startEvent' && start.eventType,
      );
    }
  });
});

describe('the examples together', () => {
  it('define an event type the same way wherever two of them catalogue it (one workspace holds them all)', () => {
    const definitions = new Map<string, { file: string; text: string }>();
    const conflicts: string[] = [];

    for (const file of exampleFiles) {
      for (const definition of documentOf(file).catalog?.events ?? []) {
        const text = JSON.stringify(definition);
        const earlier = definitions.get(definition.name);
        if (earlier && earlier.text !== text) {
          conflicts.push(`${definition.name}: ${earlier.file} / ${file}`);
        }
        definitions.set(definition.name, { file, text });
      }
    }

    expect(definitions.has('ShipmentArrived')).toBe(true);
    expect(conflicts).toEqual([]);
  });
});
