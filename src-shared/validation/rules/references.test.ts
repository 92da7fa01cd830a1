import { describe, expect, it } from 'vitest';
import { chain, el, flowOf, shopCatalog } from '../../../test/shared/flows';
import type { Element } from '../../model/document';
import { indexFlow } from '../flowIndex';
import { syntaxProblem } from '../jsonataSyntax';
import { checkExpressions } from './expressions';
import { checkReferences } from './references';
import type { RuleContext } from './ruleTypes';
import { indexCatalog } from './ruleTypes';

const context = (flowVersions?: RuleContext['flowVersions']): RuleContext => ({
  catalog: shopCatalog,
  operations: indexCatalog(shopCatalog),
  ...(flowVersions ? { flowVersions } : {}),
});

const around = (step: Element) =>
  flowOf([el.start('s'), step, el.end('e')], chain('s', step.id, 'e'));

const codesOf = (step: Element, rules = context()) =>
  checkReferences(indexFlow(around(step)), rules).map((d) => d.code);

describe('references (FLOW101–FLOW106)', () => {
  it.each(
    (
      [
        ['a known operation and compensation', el.task('t'), []],
        ['no operation', el.task('t', { operation: undefined }), ['FLOW101']],
        ['no service', el.task('t', { service: undefined }), ['FLOW101']],
        ['an unknown service', el.task('t', { service: 'Billing' }), ['FLOW102']],
        ['an unknown operation', el.task('t', { operation: 'restock' }), ['FLOW103']],
        [
          'an unknown compensation',
          el.task('t', { compensation: { operation: 'undo' } }),
          ['FLOW104'],
        ],
        [
          'an unknown operation and compensation',
          el.task('t', { operation: 'restock', compensation: { operation: 'undo' } }),
          ['FLOW103', 'FLOW104'],
        ],
      ] as const
    ).map(
      ([scenario, task, codes]) => [scenario, codes.join(' ') || 'nothing', task, codes] as const,
    ),
  )('given a service task with %s, when checked, then it finds %s', (...[, , task, codes]) => {
    expect(codesOf(task)).toEqual(codes);
  });

  const versions = (flowId: string) => (flowId === 'customs' ? [1, 2] : undefined);
  it.each(
    (
      [
        ['a known flow and version', el.call('c', 'customs', 2), versions, []],
        ['the latest version of a known flow', el.call('c', 'customs'), versions, []],
        ['an unknown flow', el.call('c', 'custom'), versions, ['FLOW105']],
        ['an unknown version', el.call('c', 'customs', 3), versions, ['FLOW106']],
        ['a flow without saved versions', el.call('c', 'draft'), () => [], ['FLOW106']],
        ['an unknown flow, but no workspace to ask', el.call('c', 'custom'), undefined, []],
        ['no flow at all, and no workspace to ask', el.call('c', ' '), undefined, ['FLOW105']],
      ] as const
    ).map(
      ([scenario, call, known, codes]) =>
        [scenario, codes.join(' ') || 'nothing', call, known, codes] as const,
    ),
  )(
    'given a call activity to %s, when checked, then it finds %s',
    (...[, , call, known, codes]) => {
      expect(codesOf(call, context(known))).toEqual(codes);
    },
  );

  it('given an unknown service, when checked, then the message names the task and the service', () => {
    const [diagnostic] = checkReferences(
      indexFlow(around(el.task('t', { service: 'Billing' }))),
      context(),
    );

    expect(diagnostic?.message).toBe(
      'Service task "t" (t) calls service Billing, which is not in the catalog',
    );
    expect(diagnostic?.elementId).toBe('t');
  });
});

describe('event types (FLOW107)', () => {
  const withEvents = (): RuleContext => ({
    ...context(),
    eventTypes: new Set(['OrderPlaced', 'PaymentFailed']),
  });
  const awaitEvent = (eventType: string): Element => ({
    type: 'messageCatch',
    id: 't',
    name: 't',
    eventType,
  });
  it.each(
    (
      [
        ['a published event of the catalog', el.publish('t', { eventType: 'OrderPlaced' }), []],
        ['a published unknown event', el.publish('t', { eventType: 'OrderPlace' }), ['FLOW107']],
        ['an awaited event of the catalog', awaitEvent('PaymentFailed'), []],
        ['an awaited unknown event', awaitEvent('PaymentDeclined'), ['FLOW107']],
        [
          'a message start on an unknown event',
          el.start('t', { trigger: 'message', eventType: 'Refunded' }),
          ['FLOW107'],
        ],
        [
          'a plain start that still names an unknown event',
          el.start('t', { eventType: 'Refunded' }),
          [],
        ],
      ] as const
    ).map(
      ([scenario, step, codes]) => [scenario, codes.join(' ') || 'nothing', step, codes] as const,
    ),
  )('given %s, when checked, then it finds %s', (...[, , step, codes]) => {
    const doc =
      step.type === 'startEvent' ? flowOf([step, el.end('e')], chain(step.id, 'e')) : around(step);

    expect(checkReferences(indexFlow(doc), withEvents()).map((d) => d.code)).toEqual(codes);
  });

  it('given a catalog without events, when an unknown event is published, then nothing is found', () => {
    expect(codesOf(el.publish('t', { eventType: 'Anything' }))).toEqual([]);
  });

  it('given an unknown published event, when checked, then the message names the element and the event', () => {
    const [diagnostic] = checkReferences(
      indexFlow(around(el.publish('t', { eventType: 'OrderPlace' }))),
      withEvents(),
    );

    expect(diagnostic?.message).toBe(
      'Publish event "t" (t) publishes event type OrderPlace, which is not in the events catalog',
    );
  });
});

describe('expressions (FLOW201)', () => {
  it.each([
    ['a valid mapping', '{ "sku": items.sku, "total": $sum(items.price) }', null],
    ['an unfinished comparison', 'amount >', 'Unexpected end of expression (at character 8)'],
    ['an unclosed call', '$sum(items', 'Expected ")" before end of expression (at character 10)'],
    [
      'an unclosed string',
      '"abc',
      'String literal must be terminated by a matching quote (at character 4)',
    ],
  ])('given %s (%j), when parsed, then the problem is %j', (_, expression, problem) => {
    expect(syntaxProblem(expression)).toBe(problem);
  });

  it.each<[string, Element]>([
    ['input mapping', el.task('t', { input: '{ "a": ' })],
    ['output mapping', el.task('t', { output: 'result.' })],
    [
      'compensation input mapping',
      el.task('t', { compensation: { operation: 'release', input: '(' } }),
    ],
    ['payload', el.publish('t', { payload: '{,}' })],
    [
      'correlation',
      { type: 'messageCatch', id: 't', name: 't', eventType: 'Paid', correlation: 'a[' },
    ],
  ])(
    'given a broken %s, when checked, then the message names the field and the position',
    (field, step) => {
      const diagnostics = checkExpressions(indexFlow(around(step)));

      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]?.code).toBe('FLOW201');
      expect(diagnostics[0]?.elementId).toBe('t');
      expect(diagnostics[0]?.message).toContain(`in its ${field}:`);
      expect(diagnostics[0]?.message).toMatch(/\(at character \d+\)$/);
    },
  );

  it('given a broken condition, when checked, then the diagnostic points to the path', () => {
    const doc = flowOf(
      [el.start('s'), el.end('e')],
      [{ id: 'p', source: 's', target: 'e', condition: 'a and' }],
    );

    const diagnostics = checkExpressions(indexFlow(doc));

    expect(diagnostics.map((d) => [d.code, d.elementId])).toEqual([['FLOW201', 'p']]);
    expect(diagnostics[0]?.message).toContain('in its condition:');
  });

  it('given blank expressions, when checked, then they count as absent', () => {
    const diagnostics = checkExpressions(
      indexFlow(around(el.task('t', { input: '', output: '  ' }))),
    );

    expect(diagnostics).toEqual([]);
  });

  it('given a deeply nested expression, when checked, then it reports instead of throwing', () => {
    const deep = `${'('.repeat(4000)}1${')'.repeat(4000)}`;

    expect(() => checkExpressions(indexFlow(around(el.task('t', { input: deep }))))).not.toThrow();
  });
});
