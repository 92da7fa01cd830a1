import { describe } from 'vitest';
import { el, flowOf, path } from '../../../test/shared/flows';
import { checkCases, linear } from '../../../test/shared/ruleCases';
import { indexFlow } from '../flowIndex';
import { checkGateways } from './gateways';

const split = (gateway: ReturnType<typeof el.xor>, a: object, b: object) =>
  flowOf(
    [el.start('s'), gateway, el.wait('a'), el.wait('b'), el.end('e')],
    [
      path('s', gateway.id),
      path(gateway.id, 'a', a),
      path(gateway.id, 'b', b),
      path('a', 'e'),
      path('b', 'e'),
    ],
  );

describe('gateways and decisions (FLOW005, FLOW008–FLOW014)', () => {
  checkCases(
    (doc) => checkGateways(indexFlow(doc)),
    [
      [
        'a split with a default and a condition',
        split(el.xor('g', { default: 'g-b' }), { condition: 'x' }, {}),
        [],
      ],
      [
        'a split with conditions on every path, no default',
        split(el.xor('g'), { condition: 'x' }, { condition: 'not(x)' }),
        [['FLOW010', 'g']],
      ],
      [
        'a split with no default and a path without condition',
        split(el.xor('g'), { condition: 'x' }, {}),
        [['FLOW008', 'g']],
      ],
      [
        'a split whose blank condition counts as none',
        split(el.xor('g'), { condition: 'x' }, { condition: '  ' }),
        [['FLOW008', 'g']],
      ],
      [
        'a default and a path without condition',
        split(el.xor('g', { default: 'g-b' }), {}, {}),
        [['FLOW009', 'g-a']],
      ],
      [
        'a default that is not an outgoing path',
        split(el.xor('g', { default: 's-g' }), { condition: 'x' }, { condition: 'y' }),
        [['FLOW011', 'g']],
      ],
      [
        'a condition on the default path',
        split(el.xor('g', { default: 'g-b' }), { condition: 'x' }, { condition: 'y' }),
        [['FLOW012', 'g-b']],
      ],
      ['a gateway that neither splits nor merges', linear(el.xor('g')), [['FLOW005', 'g']]],
      ['a parallel gateway that neither forks nor joins', linear(el.and('p')), [['FLOW005', 'p']]],
      [
        'a condition on a path out of a task',
        flowOf([el.start('s'), el.end('e')], [path('s', 'e', { condition: 'x' })]),
        [['FLOW012', 's-e']],
      ],
      [
        'an outcome on a path out of a timer',
        flowOf(
          [el.start('s'), el.wait('w'), el.end('e')],
          [path('s', 'w'), path('w', 'e', { outcome: 'reject' })],
        ),
        [['FLOW012', 'w-e']],
      ],
      [
        'a task with two outgoing paths',
        flowOf(
          [el.start('s'), el.task('t'), el.end('e1'), el.end('e2')],
          [path('s', 't'), path('t', 'e1'), path('t', 'e2')],
        ),
        [['FLOW013', 't']],
      ],
    ],
  );

  const decision = (outcomes: readonly (('approve' | 'reject') | undefined)[]) =>
    flowOf(
      [el.start('s'), el.user('u'), el.end('e')],
      [
        path('s', 'u'),
        ...outcomes.map((outcome, i) =>
          path('u', 'e', { id: `p${i}`, ...(outcome ? { outcome } : {}) }),
        ),
      ],
    );
  checkCases(
    (doc) => checkGateways(indexFlow(doc)),
    [
      ['a user task with one plain path', decision([undefined]), []],
      ['a user task with approve and reject paths', decision(['approve', 'reject']), []],
      ['a user task with two plain paths', decision([undefined, undefined]), [['FLOW014', 'u']]],
      ['a user task with only an approve path', decision(['approve']), [['FLOW014', 'u']]],
      ['a user task with two approve paths', decision(['approve', 'approve']), [['FLOW014', 'u']]],
      [
        'a user task with three paths',
        decision(['approve', 'reject', 'reject']),
        [['FLOW014', 'u']],
      ],
    ],
  );
});
