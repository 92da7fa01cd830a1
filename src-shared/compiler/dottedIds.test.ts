import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { flow } from '../../test/fixtures/compiler/cases';
import { compileFlow } from './compileFlow';
import { createFlowMachine } from './machineSetup';

describe('element ids with dots (regression: "#pay.card" was read as a path)', () => {
  it('compiles, loads and runs a flow whose ids contain dots', () => {
    const doc = flow(
      [
        ['order.start', 'startEvent'],
        ['fork.all', 'parallelGateway'],
        [
          'pay.card',
          'serviceTask',
          {
            service: 'Shop',
            operation: 'pay',
            timeoutMs: 100,
            compensation: { operation: 'refund' },
          },
        ],
        ['ship.parcel', 'serviceTask', { service: 'Shop', operation: 'ship', timeoutMs: 100 }],
        ['join.all', 'parallelGateway'],
        ['order.done', 'endEvent'],
      ],
      [
        ['order.start', 'fork.all'],
        ['fork.all', 'pay.card'],
        ['fork.all', 'ship.parcel'],
        ['pay.card', 'join.all'],
        ['ship.parcel', 'join.all'],
        ['join.all', 'order.done'],
      ],
    );
    const { machine, diagnostics } = compileFlow(doc);
    expect(diagnostics).toEqual([]);
    const actor = createActor(createFlowMachine(machine!));
    actor.start();
    actor.send({ type: 'instance.start' });
    actor.send({ type: 'call.ok', elementId: 'pay.card' });
    actor.send({ type: 'call.ok', elementId: 'ship.parcel' });
    expect(actor.getSnapshot().value).toBe('__completed');
  });
});
