import { describe, expect, it } from 'vitest';
import { editedOrderMap, reactionOf } from '../../../test/shared/maps';
import { checkMapExpressions } from './mapExpressions';
import { indexMap } from './mapIndex';

const withNotification = (change: (reaction: ReturnType<typeof reactionOf>) => void) =>
  editedOrderMap((doc) => change(reactionOf(doc, 'orderPlaced-notification')));

describe('expressions (CHOR201)', () => {
  it.each([
    ['condition', withNotification((r) => (r.condition = 'amount >')), 'in its condition:'],
    [
      'operation input',
      withNotification((r) => (r.operations = [{ operation: 'send', input: '{ "to": ' }])),
      'in its input of send:',
    ],
  ])(
    'given a broken %s, when checked, then the message names the field and the position',
    (_, doc, field) => {
      const diagnostics = checkMapExpressions(indexMap(doc));

      expect(diagnostics.map((d) => [d.code, d.elementId])).toEqual([
        ['CHOR201', 'orderPlaced-notification'],
      ]);
      expect(diagnostics[0]?.message).toContain(field);
      expect(diagnostics[0]?.message).toMatch(/\(at character \d+\)$/);
    },
  );

  it('given the same broken condition on two reactions, when checked, then each is reported', () => {
    const doc = editedOrderMap((doc) => {
      reactionOf(doc, 'orderPlaced-notification').condition = 'amount >';
      reactionOf(doc, 'orderPlaced-inventory').condition = 'amount >';
    });

    expect(checkMapExpressions(indexMap(doc)).map((d) => d.elementId)).toEqual([
      'orderPlaced-inventory',
      'orderPlaced-notification',
    ]);
  });

  it('given blank expressions, when checked, then they count as absent', () => {
    const doc = withNotification((r) => {
      r.condition = '  ';
      r.operations = [{ operation: 'send', input: '' }];
    });

    expect(checkMapExpressions(indexMap(doc))).toEqual([]);
  });

  it('given a deeply nested condition, when checked, then it reports instead of throwing', () => {
    const deep = `${'('.repeat(4000)}1${')'.repeat(4000)}`;
    const doc = withNotification((r) => (r.condition = deep));

    expect(() => checkMapExpressions(indexMap(doc))).not.toThrow();
  });
});
