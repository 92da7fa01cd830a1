import { describe, expect, it } from 'vitest';
import { chain, el, flowOf, path, shopCatalog } from '../../../test/shared/flows';
import { withExpectation, type Finding } from '../../../test/shared/ruleCases';
import type { Element, WorkflowDocument } from '../../model/document';
import { indexFlow } from '../flowIndex';
import { indexCatalog } from './ruleTypes';
import { checkTimeouts } from './sagaLints';

const line = (...steps: Element[]) =>
  flowOf([el.start('s'), ...steps, el.end('e')], chain('s', ...steps.map((step) => step.id), 'e'));

const timeouts = (doc: WorkflowDocument): Finding[] =>
  checkTimeouts(indexFlow(doc), {
    catalog: shopCatalog,
    operations: indexCatalog(shopCatalog),
  }).map((d) => [d.code, d.elementId]);

describe('timeouts (FLOW301, FLOW304, FLOW305)', () => {
  const charge = { service: 'Payment', operation: 'charge', compensation: { operation: 'refund' } };
  const timer = (durationMs: number) =>
    el.boundary('late', 't', { trigger: 'timer', timer: { durationMs } });
  it.each(
    withExpectation([
      [
        'a task with a timeout above the latency',
        line(el.task('t', { ...charge, timeoutMs: 500 })),
        [],
      ],
      [
        'a task with a timeout equal to the latency',
        line(el.task('t', { ...charge, timeoutMs: 120 })),
        [],
      ],
      [
        'a task without a timeout',
        line(el.task('t', { timeoutMs: undefined })),
        [['FLOW301', 't']],
      ],
      [
        'a task without a timeout but with a timer boundary',
        flowOf(
          [el.start('s'), el.task('t', { timeoutMs: undefined }), timer(5000), el.end('e')],
          [...chain('s', 't', 'e'), path('late', 'e')],
        ),
        [],
      ],
      [
        'a task timing out before its typical latency',
        line(el.task('t', { ...charge, timeoutMs: 119 })),
        [['FLOW305', 't']],
      ],
      [
        'a task interrupted by a timer before its typical latency',
        flowOf(
          [
            el.start('s'),
            el.task('t', { ...charge, timeoutMs: undefined }),
            timer(100),
            el.end('e'),
          ],
          [...chain('s', 't', 'e'), path('late', 'e')],
        ),
        [['FLOW305', 't']],
      ],
      [
        'a task calling an unknown operation (no latency to compare)',
        line(el.task('t', { operation: 'x', timeoutMs: 1 })),
        [],
      ],
      ['a user task with a timeout', line(el.user('u')), []],
      [
        'a user task without a timeout',
        line(el.user('u', { timeoutMs: undefined })),
        [['FLOW304', 'u']],
      ],
      [
        'a user task with a timer boundary for escalation',
        flowOf(
          [
            el.start('s'),
            el.user('u', { timeoutMs: undefined }),
            el.boundary('esc', 'u', { trigger: 'timer', timer: { durationMs: 1 } }),
            el.end('e'),
          ],
          [...chain('s', 'u', 'e'), path('esc', 'e')],
        ),
        [],
      ],
      [
        'a user task with only an error boundary',
        flowOf(
          [
            el.start('s'),
            el.user('u', { timeoutMs: undefined }),
            el.boundary('err', 'u'),
            el.end('e'),
          ],
          [...chain('s', 'u', 'e'), path('err', 'e')],
        ),
        [['FLOW304', 'u']],
      ],
    ] as const),
  )('given %s, when linted, then it finds %s', (...[, , doc, expected]) => {
    expect(timeouts(doc)).toEqual(expected);
  });

  it('given a hasty timeout, when linted, then the message gives both figures', () => {
    const [diagnostic] = checkTimeouts(
      indexFlow(line(el.task('t', { ...charge, timeoutMs: 50 }))),
      {
        catalog: shopCatalog,
        operations: indexCatalog(shopCatalog),
      },
    );

    expect(diagnostic?.message).toContain('times out after 50 ms');
    expect(diagnostic?.message).toContain('Payment.charge typically takes 120 ms');
  });
});
