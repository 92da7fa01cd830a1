import { describe, expect, it } from 'vitest';
import { documentOf } from '../../test/shared/documents';
import { canConnect } from './canConnect';

const flow = documentOf(
  'flow',
  [
    ['start', 'startEvent'],
    ['task', 'serviceTask'],
    ['review', 'userTask'],
    ['gateway', 'exclusiveGateway'],
    ['end', 'endEvent'],
  ],
  [['flow_1', 'start', 'task']],
);

const map = documentOf(
  'map',
  [
    ['billing', 'service'],
    ['shipping', 'service'],
    ['paid', 'eventType'],
    ['shipped', 'eventType'],
  ],
  [['link_1', 'billing', 'paid']],
);

const docs = { flow, map };

type Case = readonly [
  scenario: string,
  doc: keyof typeof docs,
  source: string,
  target: string,
  refusal: RegExp | null,
];

const cases: readonly Case[] = [
  ['start → task', 'flow', 'start', 'review', null],
  ['task → user task', 'flow', 'task', 'review', null],
  ['task → gateway', 'flow', 'task', 'gateway', null],
  ['gateway → end', 'flow', 'gateway', 'end', null],
  ['gateway → task (a loop back)', 'flow', 'gateway', 'task', null],
  [
    'task → start (the reverse of an existing connection)',
    'flow',
    'task',
    'start',
    /start has no incoming/,
  ],
  ['an element to itself', 'flow', 'task', 'task', /cannot connect to itself/],
  ['a start event as the target', 'flow', 'review', 'start', /start has no incoming paths/],
  ['an end event as the source', 'flow', 'end', 'task', /end has no outgoing paths/],
  ['a second connection between the same elements', 'flow', 'start', 'task', /already connected/],
  ['an unknown source', 'flow', 'ghost', 'task', /both ends must be elements/],
  ['an unknown target', 'flow', 'task', 'ghost', /both ends must be elements/],
  ['a connection id as the target', 'flow', 'task', 'flow_1', /both ends must be elements/],
  ['service → event type', 'map', 'shipping', 'shipped', null],
  ['event type → service', 'map', 'paid', 'shipping', null],
  ['service → service', 'map', 'billing', 'shipping', /services publish events/],
  ['event type → event type', 'map', 'paid', 'shipped', /services publish events/],
  ['an existing map link', 'map', 'billing', 'paid', /already connected/],
  ['a map element to itself', 'map', 'paid', 'paid', /cannot connect to itself/],
  ['an unknown map element', 'map', 'billing', 'ghost', /both ends must be elements/],
];

describe('canConnect', () => {
  it.each(cases)(
    'given %s, then the verdict is as expected',
    (_scenario, doc, source, target, refusal) => {
      const verdict = canConnect(docs[doc], source, target);

      if (refusal === null) {
        expect(verdict).toEqual({ allowed: true });
      } else {
        expect(verdict.allowed).toBe(false);
        expect(verdict.allowed ? '' : verdict.reason).toMatch(refusal);
      }
    },
  );

  it('given an allowed connection, when asked, then the document is left as it was', () => {
    const before = structuredClone(flow);

    canConnect(flow, 'task', 'end');

    expect(flow).toEqual(before);
  });
});
