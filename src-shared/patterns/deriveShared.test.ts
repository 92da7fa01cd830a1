import { describe, expect, it } from 'vitest';
import { camel, pascal, pastTense, placeInColumns, unique } from './deriveShared';

describe('event names', () => {
  it.each([
    ['reserve', 'reserved'],
    ['charge', 'charged'],
    ['ship', 'shipped'],
    ['notify', 'notified'],
    ['book', 'booked'],
    ['send', 'sent'],
    ['cancel', 'cancelled'],
    ['release', 'released'],
    ['refund', 'refunded'],
    ['confirm', 'confirmed'],
  ])('%s → %s', (verb, past) => expect(pastTense(verb)).toBe(past));

  it('turns names into type and id spellings', () => {
    expect(pascal('reserve inventory')).toBe('ReserveInventory');
    expect(camel('Order created')).toBe('orderCreated');
  });

  it('numbers a taken name', () => {
    const taken = new Set(['OrderFailed']);
    expect(unique('OrderFailed', taken)).toBe('OrderFailed2');
    expect(unique('OrderFailed', taken)).toBe('OrderFailed3');
  });

  it('places one column per rank, rows in order', () => {
    const shapes = placeInColumns(
      new Map([
        ['a', 0],
        ['b', 1],
        ['c', 1],
      ]),
      200,
      100,
    );
    expect(shapes).toEqual({ a: { x: 50, y: 50 }, b: { x: 250, y: 50 }, c: { x: 250, y: 150 } });
  });
});
