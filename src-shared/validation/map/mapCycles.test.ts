import { describe, expect, it } from 'vitest';
import { editedOrderMap, mapOf, node, publish, react } from '../../../test/shared/maps';
import { checkCases, type RuleCase } from '../../../test/shared/ruleCases';
import type { WorkflowDocument } from '../../model/document';
import { checkCycles } from './mapCycles';
import { indexMap } from './mapIndex';

/** Services `a`, `b`, `c`… each reacting to the previous event and emitting its own, in a ring. */
function ring(...services: string[]): WorkflowDocument {
  const event = (service: string) => `${service}Done`;
  return mapOf(
    services.flatMap((service) => [
      node.service(service, service.toUpperCase()),
      node.event(event(service), `${service.toUpperCase()}Done`),
    ]),
    services.flatMap((service, index) => {
      const previous = services[(index + services.length - 1) % services.length] ?? service;
      return [
        react(event(previous), service, { emitsOnSuccess: [event(service)] }),
        publish(service, event(service)),
      ];
    }),
  );
}

const reversed = (doc: WorkflowDocument): WorkflowDocument => ({
  ...doc,
  model: {
    elements: [...doc.model.elements].reverse(),
    connections: [...doc.model.connections].reverse(),
  },
});

const messages = (doc: WorkflowDocument) => checkCycles(indexMap(doc)).map((d) => d.message);

const cases: RuleCase[] = [
  ['the clean order map', editedOrderMap(() => {}), []],
  [
    'a reaction that emits the event it reacts to',
    editedOrderMap((doc) => {
      doc.model.connections.push(
        react('paymentFailed', 'payment', { emitsOnFailure: ['paymentFailed'] }),
      );
    }),
    [['CHOR301', 'payment']],
  ],
  [
    'a loop closed only by a failure',
    editedOrderMap((doc) => {
      doc.model.connections.push(
        react('paymentFailed', 'shop', { emitsOnFailure: ['orderPlaced'] }),
      );
    }),
    [['CHOR301', 'inventory']],
  ],
  [
    'a loop behind a condition',
    editedOrderMap((doc) => {
      doc.model.connections.push(
        react('paymentCaptured', 'shop', {
          condition: 'retries < 3',
          emitsOnSuccess: ['orderPlaced'],
        }),
      );
    }),
    [['CHOR301', 'inventory']],
  ],
  ['a ring of three services', ring('c', 'a', 'b'), [['CHOR301', 'a']]],
  [
    'two separate rings',
    mapOf(
      [...ring('a', 'b').model.elements, ...ring('x', 'y').model.elements],
      [...ring('a', 'b').model.connections, ...ring('x', 'y').model.connections],
    ),
    [
      ['CHOR301', 'a'],
      ['CHOR301', 'x'],
    ],
  ],
];

describe('cycles (CHOR301)', () => {
  checkCases((doc) => checkCycles(indexMap(doc)), cases);

  it('given a ring of three services drawn in any order, when checked, then the cycle is spelled from the smallest service id', () => {
    const expected = [
      'Service "A" (a) is in a choreography cycle: A → ADone → B → BDone → C → CDone → A',
    ];

    expect(messages(ring('a', 'b', 'c'))).toEqual(expected);
    expect(messages(ring('c', 'a', 'b'))).toEqual(expected);
    expect(messages(reversed(ring('b', 'c', 'a')))).toEqual(expected);
  });

  it('given two loops through one service, when checked, then it is reported once, with one cycle and the count of events left over', () => {
    const doc = ring('a', 'b', 'c');
    doc.model.elements.push(node.service('d', 'D'), node.event('dDone', 'DDone'));
    doc.model.connections.push(
      react('aDone', 'd', { emitsOnSuccess: ['dDone'] }),
      publish('d', 'dDone'),
      react('dDone', 'a', { emitsOnSuccess: ['aDone'] }),
    );

    expect(messages(doc)).toEqual([
      'Service "A" (a) is in a choreography cycle: A → ADone → B → BDone → C → CDone → A; 1 more event loops with it',
    ]);
  });

  it('given a self-loop, when checked, then the message names the service and the event', () => {
    const doc = mapOf(
      [node.service('payment', 'Payment'), node.event('failed', 'PaymentFailed')],
      [react('failed', 'payment', { emitsOnFailure: ['failed'] }), publish('payment', 'failed')],
    );

    expect(messages(doc)).toEqual([
      'Service "Payment" (payment) is in a choreography cycle: Payment → PaymentFailed → Payment',
    ]);
  });
});
