import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compilerCases } from '../../test/fixtures/compiler/cases';
import { serializeDocument } from '../../src-shared/format/serializeDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'baton-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI as a user would, capturing what it prints. */
function baton(...argv: string[]) {
  let out = '';
  let err = '';
  const code = main(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

function write(name: string, content: string | WorkflowDocument): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : serializeDocument(content));
  return path;
}

const catalog = {
  services: [
    {
      name: 'Shop',
      operations: ['a', 'undo_a'].map((name) => ({
        name,
        mock: { latencyMs: 20, failRate: 0, honoursIdempotency: true },
      })),
    },
  ],
};
const clean: WorkflowDocument = { ...compilerCases['sequence.basic']!, catalog };
const noStart: WorkflowDocument = {
  ...clean,
  model: {
    ...clean.model,
    elements: clean.model.elements.filter((e) => e.type !== 'startEvent'),
    connections: clean.model.connections.filter((c) => c.source !== 'start'),
  },
  diagram: { shapes: { a: { x: 0, y: 0 }, end: { x: 200, y: 0 } } },
};

describe('baton validate', () => {
  it('exits 0 and prints the report shape of DESIGN.md §5 for a clean file', () => {
    const file = write('clean.json', clean);
    const result = baton('validate', file, '--json');
    const report = JSON.parse(result.out) as { files: { file: string; diagnostics: unknown[] }[] };
    expect(report.files).toHaveLength(1);
    expect(report.files[0]?.file).toBe(file);
    expect(
      report.files[0]?.diagnostics.filter((d) => (d as { severity: string }).severity === 'error'),
    ).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('exits 1 when a file has an error, naming code, severity, message and element', () => {
    const result = baton(
      'validate',
      write('clean2.json', clean),
      write('no-start.json', noStart),
      '--json',
    );
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out) as {
      files: { diagnostics: Record<string, unknown>[] }[];
    };
    const diagnostic = report.files[1]?.diagnostics.find((d) => d.severity === 'error');
    expect(Object.keys(diagnostic ?? {})).toEqual(['code', 'severity', 'message', 'elementId']);
  });

  it('prints readable lines without --json', () => {
    const result = baton('validate', write('no-start-2.json', noStart));
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/no-start-2\.json: error \S+ .*\n {2}help: /);
    expect(result.out).toMatch(/1 file checked: [1-9]\d* errors?/);
  });

  it.each([
    ['not JSON', '{ formatVersion: 1'],
    ['a newer format', '{"formatVersion": 99, "kind": "flow"}'],
    [
      'wrong types',
      '{"formatVersion": 1, "kind": "flow", "model": {"elements": "many", "connections": []}, "diagram": {"shapes": {}}}',
    ],
    [
      'a __proto__ key',
      '{"formatVersion": 1, "kind": "flow", "__proto__": {"polluted": true}, "model": {"elements": [], "connections": []}, "diagram": {"shapes": {}}}',
    ],
  ])('reports %s as a file error (exit 1) without crashing', (_what, text) => {
    const result = baton('validate', write('bad.json', text), '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out) as {
      files: { diagnostics: { code: string; message: string }[] }[];
    };
    expect(report.files[0]?.diagnostics[0]?.code).toBe('FILE001');
    expect(report.files[0]?.diagnostics[0]?.message.length).toBeGreaterThan(10);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('handles a 100,000-element file with a clear answer', () => {
    const elements = Array.from({ length: 100_001 }, (_, i) => ({
      id: `e${i}`,
      type: 'endEvent',
      name: 'x',
    }));
    const file = write(
      'huge.json',
      JSON.stringify({
        formatVersion: 1,
        kind: 'flow',
        model: { elements, connections: [] },
        diagram: { shapes: {} },
      }),
    );
    const result = baton('validate', file, '--json');
    expect(result.code).toBe(1);
    expect(result.out).toContain('FILE001');
  });

  it('says a missing file does not exist', () => {
    const result = baton('validate', join(dir, 'nope.json'));
    expect(result.code).toBe(1);
    expect(result.out).toContain('does not exist');
  });
});

describe('baton compile', () => {
  it('prints the machine config, identical on every run', () => {
    const file = write('compile.json', clean);
    const first = baton('compile', file);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ id: 'flow', initial: '__run' });
    expect(baton('compile', file).out).toBe(first.out);
  });

  it('writes the machine with -o', () => {
    const out = join(dir, 'machine.json');
    const result = baton('compile', write('compile-o.json', clean), '-o', out);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ initial: '__run' });
  });

  it('exits 1 with the problems when the flow does not compile', () => {
    const result = baton('compile', write('broken.json', noStart));
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain('COMP002');
  });
});

describe('bad usage exits 2', () => {
  it.each([
    [[]],
    [['frobnicate']],
    [['validate']],
    [['compile']],
    [['compile', 'a.json', 'b.json']],
    [['validate', 'x.json', '--colour']],
  ])('%j', (argv) => {
    const result = baton(...argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Usage: baton');
  });
});
