import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src-shared/format/loadDocument';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'baton-cli-bpmn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI as a user would, capturing what it prints (BPMN commands answer with a promise). */
async function baton(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

const miwg = (name: string) => join(__dirname, '../../test/fixtures/bpmn-miwg', name);
const saga = 'assets/examples/order-saga.json';

describe('baton import <file.bpmn>', () => {
  it('prints the Baton JSON and the import report on stderr', async () => {
    const result = await baton('import', miwg('A.1.0.bpmn'));
    expect(result.code).toBe(0);
    const loaded = loadDocument(result.out);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.document.model.elements.map((element) => element.name)).toEqual([
      'Start Event',
      'Task 1',
      'Task 2',
      'Task 3',
      'End Event',
    ]);
    expect(result.err).toMatch(/A\.1\.0\.bpmn: import report \(\d+ items/);
    expect(result.err).toContain('approximated task _ec59e164-68b4-4f94-98de-ffb1c58a84af');
  });

  it('writes the JSON with -o and still reports on stderr', async () => {
    const out = join(dir, 'c1.json');
    const result = await baton('import', miwg('C.1.0.bpmn'), '-o', out);
    expect(result.code).toBe(0);
    expect(loadDocument(readFileSync(out, 'utf8')).ok).toBe(true);
    expect(result.err).toContain(
      'ignored serviceTask archiveInvoice: not imported: <camunda:field>',
    );
    expect(result.err).toContain(`written to ${out}`);
  });

  it('refuses a hostile file with exit 1, a clear word and nothing written', async () => {
    const file = join(dir, 'laughs.bpmn');
    writeFileSync(
      file,
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><definitions>&a;</definitions>',
    );
    const out = join(dir, 'never.json');
    const result = await baton('import', file, '-o', out);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/FILE002.*DOCTYPE/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('baton export --to bpmn', () => {
  it('writes BPMN that imports back to the same document, byte for byte', async () => {
    const bpmn = join(dir, 'saga.bpmn');
    const exported = await baton('export', saga, '--to', 'bpmn', '-o', bpmn);
    expect(exported.code).toBe(0);
    expect(readFileSync(bpmn, 'utf8')).toMatch(/^<\?xml[^>]*>\s*<bpmn:definitions/);
    const back = await baton('import', bpmn);
    expect(back.code).toBe(0);
    expect(back.err).toBe('');
    expect(back.out).toBe(readFileSync(saga, 'utf8'));
  });

  it('takes a .bpmn file as its input too', async () => {
    const result = await baton('export', miwg('A.1.0.bpmn'), '--to', 'json');
    expect(result.code).toBe(0);
    expect(loadDocument(result.out).ok).toBe(true);
  });
});

describe('.bpmn wherever a file is', () => {
  it('validate checks an imported MIWG file', async () => {
    const result = await baton('validate', miwg('A.1.0.bpmn'), '--json');
    const report = JSON.parse(result.out) as { files: { diagnostics: { severity: string }[] }[] };
    expect(report.files[0]?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('validate reports an unreadable BPMN file as a FILE002 error', async () => {
    const file = join(dir, 'broken.bpmn');
    writeFileSync(file, '<bpmn:definitions');
    const result = await baton('validate', file);
    expect(result.code).toBe(1);
    expect(result.out).toContain('FILE002');
  });

  it('compile prints the machine of a BPMN file', async () => {
    const result = await baton('compile', miwg('A.1.0.bpmn'));
    expect(result.code).toBe(0);
    expect(result.out).toContain('_ec59e164-68b4-4f94-98de-ffb1c58a84af');
  });

  it('run completes an imported MIWG file (start to end) with the default mocks', async () => {
    const result = await baton('run', miwg('A.1.0.bpmn'), '--db', ':memory:', '--json');
    const report = JSON.parse(result.out) as {
      status: string;
      steps: { elementId: string; outcome: string }[];
    };
    expect(report.status).toBe('completed');
    expect(result.err).toContain('A.1.0.bpmn: read from BPMN; 4 items not taken over as they were');
    expect(report.steps.map((step) => step.elementId)).toEqual([
      '_ec59e164-68b4-4f94-98de-ffb1c58a84af',
      '_820c21c0-45f3-473b-813f-06381cc637cd',
      '_e70a6fcb-913c-4a7b-a65d-e83adc73d69c',
    ]);
    expect(result.code).toBe(0);
  });
});
