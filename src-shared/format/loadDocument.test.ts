import { describe, expect, it } from 'vitest';
import { sampleFlow } from '../../test/shared/documents';
import { FORMAT_VERSION } from '../model/document';
import { loadDocument, MAX_REPORTED_PROBLEMS } from './loadDocument';
import { serializeDocument } from './serializeDocument';

/** The sample flow as JSON text with `change` applied to its plain-data form. */
function sampleText(change: (json: Record<string, unknown>) => void = () => {}): string {
  const json = JSON.parse(JSON.stringify(sampleFlow())) as Record<string, unknown>;
  change(json);
  return JSON.stringify(json);
}

/** The refusal of `text`, failing the test if it was accepted. */
function refusalOf(text: string) {
  const result = loadDocument(text);
  if (result.ok) throw new Error('the document should be refused');
  return result;
}

describe('loadDocument: valid documents', () => {
  it('given a saved document, when loaded, then it is the same document', () => {
    const result = loadDocument(serializeDocument(sampleFlow()));

    expect(result).toEqual({ ok: true, document: sampleFlow() });
  });

  it('given compact JSON with keys in any order, when loaded, then it is accepted', () => {
    const { diagram, model, kind, formatVersion } = sampleFlow();

    const result = loadDocument(JSON.stringify({ diagram, model, kind, formatVersion }));

    expect(result.ok).toBe(true);
  });

  it('given a byte-order mark before the JSON, when loaded, then it is ignored', () => {
    expect(loadDocument(`\uFEFF${sampleText()}`).ok).toBe(true);
  });
});

describe('loadDocument: formatVersion is checked before anything else', () => {
  it('given a newer format, then it says a newer Baton made it and which format this one reads', () => {
    const refusal = refusalOf(
      sampleText((json) => {
        json.formatVersion = FORMAT_VERSION + 1;
        json.somethingNew = { fromTheFuture: true };
      }),
    );

    expect(refusal.message).toBe(
      `This document was made by a newer Baton (format ${FORMAT_VERSION + 1}; this Baton reads ` +
        `format ${FORMAT_VERSION}). Update Baton to open it.`,
    );
    expect(refusal.problems).toEqual([{ path: 'formatVersion', message: refusal.message }]);
  });

  it.each([
    ['missing', undefined, /has no formatVersion/],
    ['a string', '1', /formatVersion must be a whole number, not the string "1"/],
    ['a fraction', 1.5, /formatVersion must be a whole number, not the number 1.5/],
    ['null', null, /formatVersion must be a whole number, not null/],
    ['older than any format', 0, /format 0 is not supported \(this Baton reads format 1\)/],
  ])('given a formatVersion that is %s, then the message says so', (_case, version, expected) => {
    const refusal = refusalOf(
      sampleText((json) => {
        if (version === undefined) delete json.formatVersion;
        else json.formatVersion = version;
      }),
    );

    expect(refusal.message).toMatch(expected);
    expect(refusal.problems[0]?.path).toBe('formatVersion');
  });
});

describe('loadDocument: text that is not a document', () => {
  it.each([
    ['empty text', '', /the text is empty/],
    ['only spaces', '   \n', /the text is empty/],
    ['broken JSON', '{"formatVersion": 1,', /the text is not valid JSON: /],
    ['JSON with a trailing comma', '{"formatVersion": 1,}', /the text is not valid JSON: /],
    ['a JSON array', '[1, 2]', /^Not a Baton document: expected a JSON object/],
    ['a JSON string', '"flow"', /^Not a Baton document: expected a JSON object/],
    ['JSON null', 'null', /^Not a Baton document: expected a JSON object/],
  ])('given %s, then it is refused with a message naming the problem', (_case, text, expected) => {
    const refusal = refusalOf(text);

    expect(refusal.message).toMatch(expected);
    expect(refusal.problems).toHaveLength(1);
  });
});

describe('loadDocument: documents the schema refuses', () => {
  it('given a wrong type deep inside, then the problem is named by its path', () => {
    const refusal = refusalOf(
      sampleText((json) => {
        const shapes = (json.diagram as { shapes: Record<string, { x: unknown }> }).shapes;
        shapes.task!.x = 'ten';
      }),
    );

    expect(refusal.message).toMatch(/^The document is not valid: diagram\.shapes\.task\.x: /);
    expect(refusal.problems).toHaveLength(1);
    expect(refusal.problems[0]?.path).toBe('diagram.shapes.task.x');
    expect(refusal.problems[0]?.message).toMatch(/expected number/);
  });

  it('given a document-level problem, then it is reported at the root', () => {
    const refusal = refusalOf(
      sampleText((json) => {
        const connections = (json.model as { connections: { target: string }[] }).connections;
        connections[0]!.target = 'ghost';
      }),
    );

    expect(refusal.problems).toContainEqual({
      path: '(root)',
      message: 'connection "flow_1" points to unknown element "ghost"',
    });
  });

  it('given thousands of problems, then the first ones are listed and the message gives the count', () => {
    const elements = Array.from({ length: 5000 }, (_, index) => ({
      type: 'task',
      id: `t${index}`,
    }));
    const text = sampleText((json) => {
      json.model = { elements, connections: [] };
      json.diagram = { shapes: {} };
    });

    const refusal = refusalOf(text);

    expect(refusal.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(refusal.message).toMatch(/^The document is not valid: model\.elements\.0\.type: /);
    expect(refusal.message).toMatch(/\(and 4999 more problems\)$/);
  });
});
