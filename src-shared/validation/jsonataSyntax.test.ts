import { describe, expect, it } from 'vitest';
import { seededIntegers } from '../../test/shared/seededRandom';
import { isSelfContained, syntaxProblem, syntaxProblems } from './jsonataSyntax';

describe('isSelfContained', () => {
  it.each([
    ['amount > 100', true],
    ['$sum(items.(price * quantity))', true],
    ['{ "a": [1, 2], "b": $f(x, y) }', true],
    ['"a, b; c" & `odd, name` & \'x..y\'', true],
    ['/* a, b */ total', true],
    ['a, b', false],
    ['($x := 1; $x)', true],
    ['$x := 1; $x', false],
    ['1..5', false],
    ['[1..5]', true],
    ['"unclosed', false],
    ['`unclosed', false],
    ['(a', false],
    ['a)', false],
    ['a]', false],
    ['(a]', false],
    ['/* open', false],
    ['x / 2', false],
    ['$match(s, /a,b/)', false],
    ['"esc\\"aped, still inside"', true],
  ])('given %j, when scanned, then it is self-contained: %s', (expression, expected) => {
    expect(isSelfContained(expression)).toBe(expected);
  });
});

describe('syntaxProblems', () => {
  it('given valid and broken expressions, when checked together, then each gets its own verdict', () => {
    const expressions = ['a > 1', 'b and', '$sum(x', '{ "k": v }', 'c = "d"', 'x / 0', 'e +'];

    const verdicts = syntaxProblems(expressions);

    expect(Object.fromEntries(verdicts)).toEqual(
      Object.fromEntries(expressions.map((expression) => [expression, syntaxProblem(expression)])),
    );
    expect(verdicts.get('b and')).toMatch(/at character 5/);
  });

  it('given expressions that would merge inside an array, when checked together, then they are not mistaken for valid', () => {
    const expressions = ['"a', 'b"', 'x][y', 'a), (b', 'p ? q', ': r'];

    const verdicts = syntaxProblems(expressions);

    for (const expression of expressions) {
      expect(verdicts.get(expression), expression).toBe(syntaxProblem(expression));
    }
  });

  it('given many random token soups, when checked together, then every verdict matches the single parse', () => {
    const tokens = [
      'a',
      'b.c',
      '1',
      '"s"',
      '+',
      '-',
      '*',
      'and',
      'or',
      '=',
      '>',
      '(',
      ')',
      '[',
      ']',
    ];
    const more = ['{', '}', ':', '?', '$f(', '$x', ':=', '~>', '&', 'in', 'true', '%', '!='];
    const alphabet = [...tokens, ...more];
    const next = seededIntegers(42);
    const soups = Array.from({ length: 3000 }, () =>
      Array.from({ length: 1 + next(7) }, () => alphabet[next(alphabet.length)]).join(' '),
    );

    const verdicts = syntaxProblems(soups);

    const mismatches = soups.filter(
      (soup) => (verdicts.get(soup) === null) !== (syntaxProblem(soup) === null),
    );
    expect(mismatches).toEqual([]);
    expect(soups.filter((soup) => verdicts.get(soup) === null).length).toBeGreaterThan(100);
  });

  it('given 5,000 distinct valid expressions, when checked together, then it beats parsing 1,000 one by one', () => {
    const expressions = Array.from({ length: 5000 }, (_, i) => `{ "id": order.id, "n": ${i} }`);
    const fastestOf3 = (run: () => void) => {
      const times = [0, 1, 2].map(() => {
        const started = performance.now();
        run();
        return performance.now() - started;
      });
      return Math.min(...times);
    };

    const verdicts = syntaxProblems(expressions);
    const togetherMs = fastestOf3(() => syntaxProblems(expressions));
    const oneByOneMs = fastestOf3(() => expressions.slice(0, 1000).forEach(syntaxProblem));

    expect([...verdicts.values()].every((verdict) => verdict === null)).toBe(true);
    expect(togetherMs).toBeLessThan(oneByOneMs);
  });
});
