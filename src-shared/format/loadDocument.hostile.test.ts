import { describe, expect, it } from 'vitest';
import { sampleFlow } from '../../test/shared/documents';
import type { WorkflowDocument } from '../model/document';
import { loadDocument } from './loadDocument';
import { MAX_JSON_DEPTH } from './parseJsonSafely';
import { serializeDocument } from './serializeDocument';

/** The refusal of `text`, failing the test if it was accepted. */
function refusalOf(text: string) {
  const result = loadDocument(text);
  if (result.ok) throw new Error('the document should be refused');
  return result;
}

/** The sample flow as JSON text with `insert` spliced in right after `anchor`. */
function sampleWith(anchor: string, insert: string): string {
  const text = JSON.stringify(sampleFlow());
  expect(text).toContain(anchor);
  return text.replace(anchor, `${anchor}${insert}`);
}

/** A valid flow of `count` elements in a chain (start, tasks, end) with a shape each. */
function chainOf(count: number): WorkflowDocument {
  const ids = Array.from({ length: count }, (_, index) => `n${index}`);
  const typeAt = (index: number) =>
    index === 0 ? 'startEvent' : index === count - 1 ? 'endEvent' : 'serviceTask';
  return {
    formatVersion: 1,
    kind: 'flow',
    model: {
      elements: ids.map((id, index) => ({ type: typeAt(index), id, name: id }) as never),
      connections: ids
        .slice(1)
        .map((id, index) => ({ id: `c${index}`, source: ids[index]!, target: id })),
    },
    diagram: {
      shapes: Object.fromEntries(
        ids.map((id, index) => [
          id,
          { x: (index % 1000) * 200, y: Math.floor(index / 1000) * 100 },
        ]),
      ),
    },
  };
}

describe('loadDocument: hostile files', () => {
  it.each([
    ['at the top level', '{', '"__proto__":{"polluted":true},', '(root).__proto__'],
    [
      'in an element',
      '"elements":[{',
      '"__proto__":{"polluted":true},',
      'model.elements.0.__proto__',
    ],
    ['as a shapes key', '"shapes":{', '"__proto__":{"x":1,"y":2},', 'diagram.shapes.__proto__'],
    [
      'deep in a catalog',
      '"flow"',
      ',"catalog":{"services":[{"__proto__":{}}]}',
      'catalog.services.0.__proto__',
    ],
  ])(
    'given "__proto__" as a key %s, then it is refused with its path',
    (_where, anchor, insert, path) => {
      const refusal = refusalOf(sampleWith(anchor, insert));

      expect(refusal.problems).toEqual([
        { path: path.replace('(root).', ''), message: '"__proto__" is not allowed as a key' },
      ]);
      expect(refusal.message).toContain('"__proto__" is not allowed as a key');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('given "__proto__" written with \\u escapes, then it is refused all the same', () => {
    const text = sampleWith(
      '"elements":[{',
      '"\\u005f\\u005fproto\\u005f\\u005f":{"polluted":true},',
    );

    const refusal = refusalOf(text);

    expect(refusal.problems).toEqual([
      { path: 'model.elements.0.__proto__', message: '"__proto__" is not allowed as a key' },
    ]);
  });

  it('given "constructor" keys, then they are refused as unknown keys and nothing is polluted', () => {
    const text = sampleWith('"elements":[{', '"constructor":{"prototype":{"polluted":true}},');

    const refusal = refusalOf(text);

    expect(linesOf(refusal.problems)).toMatch(
      /^model\.elements\.0: Unrecognized key: "constructor"/m,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('given a shape for "constructor" with no such element, then it is refused, not taken from Object', () => {
    const refusal = refusalOf(sampleWith('"shapes":{', '"constructor":{"x":1,"y":2},'));

    expect(refusal.problems).toContainEqual({
      path: '(root)',
      message: 'the diagram has a shape for unknown element "constructor"',
    });
  });

  it('given elements named like Object.prototype members, then they load and round-trip', () => {
    const doc = chainOf(3);
    doc.model.elements = doc.model.elements.map((element, index) => ({
      ...element,
      id: ['constructor', 'toString', 'hasOwnProperty'][index]!,
    }));
    doc.model.connections = [
      { id: 'valueOf', source: 'constructor', target: 'toString' },
      { id: 'isPrototypeOf', source: 'toString', target: 'hasOwnProperty' },
    ];
    doc.diagram.shapes = { toString: { x: 0, y: 0 } };
    const text = serializeDocument(doc);

    const loaded = loadDocument(text);

    expect(loaded).toEqual({ ok: true, document: doc });
    expect(JSON.parse(text)).toMatchObject({ diagram: { shapes: { toString: { x: 0, y: 0 } } } });
  });

  it(`given nesting deeper than ${MAX_JSON_DEPTH} levels, then it is refused before validation, with where`, () => {
    const depth = 100_000;
    const text = `{"formatVersion":1,"kind":"flow","name":${'['.repeat(depth)}${']'.repeat(depth)}}`;

    const refusal = refusalOf(text);

    expect(refusal.message).toBe(
      `Cannot read the document: the JSON is nested deeper than ${MAX_JSON_DEPTH} levels ` +
        `(at line 1, column ${41 + MAX_JSON_DEPTH - 1})`,
    );
  });

  it('given brackets inside strings, then they do not count as nesting', () => {
    const name = `${'[{'.repeat(200)} "quoted \\" [[[ ${'}]'.repeat(200)}`;
    const text = sampleWith('"kind":"flow"', `,"name":${JSON.stringify(name.slice(0, 120))}`);

    expect(loadDocument(text).ok).toBe(true);
  });

  it('given text over 50 MB, then it is refused by size without being parsed', () => {
    const text = `${sampleText()}${' '.repeat(50 * 1024 * 1024)}`;

    const refusal = refusalOf(text);

    expect(refusal.message).toMatch(/^Cannot read the document: the text is too large: 50 MB/);
    expect(refusal.message).toContain('(the limit is 50 MB)');
  });

  it('given 100,000 elements (the most a document may hold), then it loads in reasonable time', () => {
    const text = serializeDocument(chainOf(100_000));
    const started = performance.now();

    const loaded = loadDocument(text);

    expect(performance.now() - started).toBeLessThan(10_000);
    expect(loaded.ok && loaded.document.model.elements.length).toBe(100_000);
    // Heavy work: on two busy cores it takes longer than vitest's default 5 s.
  }, 60_000);

  it('given 100,001 elements, then it is refused with the limit named', () => {
    const refusal = refusalOf(JSON.stringify(chainOf(100_001)));

    expect(linesOf(refusal.problems)).toMatch(/^model\.elements: .*100000/m);
  });

  it.each([
    ['elements as an object', (json: Json) => ((json.model as Json).elements = { a: 1 })],
    ['a number as the kind', (json: Json) => (json.kind = 7)],
    ['a string as the model', (json: Json) => (json.model = 'everything')],
    ['null as the diagram', (json: Json) => (json.diagram = null)],
    ['a boolean as a name', (json: Json) => (json.name = true)],
  ])('given %s, then it is refused with a path and nothing throws', (_case, change) => {
    const json = JSON.parse(JSON.stringify(sampleFlow())) as Json;
    change(json);

    const refusal = refusalOf(JSON.stringify(json));

    expect(refusal.problems.length).toBeGreaterThan(0);
    expect(refusal.message).toMatch(/^The document is not valid: \w+/);
  });
});

type Json = Record<string, unknown>;

/** Problems as "path: message" lines, for matching with a regular expression. */
function linesOf(problems: readonly { path: string; message: string }[]): string {
  return problems.map(({ path, message }) => `${path}: ${message}`).join('\n');
}

function sampleText(): string {
  return JSON.stringify(sampleFlow());
}
