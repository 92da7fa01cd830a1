import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import {
  createExpressionEvaluator,
  DEFAULT_EXPRESSION_LIMITS,
  evaluateExpression,
} from './evaluateExpression';

const limits = { ...DEFAULT_EXPRESSION_LIMITS, now: () => performance.now() };

describe('evaluateExpression', () => {
  it.each([
    ['amount > 100', { amount: 120 }, true],
    ['amount > 100', { amount: 80 }, false],
    [
      '{ "orderId": order.id, "total": $sum(lines.price) }',
      { order: { id: 'o-1' }, lines: [{ price: 2 }, { price: 3 }] },
      { orderId: 'o-1', total: 5 },
    ],
  ])('evaluates %s', async (source, input, expected) => {
    expect(await evaluateExpression(source, input, limits)).toEqual({ ok: true, value: expected });
  });

  it('reports a syntax error with its position instead of throwing', async () => {
    const result = await evaluateExpression('amount >', {}, limits);
    expect(result).toMatchObject({ ok: false, code: 'S0207' });
    expect(result.ok === false && result.message.length).toBeGreaterThan(5);
  });

  it('stops runaway recursion at the depth limit', async () => {
    const result = await evaluateExpression(
      '($f := function($x) { 1 + $f($x) }; $f(1))',
      {},
      { ...limits, maxDepth: 50 },
    );
    expect(result).toMatchObject({ ok: false, code: 'limit.depth' });
  });

  it('stops an endless loop at the time limit', async () => {
    const source = '($loop := function($i) { $i > 0 ? $loop($i + 1) : 0 }; $loop(1))';
    const started = performance.now();
    const result = await evaluateExpression(
      source,
      {},
      { ...limits, timeoutMs: 50, maxDepth: 1_000_000 },
    );
    expect(result).toMatchObject({ ok: false, code: 'limit.time' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('has no way out to JavaScript or the host', async () => {
    for (const source of [
      '$eval("process")',
      'constructor.constructor("return process")()',
      '$globalThis',
    ]) {
      const result = await evaluateExpression(source, {}, limits);
      expect(result.ok && result.value !== undefined).toBe(false);
    }
  });

  it('refuses to hand back a function', async () => {
    expect(await evaluateExpression('function($x) { $x }', {}, limits)).toMatchObject({
      ok: false,
      code: 'result.function',
    });
  });
});

describe('createExpressionEvaluator', () => {
  it('gives the same results as evaluating afresh, every time', async () => {
    const evaluate = createExpressionEvaluator(limits);
    for (const amount of [50, 150, 50]) {
      expect(await evaluate('amount > 100', { amount })).toEqual({ ok: true, value: amount > 100 });
    }
  });

  it('reports a syntax error each time it is asked', async () => {
    const evaluate = createExpressionEvaluator(limits);
    expect(await evaluate('amount >', {})).toMatchObject({ ok: false, code: 'S0207' });
    expect(await evaluate('amount >', {})).toMatchObject({ ok: false, code: 'S0207' });
  });

  it('keeps overlapping evaluations of one expression apart: one stopped by its limit, the other finishing', async () => {
    const evaluate = createExpressionEvaluator({ ...limits, maxDepth: 40 });
    const recursive = '($f := function($n) { $n <= 0 ? 0 : 1 + $f($n - 1) }; $f(depth))';
    const [deep, shallow] = await Promise.all([
      evaluate(recursive, { depth: 500 }),
      evaluate(recursive, { depth: 3 }),
    ]);
    expect(deep).toMatchObject({ ok: false, code: 'limit.depth' });
    expect(shallow).toEqual({ ok: true, value: 3 });
  });
});
