import { describe, expect, it } from 'vitest';
import { chain, el, flowOf, path } from '../../../test/shared/flows';
import { checkCases } from '../../../test/shared/ruleCases';
import { indexFlow } from '../flowIndex';
import { checkBlockStructure } from './forkJoin';

const forkOf = (
  branches: string[],
  join: string | null,
  extra: ReturnType<typeof el.wait>[] = [],
) => ({
  elements: [el.start('s'), el.and('fork'), ...branches.map((b) => el.wait(b)), ...extra],
  connections: [
    path('s', 'fork'),
    ...branches.map((b) => path('fork', b)),
    ...(join ? branches.map((b) => path(b, join)) : []),
  ],
});

describe('block structure (FLOW006, FLOW007)', () => {
  const balanced = forkOf(['a', 'b', 'c'], 'join');
  const nestedInner = forkOf(['a', 'b'], null);
  checkCases(
    (doc) => checkBlockStructure(indexFlow(doc)).diagnostics,
    [
      [
        'a fork whose three branches meet at one join',
        flowOf(
          [...balanced.elements, el.and('join'), el.end('e')],
          [...balanced.connections, path('join', 'e')],
        ),
        [],
      ],
      [
        'nested forks, each with its join',
        flowOf(
          [
            ...nestedInner.elements,
            el.and('inner'),
            el.wait('x'),
            el.wait('y'),
            el.and('innerJoin'),
            el.and('join'),
            el.end('e'),
          ],
          [
            ...nestedInner.connections,
            ...chain('a', 'inner', 'x', 'innerJoin', 'join'),
            path('inner', 'y'),
            path('y', 'innerJoin'),
            path('b', 'join'),
            path('join', 'e'),
          ],
        ),
        [],
      ],
      [
        'an exclusive choice inside a branch, merged before the join',
        flowOf(
          [
            ...nestedInner.elements,
            el.xor('g', { default: 'g-m' }),
            el.wait('x'),
            el.xor('m'),
            el.and('join'),
            el.end('e'),
          ],
          [
            ...nestedInner.connections,
            path('a', 'g'),
            path('g', 'x', { condition: 'c' }),
            path('g', 'm'),
            path('x', 'm'),
            path('m', 'join'),
            path('b', 'join'),
            path('join', 'e'),
          ],
        ),
        [],
      ],
      [
        'a branch that ends in an error end event',
        flowOf(
          [
            ...nestedInner.elements,
            el.xor('g', { default: 'g-join' }),
            el.end('failed', { result: 'error' }),
            el.and('join'),
            el.end('e'),
          ],
          [
            ...nestedInner.connections,
            path('a', 'g'),
            path('g', 'failed', { condition: 'c' }),
            path('g', 'join'),
            path('b', 'join'),
            path('join', 'e'),
          ],
        ),
        [],
      ],
      [
        'a branch that ends in a plain end event',
        flowOf(
          [...nestedInner.elements, el.end('e1'), el.end('e2')],
          [...nestedInner.connections, path('a', 'e1'), path('b', 'e2')],
        ),
        [['FLOW006', 'fork']],
      ],
      [
        'branches merged by an exclusive gateway',
        flowOf(
          [...nestedInner.elements, el.xor('m'), el.end('e')],
          [...nestedInner.connections, path('a', 'm'), path('b', 'm'), path('m', 'e')],
        ),
        [['FLOW006', 'fork']],
      ],
      [
        'branches that meet at two joins',
        flowOf(
          [
            ...forkOf(['a', 'b', 'c', 'd'], null).elements,
            el.and('j1'),
            el.and('j2'),
            el.and('j3'),
            el.end('e'),
          ],
          [
            ...forkOf(['a', 'b', 'c', 'd'], null).connections,
            ...[path('a', 'j1'), path('b', 'j1'), path('c', 'j2'), path('d', 'j2')],
            ...[path('j1', 'j3'), path('j2', 'j3'), path('j3', 'e')],
          ],
        ),
        [
          ['FLOW006', 'fork'],
          ['FLOW007', 'j3'],
        ],
      ],
      [
        'a parallel join after an exclusive split',
        flowOf(
          [
            el.start('s'),
            el.xor('g', { default: 'g-b' }),
            el.wait('a'),
            el.wait('b'),
            el.and('join'),
            el.end('e'),
          ],
          [
            path('s', 'g'),
            path('g', 'a', { condition: 'x' }),
            path('g', 'b'),
            path('a', 'join'),
            path('b', 'join'),
            path('join', 'e'),
          ],
        ),
        [['FLOW007', 'join']],
      ],
      [
        'a join reached twice from one branch',
        flowOf(
          [
            ...nestedInner.elements,
            el.xor('g', { default: 'g-join' }),
            el.and('join'),
            el.end('e'),
          ],
          [
            ...nestedInner.connections,
            path('a', 'g'),
            path('g', 'join', { id: 'g-join-2', condition: 'c' }),
            path('g', 'join'),
            path('b', 'join'),
            path('join', 'e'),
          ],
        ),
        [['FLOW007', 'join']],
      ],
      [
        'a loop from inside a branch back before the fork',
        flowOf(
          [
            el.start('s'),
            el.xor('m'),
            el.and('fork'),
            el.wait('a'),
            el.xor('again', { default: 'again-join' }),
            el.wait('b'),
            el.and('join'),
            el.end('e'),
          ],
          [
            ...chain('s', 'm', 'fork', 'a', 'again', 'join', 'e'),
            path('again', 'm', { condition: 'c' }),
            path('fork', 'b'),
            path('b', 'join'),
          ],
        ),
        [['FLOW006', 'fork']],
      ],
    ],
  );

  it('given a branch inside a sub-process inside a fork, when checked, then elements know their branch', () => {
    const doc = flowOf(
      [
        el.start('s'),
        el.and('fork'),
        el.sub('sp'),
        el.start('in', { parent: 'sp' }),
        el.end('out', { parent: 'sp' }),
        el.wait('b'),
        el.and('join'),
        el.end('e'),
      ],
      [
        ...chain('s', 'fork', 'sp', 'join', 'e'),
        path('in', 'out'),
        path('fork', 'b'),
        path('b', 'join'),
      ],
    );
    const flow = indexFlow(doc);

    const blocks = checkBlockStructure(flow);

    expect(blocks.diagnostics).toEqual([]);
    expect(blocks.branchOf[flow.position.get('sp') ?? -1]).toMatchObject({ branch: 0 });
    expect(blocks.branchOf[flow.position.get('b') ?? -1]).toMatchObject({ branch: 1 });
    expect(blocks.branchOf[flow.position.get('in') ?? -1]).toBeNull();
    expect(blocks.branchOf[flow.position.get('e') ?? -1]).toBeNull();
  });
});
