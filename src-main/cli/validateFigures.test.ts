import { describe, expect, it } from 'vitest';
import { main } from './main';

function baton(...argv: string[]) {
  let out = '';
  const code = main(argv, { out: (text) => (out += text), err: () => undefined });
  return { code, out };
}

describe('baton validate on a map prints the figures people ask for', () => {
  it('the widest fan-out and the longest chain of reactions, in readable names', () => {
    const { code, out } = baton('validate', 'assets/examples/order-fanout.json');
    expect(code).toBe(0);
    expect(out).toContain('widest fan-out 6 (Order placed)');
    expect(out).toMatch(/longest chain: Order placed → \S.* → /);
  });

  it('keeps the JSON report to the shape of DESIGN.md §5', () => {
    const report = JSON.parse(
      baton('validate', 'assets/examples/order-fanout.json', '--json').out,
    ) as {
      files: Record<string, unknown>[];
    };
    expect(Object.keys(report.files[0] ?? {})).toEqual(['file', 'diagnostics']);
  });

  it('prints no figures for a flow', () => {
    expect(baton('validate', 'assets/examples/order-saga.json').out).not.toContain('figures');
  });
});
