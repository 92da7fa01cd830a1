import { describe, expect, it } from 'vitest';
import { documentOf, sampleFlow } from '../../test/shared/documents';
import { createEmptyDocument, FORMAT_VERSION, WorkflowDocument } from './document';

/** A valid document as plain JSON data, for cases that break one part of it. */
const validJson = (): Record<string, unknown> =>
  JSON.parse(JSON.stringify(sampleFlow())) as Record<string, unknown>;

/** The issues of a document that must not parse, as "path: message" lines. */
function issuesOf(input: unknown): string[] {
  const result = WorkflowDocument.safeParse(input);
  expect(result.success, 'the document should be refused').toBe(false);
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('WorkflowDocument: valid documents', () => {
  it('given a flow with elements, connections and shapes, when parsed, then it comes back equal', () => {
    const doc = sampleFlow();

    const result = WorkflowDocument.safeParse(doc);

    expect(result.success).toBe(true);
    expect(result.data).toEqual(doc);
  });

  it('given a map of services and event types, when parsed, then it is accepted', () => {
    const doc = documentOf(
      'map',
      [
        ['billing', 'service'],
        ['paid', 'eventType'],
      ],
      [['link_1', 'billing', 'paid']],
    );

    expect(WorkflowDocument.safeParse(doc).success).toBe(true);
  });

  it.each(['flow', 'map'] as const)(
    'given createEmptyDocument(%s), when parsed, then it is a valid empty document',
    (kind) => {
      const doc = createEmptyDocument(kind);

      const result = WorkflowDocument.safeParse(doc);

      expect(result.success).toBe(true);
      expect(result.data).toEqual({
        formatVersion: FORMAT_VERSION,
        kind,
        model: { elements: [], connections: [] },
        diagram: { shapes: {} },
      });
    },
  );

  it('given two calls of createEmptyDocument, then they share no objects', () => {
    const first = createEmptyDocument('flow');
    const second = createEmptyDocument('flow');

    expect(first.model.elements).not.toBe(second.model.elements);
    expect(first.diagram.shapes).not.toBe(second.diagram.shapes);
  });
});

type Mutation = (doc: Record<string, unknown> & { model: any; diagram: any }) => unknown;

/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call */
const invalidDocuments: readonly [scenario: string, mutate: Mutation, expectedIssue: RegExp][] = [
  ['a newer formatVersion', (doc) => ({ ...doc, formatVersion: 2 }), /^formatVersion: .*expected 1/],
  ['a missing formatVersion', ({ formatVersion: _, ...doc }) => doc, /^formatVersion: /],
  ['an unknown kind', (doc) => ({ ...doc, kind: 'diagram' }), /^kind: .*"flow"\|"map"/],
  [
    'an unknown element type',
    (doc) => {
      doc.model.elements[1].type = 'scriptTask';
      return doc;
    },
    /^model\.elements\.1\.type: .*expected one of/,
  ],
  [
    'two elements with the same id',
    (doc) => {
      doc.model.elements[1].id = 'start';
      return doc;
    },
    /duplicate id "start"/,
  ],
  [
    'a connection with the id of an element',
    (doc) => {
      doc.model.connections[0].id = 'task';
      return doc;
    },
    /duplicate id "task"/,
  ],
  [
    'a connection to an unknown element',
    (doc) => {
      doc.model.connections[1].target = 'ghost';
      return doc;
    },
    /connection "flow_2" points to unknown element "ghost"/,
  ],
  [
    'a connection from an unknown element',
    (doc) => {
      doc.model.connections[0].source = 'ghost';
      return doc;
    },
    /connection "flow_1" points to unknown element "ghost"/,
  ],
  [
    '__proto__ as an element id',
    (doc) => {
      doc.model.elements[0].id = '__proto__';
      return doc;
    },
    /^model\.elements\.0\.id: an element id starts with/,
  ],
  [
    'an element id with a space',
    (doc) => {
      doc.model.elements[0].id = 'my task';
      return doc;
    },
    /^model\.elements\.0\.id: /,
  ],
  [
    'an element id longer than 128 characters',
    (doc) => {
      doc.model.elements[0].id = `a${'b'.repeat(128)}`;
      return doc;
    },
    /^model\.elements\.0\.id: /,
  ],
  [
    'a shapes key that is not an element id',
    (doc) => {
      doc.diagram.shapes['not an id'] = { x: 0, y: 0 };
      return doc;
    },
    /^diagram\.shapes\.not an id: /,
  ],
  ['an extra top-level key', (doc) => ({ ...doc, author: 'me' }), /Unrecognized key: "author"/],
  [
    'an extra key on an element',
    (doc) => {
      doc.model.elements[0].color = 'red';
      return doc;
    },
    /^model\.elements\.0: Unrecognized key: "color"/,
  ],
  [
    'an extra key on a shape',
    (doc) => {
      doc.diagram.shapes.task.width = 10;
      return doc;
    },
    /^diagram\.shapes\.task: Unrecognized key: "width"/,
  ],
  [
    'an infinite x coordinate',
    (doc) => {
      doc.diagram.shapes.task.x = Infinity;
      return doc;
    },
    /^diagram\.shapes\.task\.x: /,
  ],
  [
    'a NaN y coordinate',
    (doc) => {
      doc.diagram.shapes.task.y = NaN;
      return doc;
    },
    /^diagram\.shapes\.task\.y: /,
  ],
  [
    'a coordinate beyond ±1e7',
    (doc) => {
      doc.diagram.shapes.task.x = -1e8;
      return doc;
    },
    /^diagram\.shapes\.task\.x: /,
  ],
  [
    'a coordinate given as a string',
    (doc) => {
      doc.diagram.shapes.task.x = '10';
      return doc;
    },
    /^diagram\.shapes\.task\.x: .*expected number/,
  ],
  [
    'an element name of 201 characters',
    (doc) => {
      doc.model.elements[0].name = 'n'.repeat(201);
      return doc;
    },
    /^model\.elements\.0\.name: .*200/,
  ],
];
/* eslint-enable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call */

describe('WorkflowDocument: invalid documents', () => {
  it.each(invalidDocuments)(
    'given %s, when parsed, then it is refused with a clear issue',
    (_scenario, mutate, expectedIssue) => {
      const input = mutate(validJson() as Parameters<Mutation>[0]);

      const issues = issuesOf(input);

      expect(issues.some((issue) => expectedIssue.test(issue)), issues.join('\n')).toBe(true);
    },
  );

  it('given an element name of exactly 200 characters, when parsed, then it is accepted', () => {
    const doc = sampleFlow();
    const named = {
      ...doc,
      model: { ...doc.model, elements: [{ ...doc.model.elements[0]!, name: 'n'.repeat(200) }] },
      diagram: { shapes: {} },
    };

    expect(WorkflowDocument.safeParse({ ...named, model: { ...named.model, connections: [] } }).success).toBe(
      true,
    );
  });

  it('given "__proto__" as a shapes key in JSON, when parsed, then it never reaches the document', () => {
    const json = JSON.stringify(sampleFlow()).replace(
      '"shapes":{',
      '"shapes":{"__proto__":{"x":1,"y":2},',
    );
    const input = JSON.parse(json) as unknown;

    const result = WorkflowDocument.safeParse(input);

    const shapes = result.success ? result.data.diagram.shapes : {};
    expect(Object.keys(shapes)).not.toContain('__proto__');
    expect(Object.getPrototypeOf(shapes)).not.toEqual({ x: 1, y: 2 });
  });

  // Bug: zod's record drops a "__proto__" key without an issue, so such a document is accepted
  // silently instead of being refused like "__proto__" as an element id (src-shared/model/document.ts).
  it.skip('given "__proto__" as a shapes key in JSON, when parsed, then it is refused', () => {
    const json = JSON.stringify(sampleFlow()).replace('"shapes":{', '"shapes":{"__proto__":{"x":1,"y":2},');

    const issues = issuesOf(JSON.parse(json));

    expect(issues.join('\n')).toMatch(/__proto__/);
  });

  // Bug: the "unknown element" check in document.ts's superRefine looks ends up in a set that also
  // holds connection ids, so a connection whose target is another connection is accepted.
  it.skip('given a connection whose target is another connection, when parsed, then it is refused', () => {
    const doc = sampleFlow();
    const input = {
      ...doc,
      model: { ...doc.model, connections: [...doc.model.connections, { id: 'flow_3', source: 'task', target: 'flow_1' }] },
    };

    expect(issuesOf(input).join('\n')).toMatch(/unknown element "flow_1"/);
  });
});
