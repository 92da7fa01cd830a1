import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compilerCases } from '../../test/fixtures/compiler/cases';
import { cleanOrderMap } from '../../test/shared/maps';
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

/** The clean order map, its Shipping reaction starting `customs-clearance` at `version`. */
function orderMapStarting(version: number | 'latest'): WorkflowDocument {
  const map = cleanOrderMap();
  const connections = map.model.connections.map((connection) =>
    connection.reaction?.startsFlow
      ? {
          ...connection,
          reaction: {
            ...connection.reaction,
            startsFlow: { flowId: 'customs-clearance', version },
          },
        }
      : connection,
  );
  return { ...map, model: { ...map.model, connections } };
}

type Report = { files: { file: string; diagnostics: { code: string; severity: string }[] }[] };
const codesIn = (result: { out: string }) =>
  (JSON.parse(result.out) as Report).files.map((file) => file.diagnostics.map((d) => d.code));

describe('baton validate: maps and hybrids', () => {
  it('given a clean map, then it exits 0 with no diagnostics', () => {
    const result = baton('validate', write('order-map.json', cleanOrderMap()), '--json');

    expect(codesIn(result)).toEqual([[]]);
    expect(result.code).toBe(0);
  });

  it('given a broken map, then it exits 1 naming the CHOR code and the element', () => {
    const map = cleanOrderMap();
    const withoutInitialEvent = {
      ...map,
      model: {
        ...map.model,
        elements: map.model.elements.map((e) =>
          e.id === 'orderPlaced' ? { ...e, initial: undefined } : e,
        ),
      },
    };

    const result = baton('validate', write('broken-map.json', withoutInitialEvent));

    expect(result.code).toBe(1);
    expect(result.out).toMatch(/broken-map\.json: error CHOR001 /);
  });

  it('given a map and the flow it starts at a version that file is, then the reference is checked and holds', () => {
    const flow = write('customs-clearance.json', clean);

    for (const version of [1, 'latest'] as const) {
      const map = write(`starts-${version}.json`, orderMapStarting(version));
      const result = baton('validate', map, flow, '--json');

      expect(codesIn(result)).toEqual([[], []]);
      expect(result.code).toBe(0);
    }
  });

  it('given a map starting version 2 of a flow given as a file (version 1), then CHOR105 fails the check', () => {
    const flow = write('customs-clearance.json', clean);
    const map = write('starts-2.json', orderMapStarting(2));

    const result = baton('validate', flow, map, '--json');

    expect(codesIn(result)).toEqual([[], ['CHOR105']]);
    expect(result.code).toBe(1);
  });

  it.each([
    ['alone', () => []],
    ['with another flow', () => [write('other-flow.json', clean)]],
    ['with a map named like it', () => [write('customs-clearance.baton.json', cleanOrderMap())]],
  ])(
    'given a map starting a flow not on the command line (%s), then the reference is not checked',
    (_case, others) => {
      const map = write('starts-2-alone.json', orderMapStarting(2));

      const result = baton('validate', map, ...others(), '--json');

      expect(codesIn(result)[0]).toEqual([]);
      expect(result.code).toBe(0);
    },
  );
});

describe('baton compile: maps', () => {
  it('prints the compiled map, a machine per service, identical on every run', () => {
    const file = write('compile-map.json', cleanOrderMap());

    const first = baton('compile', file);

    expect(first.code).toBe(0);
    const compiled = JSON.parse(first.out) as { kind: string; services: Record<string, unknown> };
    expect(compiled.kind).toBe('map');
    expect(Object.keys(compiled.services)).toEqual([
      'shop',
      'inventory',
      'notification',
      'payment',
      'shipping',
    ]);
    expect(baton('compile', file).out).toBe(first.out);
  });

  it('writes the compiled map with -o and says so', () => {
    const out = join(dir, 'map.compiled.json');

    const result = baton('compile', write('compile-map-o.json', cleanOrderMap()), '-o', out);

    expect(result.code).toBe(0);
    expect(result.err).toContain('compiled map written to');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ kind: 'map' });
  });

  it('exits 1 with the problems when the map does not compile', () => {
    const map = cleanOrderMap();
    const reactionFromService = {
      ...map,
      model: {
        ...map.model,
        connections: map.model.connections.map((c) =>
          c.id === 'shop-orderPlaced'
            ? {
                ...c,
                reaction: {
                  operations: [],
                  emitsOnSuccess: [],
                  emitsOnFailure: [],
                  idempotent: true,
                },
              }
            : c,
        ),
      },
    };

    const result = baton('compile', write('broken-map-compile.json', reactionFromService));

    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/error MAP002 \[shop-orderPlaced\]/);
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
