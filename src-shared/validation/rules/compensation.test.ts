import { describe, expect, it } from 'vitest';
import { chain, el, flowOf, path } from '../../../test/shared/flows';
import { withExpectation, type Finding } from '../../../test/shared/ruleCases';
import type { Element, WorkflowDocument } from '../../model/document';
import { indexFlow } from '../flowIndex';
import { checkCompensation } from './compensation';
import { checkBlockStructure } from './forkJoin';

const line = (...steps: Element[]) =>
  flowOf([el.start('s'), ...steps, el.end('e')], chain('s', ...steps.map((step) => step.id), 'e'));

const compensation = (doc: WorkflowDocument): Finding[] => {
  const flow = indexFlow(doc);
  return checkCompensation(flow, checkBlockStructure(flow))
    .map((d): Finding => [d.code, d.elementId])
    .sort();
};

describe('compensation (FLOW302, FLOW303)', () => {
  const undoable = (id: string) => el.task(id, { compensation: undefined });
  const pivot = (id: string) => el.task(id, { compensation: undefined, pivot: true });
  const forward = (id: string) => el.task(id, { compensation: undefined, retry: undefined });
  it.each(
    withExpectation([
      ['compensable steps only', line(el.task('a'), el.task('b')), []],
      [
        'an undoable step before a compensable one',
        line(undoable('a'), el.task('b')),
        [['FLOW302', 'a']],
      ],
      ['an undoable last step', line(el.task('a'), undoable('b')), []],
      [
        'an undoable step before an event that cannot fail',
        line(undoable('a'), el.publish('p')),
        [],
      ],
      ['an undoable step before a pivot', line(undoable('a'), pivot('p')), [['FLOW302', 'a']]],
      [
        'an undoable step before a call activity',
        line(undoable('a'), el.call('c', 'other')),
        [['FLOW302', 'a']],
      ],
      [
        'steps after the pivot, retried',
        line(el.task('a'), pivot('p'), undoable('b'), undoable('c')),
        [],
      ],
      [
        'a step after the pivot without retries',
        line(pivot('p'), forward('b')),
        [['FLOW303', 'b']],
      ],
      [
        'a step after the pivot with a single attempt',
        line(
          pivot('p'),
          el.task('b', {
            retry: { maxAttempts: 1, backoff: 'fixed', initialDelayMs: 0, maxDelayMs: 0 },
          }),
        ),
        [['FLOW303', 'b']],
      ],
      [
        'a step after two pivots without retries, reported once',
        line(pivot('p1'), pivot('p2'), forward('b')),
        [['FLOW303', 'b']],
      ],
    ] as const),
  )('given %s, when linted, then it finds %s', (...[, , doc, expected]) => {
    expect(compensation(doc)).toEqual(expected);
  });

  it('given an undoable step before an exclusive split to an error end, when linted, then it is reported', () => {
    const doc = flowOf(
      [
        el.start('s'),
        undoable('a'),
        el.xor('ok', { default: 'ok-e' }),
        el.end('failed', { result: 'error' }),
        el.end('e'),
      ],
      [...chain('s', 'a', 'ok', 'e'), path('ok', 'failed', { condition: 'bad' })],
    );

    expect(compensation(doc)).toEqual([['FLOW302', 'a']]);
  });

  it('given an undoable step in a parallel branch beside a step that can fail, when linted, then it is reported', () => {
    const doc = flowOf(
      [el.start('s'), el.and('fork'), undoable('a'), el.task('b'), el.and('join'), el.end('e')],
      [
        path('s', 'fork'),
        path('fork', 'a'),
        path('fork', 'b'),
        path('a', 'join'),
        path('b', 'join'),
        path('join', 'e'),
      ],
    );

    const [diagnostic] = checkCompensation(indexFlow(doc), checkBlockStructure(indexFlow(doc)));

    expect(compensation(doc)).toEqual([['FLOW302', 'a']]);
    expect(diagnostic?.message).toContain('may fail in a parallel branch');
  });

  it('given an undoable step inside a sub-process followed by a step outside it, when linted, then it is reported', () => {
    const doc = flowOf(
      [
        el.start('s'),
        el.sub('sp'),
        el.start('in', { parent: 'sp' }),
        undoable('a'),
        el.end('out', { parent: 'sp' }),
        el.task('after'),
        el.end('e'),
      ],
      [...chain('s', 'sp', 'after', 'e'), ...chain('in', 'a', 'out')],
    );
    doc.model.elements[3] = { ...undoable('a'), parent: 'sp' };

    expect(compensation(doc)).toEqual([['FLOW302', 'a']]);
  });

  it('given a pivot inside a sub-process, when linted, then the steps after the sub-process run forward', () => {
    const doc = flowOf(
      [
        el.start('s'),
        el.sub('sp'),
        el.start('in', { parent: 'sp' }),
        { ...pivot('p'), parent: 'sp' },
        el.end('out', { parent: 'sp' }),
        forward('after'),
        el.end('e'),
      ],
      [...chain('s', 'sp', 'after', 'e'), ...chain('in', 'p', 'out')],
    );

    expect(compensation(doc)).toEqual([['FLOW303', 'after']]);
  });

  it('given a step reached both before and after the pivot, when linted, then it counts as before', () => {
    const doc = flowOf(
      [
        el.start('s'),
        el.xor('g', { default: 'g-m' }),
        pivot('p'),
        el.xor('m'),
        undoable('a'),
        el.task('b'),
        el.end('e'),
      ],
      [
        path('s', 'g'),
        path('g', 'p', { condition: 'x' }),
        path('g', 'm'),
        path('p', 'm'),
        ...chain('m', 'a', 'b', 'e'),
      ],
    );

    expect(compensation(doc)).toEqual([['FLOW302', 'a']]);
  });
});
