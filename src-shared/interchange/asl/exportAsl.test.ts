import { describe, expect, it } from 'vitest';
import { loadExamples } from '../../../test/shared/exampleFiles';
import { chain, el, flowOf, path } from '../../../test/shared/flows';
import type { WorkflowDocument } from '../../model/document';
import type { AslMachine, AslState } from './aslTypes';
import { exportAsl } from './exportAsl';

function definitionOf(doc: WorkflowDocument): AslMachine {
  const { definition, diagnostics } = exportAsl(doc);
  if (!definition) throw new Error(diagnostics.map((d) => d.message).join('; '));
  return definition;
}

/** Where a state's catch-all failure goes, then where that state goes, to a Fail state. */
function failureRoute(states: Record<string, AslState>, from: string): string[] {
  const route: string[] = [];
  let name = states[from]?.Catch?.find((c) => c.ErrorEquals.includes('States.ALL'))?.Next;
  while (name !== undefined) {
    route.push(name);
    const state = states[name];
    name = state?.Type === 'Fail' ? undefined : state?.Next;
  }
  return route;
}

/** start → a → b → c → d → end; a, b, c compensable, d not. */
const saga = (extra: { pivot?: string } = {}) =>
  flowOf(
    [
      el.start('start'),
      el.task('a'),
      el.task('b', {
        service: 'Payment',
        operation: 'charge',
        compensation: { operation: 'refund', input: '{ "id": paymentId }' },
      }),
      el.task('c', extra.pivot === 'c' ? { pivot: true, compensation: undefined } : {}),
      el.task('d', { compensation: undefined }),
      el.end('end'),
    ],
    chain('start', 'a', 'b', 'c', 'd', 'end'),
  );

describe('compensation as Catch chains', () => {
  it('a failure after step N undoes N..1 in reverse order, then fails as compensated', () => {
    const { States } = definitionOf(saga());
    expect(failureRoute(States, 'a')).toEqual(['__failed']);
    expect(failureRoute(States, 'b')).toEqual(['__undo_a', '__compensated']);
    expect(failureRoute(States, 'c')).toEqual(['__undo_b', '__undo_a', '__compensated']);
    expect(failureRoute(States, 'd')).toEqual([
      '__undo_c',
      '__undo_b',
      '__undo_a',
      '__compensated',
    ]);
    expect(States.__compensated).toMatchObject({ Type: 'Fail', Error: 'Baton.Compensated' });
  });

  it('each undo calls the compensating operation with its mapping, retried, or needs attention', () => {
    const undo = definitionOf(saga()).States.__undo_b!;
    expect(undo).toMatchObject({
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:Payment-refund',
      Arguments: '{% $states.input.({ "id": paymentId }) %}',
      Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2, BackoffRate: 2 }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: '__needsAttention' }],
    });
  });

  it('passes the instance data, not the error, into the chain', () => {
    const catcher = definitionOf(saga()).States.c!.Catch![0]!;
    expect(catcher.Output).toBe('{% $states.input %}');
  });

  it('after the pivot step a failure is not undone: it fails', () => {
    const { States } = definitionOf(saga({ pivot: 'c' }));
    expect(failureRoute(States, 'c')).toEqual(['__undo_b', '__undo_a', '__compensated']);
    expect(failureRoute(States, 'd')).toEqual(['__failed']);
  });

  it('an error boundary catches the failure instead of the chain', () => {
    const doc = flowOf(
      [
        el.start('start'),
        el.task('a'),
        el.task('b'),
        el.boundary('oops', 'b'),
        el.end('end'),
        el.end('handled'),
      ],
      [...chain('start', 'a', 'b', 'end'), path('oops', 'handled')],
    );
    const { States } = definitionOf(doc);
    expect(States.b!.Catch).toEqual([
      { ErrorEquals: ['States.ALL'], Next: 'oops', Output: '{% $states.input %}' },
    ]);
    expect(States.oops).toMatchObject({ Type: 'Pass', Next: 'handled' });
  });

  it('a timer boundary is the timeout, caught before anything else', () => {
    const doc = flowOf(
      [
        el.start('start'),
        el.task('a'),
        el.boundary('late', 'a', { trigger: 'timer', timer: { durationMs: 90_000 } }),
        el.end('end'),
        el.end('gaveUp'),
      ],
      [...chain('start', 'a', 'end'), path('late', 'gaveUp')],
    );
    const task = definitionOf(doc).States.a!;
    expect(task.TimeoutSeconds).toBe(90);
    expect(task.Catch?.map((c) => [c.ErrorEquals[0], c.Next])).toEqual([
      ['States.Timeout', 'late'],
      ['States.ALL', '__failed'],
    ]);
  });
});

describe('what maps to what', () => {
  it('retry policies become Retry with interval, backoff and max attempts', () => {
    const doc = flowOf(
      [
        el.start('start'),
        el.task('a', {
          retry: {
            maxAttempts: 4,
            backoff: 'exponential',
            initialDelayMs: 2000,
            maxDelayMs: 20_000,
          },
        }),
        el.end('end'),
      ],
      chain('start', 'a', 'end'),
    );
    expect(definitionOf(doc).States.a!.Retry).toEqual([
      {
        ErrorEquals: ['States.ALL'],
        IntervalSeconds: 2,
        MaxAttempts: 3,
        BackoffRate: 2,
        MaxDelaySeconds: 20,
      },
    ]);
  });

  it('exclusive gateways become Choice states with JSONata conditions over the data', () => {
    const doc = flowOf(
      [
        el.start('start'),
        el.xor('big', { default: 'big-small' }),
        el.wait('hold'),
        el.end('small'),
        el.end('end'),
      ],
      [
        path('start', 'big'),
        path('big', 'hold', { condition: 'amount > 100' }),
        path('big', 'small'),
        path('hold', 'end'),
      ],
    );
    expect(definitionOf(doc).States.big).toEqual({
      Type: 'Choice',
      Comment: 'big',
      Choices: [{ Condition: '{% $boolean($states.input.(amount > 100)) %}', Next: 'hold' }],
      Default: 'small',
    });
    expect(definitionOf(doc).States.hold).toMatchObject({ Type: 'Wait', Seconds: 1, Next: 'end' });
  });

  it('parallel forks become Parallel states whose branches end at the join', () => {
    const doc = flowOf(
      [
        el.start('start'),
        el.and('fork'),
        el.task('a'),
        el.task('b'),
        el.and('join'),
        el.task('c', { compensation: undefined }),
        el.end('end'),
      ],
      [...chain('start', 'fork', 'a', 'join', 'c', 'end'), ...chain('fork', 'b', 'join')],
    );
    const { definition, report } = exportAsl(doc);
    const fork = definition!.States.fork!;
    expect(fork.Type).toBe('Parallel');
    expect(fork.Branches?.map((b) => [b.StartAt, b.States[b.StartAt]?.End])).toEqual([
      ['a', true],
      ['b', true],
    ]);
    expect(fork.Next).toBe('c');
    expect(failureRoute(definition!.States, 'fork')).toEqual([
      '__undo_b',
      '__undo_a',
      '__compensated',
    ]);
    expect(failureRoute(definition!.States, 'c')).toEqual([
      '__undo_b',
      '__undo_a',
      '__compensated',
    ]);
    expect(report.find((item) => item.code === 'ASL104')).toMatchObject({
      severity: 'approximated',
      elementId: 'fork',
    });
  });
});

describe('sub-processes', () => {
  /** start → pay → sub[ subStart → reserve → subEnd ] → end, an error boundary optional. */
  const withSubProcess = (boundary: boolean) =>
    flowOf(
      [
        el.start('start'),
        el.task('pay'),
        el.sub('sub'),
        el.start('subStart', { parent: 'sub' }),
        el.task('reserve', { parent: 'sub' }),
        el.end('subEnd', { parent: 'sub' }),
        ...(boundary ? [el.boundary('subFailed', 'sub'), el.end('handled')] : []),
        el.task('ship', { compensation: undefined }),
        el.end('end'),
      ],
      [
        ...chain('start', 'pay', 'sub', 'ship', 'end'),
        ...chain('subStart', 'reserve', 'subEnd'),
        ...(boundary ? [path('subFailed', 'handled')] : []),
      ],
    );

  it('becomes a one-branch Parallel state whose steps end the branch, data passed on', () => {
    const { States } = definitionOf(withSubProcess(false));
    expect(States.sub).toMatchObject({
      Type: 'Parallel',
      Output: '{% $states.result[0] %}',
      Next: 'ship',
    });
    const [branch] = States.sub!.Branches!;
    expect(branch!.StartAt).toBe('subStart');
    expect(branch!.States.reserve?.Catch).toBeUndefined();
    expect(branch!.States.subEnd).toMatchObject({ Type: 'Succeed' });
  });

  it('a failure inside is undone with the steps before it; after it, its steps are undone too', () => {
    const { definition, report } = exportAsl(withSubProcess(false));
    expect(failureRoute(definition!.States, 'sub')).toEqual([
      '__undo_reserve',
      '__undo_pay',
      '__compensated',
    ]);
    expect(failureRoute(definition!.States, 'ship')).toEqual([
      '__undo_reserve',
      '__undo_pay',
      '__compensated',
    ]);
    expect(report.map((item) => item.code)).toContain('ASL105');
  });

  it('its error boundary catches a failure inside instead', () => {
    const { States } = definitionOf(withSubProcess(true));
    expect(States.sub!.Catch).toEqual([
      { ErrorEquals: ['States.ALL'], Next: 'subFailed', Output: '{% $states.input %}' },
    ]);
    expect(States.subFailed).toMatchObject({ Type: 'Pass', Next: 'handled' });
  });
});

describe('the export report', () => {
  it('lists what ASL cannot express as drawn, never dropping it silently', () => {
    const doc = flowOf(
      [
        el.start('start', { trigger: 'message', eventType: 'OrderPlaced' }),
        el.user('approve'),
        { type: 'messageCatch', id: 'paid', name: 'paid', eventType: 'Paid' },
        el.call('refund', 'refund-flow'),
        el.end('end'),
      ],
      chain('start', 'approve', 'paid', 'refund', 'end'),
    );
    const { definition, report } = exportAsl(doc);
    expect(report.map((item) => [item.code, item.severity, item.elementId])).toEqual([
      ['ASL101', 'note', 'start'],
      ['ASL001', 'approximated', 'approve'],
      ['ASL002', 'approximated', 'paid'],
      ['ASL102', 'note', 'refund'],
      ['ASL100', 'note', undefined],
    ]);
    expect(definition!.States.approve).toMatchObject({
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Next: '__decide_approve',
    });
    expect(definition!.States.__decide_approve).toMatchObject({ Type: 'Choice', Default: 'paid' });
    expect(definition!.States.refund).toMatchObject({
      Resource: 'arn:aws:states:::states:startExecution.sync:2',
      Next: 'end',
    });
  });

  it('reports a timer boundary a Parallel state cannot enforce and leaves its path out', () => {
    const doc = flowOf(
      [
        el.start('start'),
        el.sub('inner'),
        el.start('innerStart', { parent: 'inner' }),
        el.end('innerEnd', { parent: 'inner' }),
        el.boundary('slow', 'inner', { trigger: 'timer', timer: { durationMs: 60_000 } }),
        el.end('end'),
        el.end('late'),
      ],
      [...chain('start', 'inner', 'end'), path('innerStart', 'innerEnd'), path('slow', 'late')],
    );
    const { definition, report } = exportAsl(doc);
    expect(report).toContainEqual(
      expect.objectContaining({ code: 'ASL106', severity: 'unsupported', elementId: 'slow' }),
    );
    expect(Object.keys(definition!.States)).not.toContain('slow');
  });

  it('refuses a choreography map, saying why', () => {
    const [, map] = loadExamples('map')[0]!;
    const result = exportAsl(map);
    expect(result.definition).toBeNull();
    expect(result.refused).toContain('choreography map');
  });

  it('refuses a flow that does not compile, with its diagnostics', () => {
    const result = exportAsl(flowOf([el.task('a')], []));
    expect(result.definition).toBeNull();
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});
