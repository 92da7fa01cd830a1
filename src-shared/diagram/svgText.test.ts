import { describe, expect, it } from 'vitest';
import { elementSize } from './elementSize';
import { escapeXml, num, textWidth, wrapText } from './svgText';

describe('escapeXml', () => {
  it.each([
    ['a < b && c > d', 'a &lt; b &amp;&amp; c &gt; d'],
    [`"double" 'single'`, '&quot;double&quot; &apos;single&apos;'],
    ['bell\u0007 and \ud800 lone', 'bell\ufffd and \ufffd lone'],
    ['tab\tnew\nline, emoji 🚚, Zahlung “Ä”', 'tab\tnew\nline, emoji 🚚, Zahlung “Ä”'],
  ])('given %j, then it writes %j', (text, escaped) => {
    expect(escapeXml(text)).toBe(escaped);
  });
});

describe('num', () => {
  it.each([
    [12, '12'],
    [12.345, '12.35'],
    [-0.001, '0'],
    [1e7, '10000000'],
  ])('writes %d as %s', (value, text) => {
    expect(num(value)).toBe(text);
  });
});

describe('wrapText', () => {
  it('fills lines word by word within the width', () => {
    const lines = wrapText('Reserve inventory for the order', 100, 13);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Reserve inventory for the order');
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(100);
  });

  it('breaks a word wider than a line, and keeps the text’s own line breaks', () => {
    expect(wrapText('x'.repeat(40), 60, 13).join('')).toBe('x'.repeat(40));
    expect(wrapText('first\nsecond', 500, 13)).toEqual(['first', 'second']);
  });

  it('cuts what does not fit in the lines allowed, ending with an ellipsis', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 50, 13, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(textWidth(lines[1] ?? '', 13)).toBeLessThanOrEqual(50);
  });
});

describe('elementSize', () => {
  it('takes the type’s default, or the shape’s own width and height, each on its own', () => {
    expect(elementSize('serviceTask')).toEqual({ width: 160, height: 64 });
    expect(elementSize('exclusiveGateway', { width: 80 })).toEqual({ width: 80, height: 56 });
    expect(elementSize('lane', { width: 1200, height: 240 })).toEqual({ width: 1200, height: 240 });
  });
});
