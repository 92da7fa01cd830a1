import { describe, expect, it } from 'vitest';
import { describeDuration, parseDuration, splitDuration } from './duration';
import { jsonataSyntaxError } from './jsonataSyntaxError';
import { TIMEOUT_LIMITS, TIMER_LIMITS } from './limits';
import { parseWholeNumber } from './parseWholeNumber';

describe('parseDuration', () => {
  it.each([
    ['30', 's', 30_000],
    ['1.5', 'min', 90_000],
    ['1,5', 's', 1_500],
    ['1.1', 's', 1_100],
    ['2', 'h', 7_200_000],
    [' 250 ', 'ms', 250],
    ['8784', 'h', 366 * 86_400_000],
  ] as const)('reads %s %s as %i ms', (text, unit, ms) => {
    expect(parseDuration(text, unit, TIMEOUT_LIMITS)).toEqual({ ok: true, ms });
  });

  it.each([
    ['0', 's', 'A duration of 0 is not allowed: enter a number above 0.'],
    ['-5', 's', 'A duration cannot be negative: enter a number above 0.'],
    ['abc', 's', '“abc” is not a number: enter a number such as 30.'],
    ['1e3', 's', '“1e3” is not a number: enter a number such as 30.'],
    ['0.5', 'ms', '0.5 ms is not a whole number of milliseconds: 1 ms is the smallest step.'],
    ['8785', 'h', 'That is longer than allowed: at most 366 days.'],
  ] as const)('refuses %s %s as a timeout', (text, unit, message) => {
    expect(parseDuration(text, unit, TIMEOUT_LIMITS)).toEqual({ ok: false, message });
  });

  it('takes 0 for a timer, which may fire at once', () => {
    expect(parseDuration('0', 'min', TIMER_LIMITS)).toEqual({ ok: true, ms: 0 });
  });
});

describe('splitDuration and describeDuration', () => {
  it.each([
    [5_000, undefined, { value: '5', unit: 's' }],
    [90_000, undefined, { value: '90', unit: 's' }],
    [7_200_000, undefined, { value: '2', unit: 'h' }],
    [1_500, undefined, { value: '1500', unit: 'ms' }],
    [60_000, 's', { value: '60', unit: 's' }],
    [1_500, 's', { value: '1500', unit: 'ms' }],
  ] as const)('shows %i ms (preferring %s) as %o', (ms, preferred, shown) => {
    expect(splitDuration(ms, preferred)).toEqual(shown);
  });

  it('says long durations in days', () => {
    expect(describeDuration(366 * 86_400_000)).toBe('366 days');
    expect(describeDuration(86_400_000)).toBe('1 day');
    expect(describeDuration(90_000)).toBe('1.5 min');
  });
});

describe('parseWholeNumber', () => {
  const limits = { min: 1, max: 100 };
  it.each([
    ['3', { ok: true, value: 3 }],
    ['0', { ok: false, message: '0 is too small: enter a whole number from 1 to 100.' }],
    ['101', { ok: false, message: '101 is too large: enter a whole number from 1 to 100.' }],
    [
      '2.5',
      { ok: false, message: '2.5 is not a whole number: enter a whole number from 1 to 100.' },
    ],
    ['two', { ok: false, message: '“two” is not a number: enter a whole number from 1 to 100.' }],
  ])('reads %s', (text, result) => {
    expect(parseWholeNumber(text, limits)).toEqual(result);
  });
});

describe('jsonataSyntaxError', () => {
  it.each([
    ['{ "a": b ', { line: 1, column: 9, message: 'Expected "}" before end of expression' }],
    ['a\n+ + b', { line: 2, column: 3 }],
    ['"abc', { line: 1, column: 4 }],
  ])('places the mistake in %j', (expression, where) => {
    expect(jsonataSyntaxError(expression)).toMatchObject(where);
  });

  it('is null for an expression that parses', () => {
    expect(jsonataSyntaxError('$sum(items.price)')).toBeNull();
  });
});
