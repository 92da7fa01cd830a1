import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { map, mapCases, orderSaga, react } from '../../../test/fixtures/compiler/maps';
import { runChoreography } from '../../../test/shared/choreographyHarness';
import type { WorkflowDocument } from '../../model/document';
import { compileMap } from './compileMap';
import {
  createServiceMachine,
  createTrackerMachine,
  reachedMilestones,
  type ServiceEvent,
  type TrackerEvent,
} from './mapMachineSetup';

/** Runs one service of a compiled case with the given events; returns its state and effects. */
function runService(doc: WorkflowDocument, serviceId: string, events: ServiceEvent[]) {
  const json = compileMap(doc).compiled?.services[serviceId];
  if (!json) throw new Error(`no machine for ${serviceId}`);
  const effects: string[] = [];
  const actor = createActor(
    createServiceMachine(json, ({ effect, params, context }) => {
      const subject =
        params.operation ?? params.eventType ?? params.outcome ?? params.flowId ?? params.step;
      const data = effect === 'effect.publish' ? ` ${JSON.stringify(context.data)}` : '';
      effects.push(`${effect.slice('effect.'.length)} ${String(subject)}${data}`);
    }),
  );
  actor.start();
  for (const event of events) actor.send(event);
  return { value: actor.getSnapshot().value, context: actor.getSnapshot().context, effects };
}

const deliver = (eventType: string, reaction: string, deliveryId = 'd1'): ServiceEvent => ({
  type: 'event.delivered',
  eventType,
  reaction,
  deliveryId,
  correlationId: 'order-7',
  payload: { amount: 120 },
});
const ok = (step: string, output?: Record<string, unknown>, deliveryId = 'd1'): ServiceEvent => ({
  type: 'call.ok',
  deliveryId,
  step,
  ...(output ? { output } : {}),
});
const published = (step: string, deliveryId = 'd1'): ServiceEvent => ({
  type: 'publish.done',
  deliveryId,
  step,
});

describe('a reaction to a delivered event', () => {
  it('runs its operations in order, then publishes its success events and acknowledges', () => {
    const result = runService(orderSaga, 'payment', [
      deliver('orderPlaced', 'e2'),
      ok('call_0', { authorization: 'A1' }),
      ok('call_1'),
      published('success_0'),
    ]);

    expect(result.effects).toEqual([
      'call authorize',
      'call capture',
      'publish paymentCaptured {"amount":120,"authorization":"A1"}',
      'settle succeeded',
    ]);
    expect(result.value).toBe('__idle');
    expect(result.context).toEqual({ delivery: null, step: null, data: {} });
  });

  it('publishes its failure events when a call fails, and skips the calls after it', () => {
    const result = runService(orderSaga, 'payment', [
      deliver('orderPlaced', 'e2'),
      { type: 'call.timeout', deliveryId: 'd1', step: 'call_0' },
      published('failure_0'),
    ]);

    expect(result.effects).toEqual([
      'call authorize',
      'publish paymentFailed {"amount":120}',
      'settle failed',
    ]);
    expect(result.value).toBe('__idle');
  });

  it('publishes nothing when its condition does not hold', () => {
    const result = runService(mapCases['reaction.condition']!, 'fraud', [
      deliver('orderPlaced', 'e1'),
      { type: 'condition.decided', deliveryId: 'd1', step: 'condition', holds: false },
    ]);

    expect(result.effects).toEqual(['evaluate condition', 'settle skipped']);
  });

  it('gives the delivery back to the broker when it fails with no failure event to publish', () => {
    const result = runService(mapCases['reaction.condition']!, 'fraud', [
      deliver('orderPlaced', 'e1'),
      { type: 'condition.decided', deliveryId: 'd1', step: 'condition', holds: true },
      { type: 'call.failed', deliveryId: 'd1', step: 'call_0' },
    ]);

    expect(result.effects).toEqual(['evaluate condition', 'call screen', 'settle rejected']);
  });

  it('ignores late results of another delivery or step, and deliveries while busy', () => {
    const result = runService(orderSaga, 'payment', [
      deliver('orderPlaced', 'e2', 'd1'),
      deliver('stockUnavailable', 'e10', 'd2'),
      ok('call_0', {}, 'd0'),
      ok('call_1'),
    ]);

    expect(result.effects).toEqual(['call authorize']);
    expect(result.value).toEqual({ react_e2: '__call_0' });
  });

  it('handles the next delivery once the last one is settled', () => {
    const result = runService(orderSaga, 'payment', [
      deliver('orderPlaced', 'e2', 'd1'),
      { type: 'call.failed', deliveryId: 'd1', step: 'call_0' },
      published('failure_0'),
      deliver('stockUnavailable', 'e10', 'd2'),
      ok('call_0', {}, 'd2'),
      published('success_0', 'd2'),
    ]);

    expect(result.effects.slice(3)).toEqual([
      'call refund',
      'publish orderCancelled {"amount":120}',
      'settle succeeded',
    ]);
  });
});

describe('a reaction that starts a flow (the hybrid case)', () => {
  const customs = mapCases['reaction.startsFlow']!;

  it('waits for the flow: completed publishes the success events', () => {
    const waiting = runService(customs, 'customs', [deliver('shipmentArrived', 'e1')]);
    const done = runService(customs, 'customs', [
      deliver('shipmentArrived', 'e1'),
      { type: 'subflow.completed', deliveryId: 'd1', step: 'subflow', output: { cleared: true } },
      published('success_0'),
    ]);

    expect(waiting.effects).toEqual(['startSubflow customs-clearance']);
    expect(waiting.value).toEqual({ react_e1: '__subflow' });
    expect(done.effects.slice(1)).toEqual([
      'publish clearanceGranted {"amount":120,"cleared":true}',
      'settle succeeded',
    ]);
  });

  it('a flow that ended compensated publishes the failure events', () => {
    const result = runService(customs, 'customs', [
      deliver('shipmentArrived', 'e1'),
      { type: 'subflow.failed', deliveryId: 'd1', step: 'subflow', status: 'compensated' },
      published('failure_0'),
    ]);

    expect(result.effects.slice(1)).toEqual([
      'publish clearanceRefused {"amount":120}',
      'settle failed',
    ]);
  });
});

describe('starting an instance', () => {
  it('the service with a publish edge to an initial event publishes it; no other event starts', () => {
    const start = (eventType: string): ServiceEvent => ({
      type: 'instance.start',
      eventType,
      deliveryId: 'r1',
      payload: { amount: 80 },
    });

    const result = runService(orderSaga, 'shop', [
      start('orderRejected'),
      start('orderPlaced'),
      published('start', 'r1'),
    ]);

    expect(result.effects).toEqual(['publish orderPlaced {"amount":80}']);
    expect(result.value).toBe('__idle');
  });

  it('works with ids that hold dots, which XState would otherwise read as paths', () => {
    const doc = map(
      [
        ['billing.svc', 'service'],
        ['order.placed', 'eventType'],
        ['order.billed', 'eventType'],
      ],
      [
        ['order.placed', 'billing.svc', react({ emitsOnSuccess: ['order.billed'] })],
        ['billing.svc', 'order.billed'],
      ],
    );
    doc.model.connections[0]!.id = 'on.placed';

    const result = runService(doc, 'billing.svc', [
      deliver('order.placed', 'on.placed'),
      published('success_0'),
    ]);

    expect(result.effects).toEqual(['publish order.billed {"amount":120}', 'settle succeeded']);
  });
});

describe('the instance tracker', () => {
  const track = (events: string[]) => {
    const actor = createActor(createTrackerMachine(compileMap(orderSaga).compiled!.tracker));
    actor.start();
    for (const eventType of events) {
      // A finished tracker hears nothing more: the runtime stops sending it events.
      if (actor.getSnapshot().status !== 'active') break;
      actor.send({ type: 'event.published', eventType } satisfies TrackerEvent);
    }
    return actor.getSnapshot();
  };

  it('records each published event as a milestone, in order, duplicates included', () => {
    const snapshot = track(['orderPlaced', 'paymentCaptured', 'paymentCaptured']);

    expect(snapshot.value).toBe('__running');
    expect(snapshot.context.milestones.map((m) => m.eventType)).toEqual([
      'orderPlaced',
      'paymentCaptured',
      'paymentCaptured',
    ]);
    expect(reachedMilestones(snapshot.context)).toEqual(['orderPlaced', 'paymentCaptured']);
  });

  it.each([
    ['orderConfirmed', '__completed'],
    ['orderCancelled', '__compensated'],
    ['orderRejected', '__failed'],
  ])('ends when %s is published, in %s', (terminal, state) => {
    const snapshot = track(['orderPlaced', terminal, 'paymentCaptured']);

    expect(snapshot.value).toBe(state);
    expect(snapshot.status).toBe('done');
    expect(reachedMilestones(snapshot.context)).toEqual(['orderPlaced', terminal]);
  });
});

describe('the order saga played out on a test broker', () => {
  const compiled = compileMap(orderSaga).compiled!;

  it('completes when every service succeeds', () => {
    const { tracker, log } = runChoreography(compiled, 'orderPlaced');

    expect(tracker.value).toBe('__completed');
    expect(reachedMilestones(tracker.context)).toEqual([
      'orderPlaced',
      'paymentCaptured',
      'stockReserved',
      'orderConfirmed',
    ]);
    expect(log.filter((line) => line.includes('settles'))).toEqual([
      'payment settles succeeded',
      'inventory settles succeeded',
      'shipping settles succeeded',
    ]);
  });

  it('is compensated when stock runs out: the payment is refunded', () => {
    const { tracker, log } = runChoreography(compiled, 'orderPlaced', {
      failing: new Set(['Inventory.reserve']),
    });

    expect(tracker.value).toBe('__compensated');
    expect(log).toContain('payment calls refund');
    expect(reachedMilestones(tracker.context)).toEqual([
      'orderPlaced',
      'paymentCaptured',
      'stockUnavailable',
      'orderCancelled',
    ]);
  });
});
