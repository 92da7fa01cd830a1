import { describe, expect, it } from 'vitest';
import { documentOf } from '../../test/shared/documents';
import { canReconnect } from './canReconnect';

const doc = documentOf(
  'flow',
  [
    ['start', 'startEvent'],
    ['task', 'serviceTask'],
    ['other', 'serviceTask'],
    ['end', 'endEvent'],
  ],
  [
    ['flow_1', 'start', 'task'],
    ['flow_2', 'task', 'end'],
    ['flow_3', 'other', 'end'],
  ],
);

describe('canReconnect', () => {
  it.each([
    ['its target to another task', true, 'flow_2', 'task', 'other'],
    ['its source to another task', false, 'flow_2', 'other', 'end'], // other → end exists
    ['its source to a task not yet connected there', true, 'flow_3', 'task', 'other'],
    ['its target back to where it was', true, 'flow_2', 'task', 'end'],
    ['its target onto a start event', false, 'flow_2', 'task', 'start'],
    ['its source onto an end event', false, 'flow_1', 'end', 'task'],
    ['its target onto its own source', false, 'flow_2', 'task', 'task'],
    ['a connection that does not exist', false, 'lost', 'task', 'other'],
  ])('moving %s: allowed %s', (_, allowed, id, source, target) => {
    expect(canReconnect(doc, id, source, target).allowed).toBe(allowed);
  });
});
