import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
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

/** The compressed pixel data of a PNG: its IDAT chunks' contents, joined. */
function idatOf(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') {
      parts.push(png.subarray(at + 8, at + 8 + length));
    }
    at += 12 + length;
  }
  return Buffer.concat(parts);
}

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

  it('--to png -o draws the SVG at twice its size, in colour', () => {
    const out = join(dir, 'saga.png');
    const result = baton('export', saga, '--to', 'png', '-o', out);
    expect(result.code).toBe(0);
    expect(result.err).toContain(`PNG written to ${out}`);
    const png = readFileSync(out);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    const svg = baton('export', saga, '--to', 'svg').out;
    const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(svg) ?? [];
    // IHDR: the image's width and height, twice the SVG's.
    expect(png.readUInt32BE(16)).toBe(Math.ceil(Number(width) * 2));
    expect(png.readUInt32BE(20)).toBe(Math.ceil(Number(height) * 2));
    // Not blank: the pixels hold the shapes' strokes and fills, not one background colour.
    const pixels = inflateSync(idatOf(png));
    expect(new Set(pixels).size).toBeGreaterThan(50);
  });

  it('--to png without -o is bad usage: a picture is not printed', () => {
    const result = baton('export', saga, '--to', 'png');
    expect(result.code).toBe(2);
    expect(result.err).toContain('--to png needs -o <file.png>');
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
