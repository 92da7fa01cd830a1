import { describe, expect, it } from 'vitest';
import type { ElementMapping } from './deriveShared';
import { invertMapping, linkedElementIds } from './linkedElements';

const mapping: ElementMapping = {
  start: ['OrderPlaced'],
  chargePayment: ['Payment', 'PaymentCharged', 'PaymentFailed'],
  refundPayment: ['Payment', 'PaymentRefunded'],
  skipped: [],
};

describe('invertMapping', () => {
  it('given a source element mapped to several derived ones and a derived one shared by two, then each derived id lists its sources once, in order', () => {
    expect(invertMapping(mapping)).toEqual({
      OrderPlaced: ['start'],
      Payment: ['chargePayment', 'refundPayment'],
      PaymentCharged: ['chargePayment'],
      PaymentFailed: ['chargePayment'],
      PaymentRefunded: ['refundPayment'],
    });
  });

  it('given the inverse inverted, then every pair of the mapping is kept', () => {
    const twice = invertMapping(invertMapping(mapping));
    for (const [source, derived] of Object.entries(mapping))
      if (derived.length > 0)
        expect([...(twice[source] ?? [])].sort()).toEqual([...derived].sort());
  });
});

describe('linkedElementIds', () => {
  const own = new Set(['start', 'chargePayment', 'refundPayment', 'skipped']);
  const other = new Set(['OrderPlaced', 'Payment', 'PaymentCharged', 'PaymentRefunded']);

  it.each([
    ['one element', ['chargePayment'], ['Payment', 'PaymentCharged']],
    [
      'two sharing a counterpart, without repeats',
      ['chargePayment', 'refundPayment'],
      ['Payment', 'PaymentCharged', 'PaymentRefunded'],
    ],
    ['an element mapped to nothing', ['skipped'], []],
    ['an element no longer in its document', ['gone'], []],
    ['a name of Object.prototype', ['constructor'], []],
  ])('%s', (_case, ids, expected) => {
    expect(linkedElementIds(mapping, ids, new Set([...own, 'constructor']), other)).toEqual(
      expected,
    );
  });

  it('given a counterpart element deleted since, then it is left out (PaymentFailed is not there)', () => {
    expect(linkedElementIds(mapping, ['chargePayment'], own, other)).not.toContain('PaymentFailed');
  });

  it('given an element deleted from its own document since, then it maps to nothing', () => {
    expect(linkedElementIds(mapping, ['start'], new Set(['chargePayment']), other)).toEqual([]);
  });
});
