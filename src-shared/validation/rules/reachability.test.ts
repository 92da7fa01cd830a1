import { describe, expect, it } from 'vitest';
import { chain, el, flowOf, path } from '../../../test/shared/flows';
import { checkCases, findings, linear } from '../../../test/shared/ruleCases';
import { indexFlow } from '../flowIndex';
import { checkReachability } from './reachability';

describe('reachability (FLOW001–FLOW004)', () => {
  checkCases(
    (doc) => checkReachability(indexFlow(doc)),
    [
      ['a straight line', linear(el.wait('a'), el.wait('b')), []],
      ['no start', flowOf([el.wait('a'), el.end('e')], chain('a', 'e')), [['FLOW001', undefined]]],
      [
        'two top-level starts',
        flowOf(
          [el.start('s1'), el.start('s2'), el.end('e')],
          [...chain('s1', 'e'), path('s2', 'e')],
        ),
        [
          ['FLOW002', 's1'],
          ['FLOW002', 's2'],
        ],
      ],
      [
        'a start inside a sub-process, which is not a top-level start',
        flowOf(
          [
            el.start('s'),
            el.sub('sp'),
            el.start('in', { parent: 'sp' }),
            el.end('out', { parent: 'sp' }),
            el.end('e'),
          ],
          [...chain('s', 'sp', 'e'), path('in', 'out')],
        ),
        [],
      ],
      [
        'an unconnected step',
        flowOf([el.start('s'), el.wait('lost'), el.end('e')], chain('s', 'e')),
        [['FLOW003', 'lost']],
      ],
      [
        'a step reached only through a boundary event',
        flowOf(
          [el.start('s'), el.task('t'), el.boundary('b', 't'), el.publish('alarm'), el.end('e')],
          [...chain('s', 't', 'e'), ...chain('b', 'alarm', 'e')],
        ),
        [],
      ],
      [
        'the children of an unreached sub-process (only the sub-process is reported)',
        flowOf(
          [
            el.start('s'),
            el.end('e'),
            el.sub('sp'),
            el.start('in', { parent: 'sp' }),
            el.end('out', { parent: 'sp' }),
          ],
          [...chain('s', 'e'), path('in', 'out'), path('sp', 'e')],
        ),
        [['FLOW003', 'sp']],
      ],
      [
        'a dead end',
        flowOf(
          [el.start('s'), el.xor('g', { default: 'g-e' }), el.wait('stuck'), el.end('e')],
          [...chain('s', 'g', 'e'), path('g', 'stuck', { condition: 'x' })],
        ),
        [['FLOW004', 'stuck']],
      ],
      [
        'a task whose only way on is its boundary event',
        flowOf(
          [el.start('s'), el.task('t'), el.boundary('b', 't'), el.end('e')],
          [...chain('s', 't'), ...chain('b', 'e')],
        ),
        [['FLOW004', 't']],
      ],
      [
        'a loop without exit (reported once, on its first element)',
        flowOf(
          [el.start('s'), el.xor('m'), el.wait('a'), el.wait('b')],
          [...chain('s', 'm', 'a', 'b', 'm')],
        ),
        [['FLOW004', 'm']],
      ],
      [
        'a loop with an exit',
        flowOf(
          [
            el.start('s'),
            el.xor('m'),
            el.wait('a'),
            el.xor('again', { default: 'again-e' }),
            el.end('e'),
          ],
          [...chain('s', 'm', 'a', 'again', 'e'), path('again', 'm', { condition: 'retry' })],
        ),
        [],
      ],
      [
        'a loop left only by a timer boundary',
        flowOf(
          [
            el.start('s'),
            el.xor('m'),
            el.user('ask'),
            el.boundary('late', 'ask', { trigger: 'timer', timer: { durationMs: 5 } }),
            el.end('e'),
          ],
          [...chain('s', 'm', 'ask', 'm'), path('late', 'e')],
        ),
        [],
      ],
    ],
  );

  it('given a chain of 20,000 steps ending nowhere, when checked, then only the last is reported', () => {
    const steps = Array.from({ length: 20_000 }, (_, i) => el.wait(`w${i}`));
    const doc = flowOf([el.start('s'), ...steps], chain('s', ...steps.map((s) => s.id)));

    const diagnostics = checkReachability(indexFlow(doc));

    expect(findings(diagnostics)).toEqual([['FLOW004', 'w19999']]);
  });
});
