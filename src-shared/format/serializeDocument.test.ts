import { describe, expect, it } from 'vitest';
import { deepFreeze, documentOf, sampleFlow } from '../../test/shared/documents';
import type { WorkflowDocument } from '../model/document';
import { loadDocument } from './loadDocument';
import { serializeDocument } from './serializeDocument';

/** A flow that uses most of the schema: a catalog, a retry policy, a timer, a compensation. */
function richFlow(): WorkflowDocument {
  return {
    formatVersion: 1,
    kind: 'flow',
    name: 'Charge',
    model: {
      elements: [
        { type: 'startEvent', id: 'start', name: 'Start' },
        {
          type: 'serviceTask',
          id: 'charge',
          name: 'Charge',
          service: 'Payment',
          operation: 'charge',
          input: '{ "amount": amount }',
          timeoutMs: 2000,
          retry: { maxAttempts: 3, backoff: 'exponential', initialDelayMs: 100, maxDelayMs: 1000 },
          compensation: { operation: 'refund' },
        },
        { type: 'timerEvent', id: 'wait', name: 'Wait', timer: { durationMs: 500 } },
        { type: 'endEvent', id: 'end', name: 'End' },
      ],
      connections: [
        { id: 'flow_start_charge', source: 'start', target: 'charge' },
        { id: 'flow_charge_wait', source: 'charge', target: 'wait' },
        { id: 'flow_wait_end', source: 'wait', target: 'end' },
      ],
    },
    diagram: {
      shapes: {
        start: { x: 0, y: 8 },
        charge: { x: 100, y: 0 },
        wait: { x: 320, y: 8 },
        end: { x: 420, y: 8 },
      },
      edges: { flow_charge_wait: { waypoints: [{ x: 260, y: 32 }] } },
    },
    catalog: {
      services: [
        {
          name: 'Payment',
          operations: [
            { name: 'charge', mock: { latencyMs: 80, failRate: 0.05, honoursIdempotency: true } },
            {
              name: 'refund',
              mock: { latencyMs: { min: 20, max: 60 }, failRate: 0, honoursIdempotency: true },
            },
          ],
        },
      ],
    },
  };
}

/** A deep copy of `value` whose objects list their keys in reverse order. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, child]) => [key, reverseKeys(child)]),
  ) as T;
}

describe('serializeDocument: layout of the text', () => {
  it('given a document, then the text has two-space indentation and ends with one newline', () => {
    const text = serializeDocument(sampleFlow());

    expect(text.startsWith('{\n  "formatVersion": 1,\n  "kind": "flow",\n  "model": {\n')).toBe(
      true,
    );
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('given keys set in any order, then the text lists them in the order of the schema', () => {
    const doc = richFlow();

    const text = serializeDocument(reverseKeys(doc));

    expect(text).toBe(serializeDocument(doc));
    const charge = (JSON.parse(text) as WorkflowDocument).model.elements[1]!;
    expect(Object.keys(charge)).toEqual([
      'type',
      'id',
      'name',
      'service',
      'operation',
      'input',
      'timeoutMs',
      'retry',
      'compensation',
    ]);
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'formatVersion',
      'kind',
      'name',
      'model',
      'diagram',
      'catalog',
    ]);
  });

  it('given shapes added in another order, then shapes follow the order of the elements', () => {
    const doc = richFlow();
    const { end, wait, charge, start } = doc.diagram.shapes;
    const shuffled = { ...doc, diagram: { ...doc.diagram, shapes: { end, wait, charge, start } } };

    const text = serializeDocument(shuffled as WorkflowDocument);

    const shapes = (JSON.parse(text) as WorkflowDocument).diagram.shapes;
    expect(Object.keys(shapes)).toEqual(['start', 'charge', 'wait', 'end']);
  });

  it('given a collapsed sub-process, then its shape lists collapsed after its size, and it loads back', () => {
    const doc = documentOf('flow', [['sub', 'subProcess']]);
    const shape = { collapsed: true, height: 240, width: 400, y: 20, x: 10 };
    const collapsed = { ...doc, diagram: { shapes: { sub: shape } } };

    const text = serializeDocument(collapsed);

    expect(text).toContain(
      '"sub": {\n        "x": 10,\n        "y": 20,\n        "width": 400,\n        "height": 240,\n        "collapsed": true\n      }',
    );
    const loaded = loadDocument(text);
    expect(loaded.ok && loaded.document.diagram.shapes.sub).toEqual(shape);
  });

  it('given edges, then they follow the order of the connections', () => {
    const doc = richFlow();
    doc.diagram.edges = {
      flow_wait_end: { waypoints: [] },
      flow_start_charge: { waypoints: [] },
    };

    const edges = (JSON.parse(serializeDocument(doc)) as WorkflowDocument).diagram.edges ?? {};

    expect(Object.keys(edges)).toEqual(['flow_start_charge', 'flow_wait_end']);
  });

  it('given properties set to undefined, then they are left out', () => {
    const doc = sampleFlow();
    doc.name = undefined;
    doc.model.elements[1] = { ...doc.model.elements[1]!, parent: undefined };

    const text = serializeDocument(doc);

    expect(text).not.toContain('"name": null');
    expect(text).not.toContain('parent');
    expect(Object.keys(JSON.parse(text) as object)).not.toContain('name');
  });

  it('given keys the schema does not know, then they are kept, sorted, after the known ones', () => {
    const doc = { ...sampleFlow(), zeta: 1, alpha: { b: 2, a: 1 } } as WorkflowDocument;

    const json = JSON.parse(serializeDocument(doc)) as Record<string, unknown>;

    expect(Object.keys(json)).toEqual([
      'formatVersion',
      'kind',
      'model',
      'diagram',
      'alpha',
      'zeta',
    ]);
    expect(Object.keys(json.alpha as object)).toEqual(['a', 'b']);
  });

  it('given a frozen document, then serializing leaves it untouched', () => {
    const doc = deepFreeze(richFlow());

    expect(() => serializeDocument(doc)).not.toThrow();
  });

  it('given elements named like Object.prototype members with no shape, then no prototype leaks in', () => {
    const doc = documentOf('flow', [
      ['constructor', 'startEvent'],
      ['toString', 'endEvent'],
    ]);
    doc.diagram.shapes = {};

    const text = serializeDocument(doc);

    expect(JSON.parse(text)).toMatchObject({ diagram: { shapes: {} } });
  });
});

describe('serializeDocument: round trip through loadDocument', () => {
  it.each([
    ['the sample flow', sampleFlow],
    ['a flow with a catalog, retries and waypoints', richFlow],
    ['an empty map', () => documentOf('map', [])],
  ])('given %s, then load(serialize(x)) gives back x and the same text', (_name, make) => {
    const doc = make();
    const text = serializeDocument(doc);

    const loaded = loadDocument(text);

    expect(loaded).toMatchObject({ ok: true });
    if (!loaded.ok) return;
    expect(loaded.document).toEqual(doc);
    expect(serializeDocument(loaded.document)).toBe(text);
  });
});
