import type { InternalNode } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { createElement } from '../../src-shared/model/createElement';
import type { ElementType } from '../../src-shared/model/elementTypes';
import type { Diagnostic } from '../../src-shared/validation/Diagnostic';
import { problemMarks, runMarks } from './farMarks';
import type { ElementFlowNode } from './toFlow';

/** A node as React Flow keeps it once measured: where it is and how big. */
function measured(
  id: string,
  type: ElementType,
  x: number,
  y: number,
  width: number,
  height: number,
) {
  return {
    id,
    data: { element: createElement(type, id, id) },
    measured: { width, height },
    internals: { positionAbsolute: { x, y } },
  } as unknown as InternalNode<ElementFlowNode>;
}

const lookup = new Map([
  ['start', measured('start', 'startEvent', -200, 0, 40, 40)],
  ['pay', measured('pay', 'serviceTask', 0, 0, 160, 64)],
  ['ship', measured('ship', 'serviceTask', 300, 0, 160, 64)],
]);

describe('the far layer’s run marks', () => {
  it('outlines each element it paints in its state’s colour, round for events', () => {
    const marks = runMarks(
      { start: 'completed', pay: 'failed', ship: 'compensated' },
      lookup,
      new Set(['start', 'pay', 'ship']),
    );
    expect(marks).toEqual([
      { x: -200, y: 0, width: 40, height: 40, round: true, colour: '--run-completed' },
      { x: 0, y: 0, width: 160, height: 64, round: false, colour: '--run-failed' },
      { x: 300, y: 0, width: 160, height: 64, round: false, colour: '--run-compensated' },
    ]);
  });

  it('leaves out elements React Flow draws itself, and unknown ones; none without a run', () => {
    const states = { start: 'completed', pay: 'active', gone: 'completed' } as const;
    expect(runMarks(states, lookup, new Set(['pay', 'gone'])).map((mark) => mark.colour)).toEqual([
      '--run-active',
    ]);
    expect(runMarks(undefined, lookup, new Set(['pay']))).toEqual([]);
  });

  it('puts a problem badge on the top right corner in the worst severity’s colour', () => {
    const problem = (severity: Diagnostic['severity']) => ({ severity }) as Diagnostic;
    const problems = new Map([['pay', [problem('warning'), problem('error')]]]);
    expect(problemMarks(problems, lookup, new Set(['pay']))).toEqual([
      { x: 160, y: 0, colour: '--danger' },
    ]);
  });
});
