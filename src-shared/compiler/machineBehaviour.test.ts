import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compilerCases } from '../../test/fixtures/compiler/cases';
import { checkCompensationOrder, explorePaths } from '../../test/shared/machinePaths';
import type { WorkflowDocument } from '../model/document';
import { compileFlow } from './compileFlow';
import { createFlowMachine, type FlowEvent } from './machineSetup';

/** Runs a compiled case with the given events; returns the final state and the effects asked for. */
function run(doc: WorkflowDocument, events: FlowEvent[]) {
  const { machine } = compileFlow(doc);
  if (!machine) throw new Error('no machine');
  const effects: string[] = [];
  const actor = createActor(
    createFlowMachine(machine, ({ effect, params, context }) => {
      const subject =
        effect === 'effect.compensate'
          ? context.completed.at(-1)
          : (params.timerId ?? params.elementId);
      effects.push(`${effect.slice('effect.'.length)} ${String(subject)}`);
    }),
  );
  actor.start();
  actor.send({ type: 'instance.start', input: { amount: 120 } });
  for (const event of events) actor.send(event);
  return { value: actor.getSnapshot().value, context: actor.getSnapshot().context, effects };
}

const ok = (elementId: string): FlowEvent => ({ type: 'call.ok', elementId });
const fail = (elementId: string): FlowEvent => ({ type: 'call.failed', elementId });
const compensated = (elementId: string): FlowEvent => ({ type: 'compensation.ok', elementId });

describe('retries and timeouts', () => {
  it('retries a failed call after a backoff timer, up to the policy, then fails', () => {
    const result = run(compilerCases['retry.backoff']!, [
      fail('a'),
      { type: 'timer.fired', timerId: 'retry:a' },
      { type: 'call.timeout', elementId: 'a' },
      { type: 'timer.fired', timerId: 'retry:a' },
      fail('a'),
    ]);
    expect(result.effects).toEqual([
      'call a',
      'startTimer retry:a',
      'call a',
      'startTimer retry:a',
      'call a',
    ]);
    expect(result.value).toBe('__failed');
    expect(result.context.attempts).toEqual({ a: 3 });
  });
});

describe('compensation', () => {
  it('undoes completed steps in reverse order of completion', () => {
    const result = run(compilerCases['compensation.reverseOrder']!, [
      ok('a'),
      ok('b'),
      fail('c'),
      compensated('b'),
      compensated('a'),
    ]);
    expect(result.effects.filter((effect) => effect.startsWith('compensate'))).toEqual([
      'compensate b',
      'compensate a',
    ]);
    expect(result.value).toBe('__compensated');
  });

  it('undoes parallel branches in the order they completed, whichever branch they were on', () => {
    const result = run(compilerCases['parallel.forkJoin']!, [
      ok('b'),
      ok('a'),
      fail('c'),
      compensated('a'),
      compensated('b'),
    ]);
    expect(result.effects.filter((effect) => effect.startsWith('compensate'))).toEqual([
      'compensate a',
      'compensate b',
    ]);
    expect(result.value).toBe('__compensated');
  });

  it('compensates a finished branch when the other branch fails', () => {
    const result = run(compilerCases['parallel.forkJoin']!, [ok('a'), fail('b'), compensated('a')]);
    expect(result.effects.filter((effect) => effect.startsWith('compensate'))).toEqual([
      'compensate a',
    ]);
    expect(result.value).toBe('__compensated');
  });

  it('retries a failing compensation, then needs a person', () => {
    const retry: FlowEvent = { type: 'timer.fired', timerId: 'compensation-retry' };
    const failed: FlowEvent = { type: 'compensation.failed', elementId: 'b' };
    const result = run(compilerCases['compensation.reverseOrder']!, [
      ok('a'),
      ok('b'),
      fail('c'),
      failed,
      retry,
      failed,
      retry,
      failed,
    ]);
    expect(result.value).toBe('__needsAttention');
    expect(result.effects.filter((effect) => effect === 'compensate b')).toHaveLength(3);
  });

  it('ends as failed, not compensated, when nothing was done that could be undone', () => {
    expect(run(compilerCases['sequence.basic']!, [fail('a')]).value).toBe('__failed');
  });
});

describe('pivot', () => {
  it('after a pivot a failure is not compensated: the run fails forward', () => {
    const result = run(compilerCases['pivot.forwardOnly']!, [
      ok('a'),
      ok('p'),
      fail('n'),
      { type: 'timer.fired', timerId: 'retry:n' },
      fail('n'),
    ]);
    expect(result.value).toBe('__failed');
    expect(result.effects.some((effect) => effect.startsWith('compensate'))).toBe(false);
  });

  it('before the pivot a failure is compensated', () => {
    const result = run(compilerCases['pivot.forwardOnly']!, [ok('a'), fail('p'), compensated('a')]);
    expect(result.value).toBe('__compensated');
  });
});

describe('people, gateways, boundaries, sub-processes', () => {
  it('a rejection takes the reject path; an error end compensates', () => {
    const result = run(compilerCases['userTask.approveReject']!, [
      ok('a'),
      { type: 'user.reject', elementId: 'approval' },
      compensated('a'),
    ]);
    expect(result.value).toBe('__compensated');
  });

  it('an approval completes the flow', () => {
    expect(
      run(compilerCases['userTask.approveReject']!, [
        ok('a'),
        { type: 'user.approve', elementId: 'approval' },
      ]).value,
    ).toBe('__completed');
  });

  it('a timer boundary escalates a waiting person and cancels its timer on leaving', () => {
    const result = run(compilerCases['boundary.timerEscalation']!, [
      { type: 'timer.fired', timerId: 'boundary:late' },
      { type: 'user.approve', elementId: 'senior' },
    ]);
    expect(result.value).toBe('__completed');
    expect(result.effects).toEqual([
      'waitForPerson approval',
      'startTimer boundary:late',
      'cancelTimer boundary:late',
      'waitForPerson senior',
      'startTimer timeout:senior',
      // The decision came in time: its deadline is cancelled.
      'cancelTimer timeout:senior',
    ]);
  });

  it('an error boundary catches a failure and takes its path instead of compensating', () => {
    expect(run(compilerCases['boundary.errorCatch']!, [fail('a'), ok('fallback')]).value).toBe(
      '__completed',
    );
  });

  it("a failure inside a sub-process is caught by the sub-process's error boundary", () => {
    expect(run(compilerCases['subProcess.embedded']!, [fail('inner'), ok('recover')]).value).toBe(
      '__completed',
    );
  });

  it('a gateway follows the path the runtime decided on', () => {
    const result = run(compilerCases['exclusive.defaultPath']!, [
      { type: 'gateway.decided', elementId: 'gw', connectionId: 'f2' },
      ok('big'),
    ]);
    expect(result.effects).toContain('call big');
    expect(result.value).toBe('__completed');
  });

  it('ignores results meant for another element', () => {
    expect(run(compilerCases['sequence.basic']!, [ok('someoneElse')]).value).toEqual({
      __run: { a: 'calling' },
    });
  });
});

describe('every compensation path undoes in reverse order of completion (path enumeration)', () => {
  it.each([
    'compensation.reverseOrder',
    'parallel.forkJoin',
    'parallel.nested',
    'pivot.forwardOnly',
    'userTask.approveReject',
  ])('%s', (name) => {
    const doc = compilerCases[name]!;
    const { machine } = compileFlow(doc);
    expect(checkCompensationOrder(doc, explorePaths(doc, machine!))).toBeGreaterThan(0);
  });
});
