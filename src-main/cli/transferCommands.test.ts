import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src-shared/format/loadDocument';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'baton-cli-transfer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function baton(...argv: string[]) {
  let out = '';
  let err = '';
  const code = main(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

const saga = 'assets/examples/order-saga.json';

describe('baton export', () => {
  it('--to json writes the document in its stable form, the same bytes as the file', () => {
    const result = baton('export', saga, '--to', 'json');
    expect(result.code).toBe(0);
    expect(result.out).toBe(readFileSync(saga, 'utf8'));
  });

  it('--to xstate writes what compile writes, to a file with -o', () => {
    const out = join(dir, 'saga.xstate.json');
    expect(baton('export', saga, '--to', 'xstate', '-o', out).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(baton('compile', saga).out);
  });

  it('--to svg writes the diagram the app exports', () => {
    const result = baton('export', saga, '--to', 'svg');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^<svg[^>]*role="img"/);
    expect(result.out).toContain('data-element-id="chargePayment"');
    expect(result.out).toContain('Charge payment');
  });

  it.each([['pdf', 'unknown target']])('--to %s is bad usage with a clear word', (to, words) => {
    const result = baton('export', saga, '--to', to);
    expect(result.code).toBe(2);
    expect(result.err).toContain(words);
  });

  it('without --to is bad usage', () => {
    expect(baton('export', saga).code).toBe(2);
  });
});

describe('baton import', () => {
  it('normalises a hand-written document into the stable form', () => {
    const messy = JSON.parse(readFileSync(saga, 'utf8')) as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(messy).reverse());
    const file = join(dir, 'messy.json');
    writeFileSync(file, JSON.stringify(reordered));
    const result = baton('import', file);
    expect(result.code).toBe(0);
    expect(result.out).toBe(readFileSync(saga, 'utf8'));
    expect(loadDocument(result.out).ok).toBe(true);
  });

  it('refuses a hostile file with exit 1 and writes nothing', () => {
    const file = join(dir, 'hostile.json');
    const out = join(dir, 'never.json');
    writeFileSync(file, '{"formatVersion":1,"__proto__":{"x":1}}');
    const result = baton('import', file, '-o', out);
    expect(result.code).toBe(1);
    expect(() => readFileSync(out)).toThrow();
  });
});
