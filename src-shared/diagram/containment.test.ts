import { describe, expect, it } from 'vitest';
import { containerFlow } from '../../test/shared/containerFlow';
import type { WorkflowDocument } from '../model/document';
import {
  canResizeTo,
  contentBounds,
  followBorder,
  hiddenElements,
  laneAt,
  nearestBorderPoint,
  shownBox,
  sitsOnTop,
  snapToBorder,
  subProcessAt,
} from './containment';

const box = { x: 100, y: 100, width: 160, height: 80 };

function collapsed(doc: WorkflowDocument, id: string): WorkflowDocument {
  const shape = doc.diagram.shapes[id]!;
  return {
    ...doc,
    diagram: { shapes: { ...doc.diagram.shapes, [id]: { ...shape, collapsed: true } } },
  };
}

describe('nearestBorderPoint', () => {
  it.each([
    ['outside, left', { x: 40, y: 130 }, { x: 100, y: 130 }],
    ['outside, below and right', { x: 400, y: 400 }, { x: 260, y: 180 }],
    ['inside, near the top', { x: 150, y: 104 }, { x: 150, y: 100 }],
    ['inside, near the right', { x: 250, y: 150 }, { x: 260, y: 150 }],
    ['inside, near the bottom', { x: 120, y: 175 }, { x: 120, y: 180 }],
    ['on the border', { x: 100, y: 150 }, { x: 100, y: 150 }],
  ])('given a point %s, then it is the nearest point of the border', (_, point, expected) => {
    expect(nearestBorderPoint(box, point)).toEqual(expected);
  });
});

describe('snapToBorder', () => {
  it('given a boundary event near the bottom of a task, then its centre lies on the bottom border', () => {
    const at = snapToBorder(box, { width: 36, height: 36 }, { x: 200, y: 170 });
    expect(at).toEqual({ x: 182, y: 162 });
    expect(at.y + 18).toBe(box.y + box.height);
  });
});

describe('followBorder', () => {
  it('given a boundary event on a right border, when the box shrinks, then it stays on the right border at the same share of the height', () => {
    const before = { x: 0, y: 0, width: 360, height: 200 };
    const after = { x: 0, y: 0, width: 160, height: 64 };
    const at = followBorder(before, after, { x: 342, y: 32, width: 36, height: 36 });
    expect(at).toEqual({ x: 142, y: Math.round(0.25 * 64 - 18) });
  });
});

describe('hiddenElements', () => {
  it('given nothing collapsed, then nothing is hidden', () => {
    expect(hiddenElements(containerFlow()).size).toBe(0);
  });

  it('given a collapsed sub-process, then its contents and their boundary events are hidden, not itself', () => {
    expect([...hiddenElements(collapsed(containerFlow(), 'sub'))].sort()).toEqual([
      'boundary',
      'inner',
    ]);
  });

  it('given a collapsed sub-process, then it is drawn at task size', () => {
    const doc = collapsed(containerFlow(), 'sub');
    const sub = doc.model.elements.find((element) => element.id === 'sub')!;
    expect(shownBox(doc, sub)).toEqual({ x: 100, y: 50, width: 160, height: 64 });
  });
});

describe('containers at a point', () => {
  it.each([
    ['inside the sub-process', { x: 400, y: 200 }, 'sub', 'lane'],
    ['inside the lane only', { x: 500, y: 400 }, undefined, 'lane'],
    ['outside everything', { x: 1200, y: 900 }, undefined, undefined],
  ])('given a point %s, then its sub-process and lane are found', (_, point, sub, lane) => {
    const doc = containerFlow();
    expect(subProcessAt(doc, point)).toBe(sub);
    expect(laneAt(doc, point)).toBe(lane);
  });

  it('given a collapsed sub-process, then nothing is dropped into it', () => {
    expect(subProcessAt(collapsed(containerFlow(), 'sub'), { x: 150, y: 80 })).toBeUndefined();
  });

  it('given nested sub-processes, then the innermost wins', () => {
    const doc = containerFlow();
    const nested: WorkflowDocument = {
      ...doc,
      model: {
        ...doc.model,
        elements: [
          ...doc.model.elements,
          { id: 'deep', type: 'subProcess', name: 'Deep', parent: 'sub' },
        ],
      },
      diagram: {
        shapes: { ...doc.diagram.shapes, deep: { x: 120, y: 60, width: 300, height: 180 } },
      },
    };
    expect(subProcessAt(nested, { x: 400, y: 200 })).toBe('deep');
    expect(subProcessAt(nested, { x: 400, y: 200 }, new Set(['deep']))).toBe('sub');
  });
});

describe('sitsOnTop', () => {
  const onTop = (y: number) => {
    const doc = containerFlow();
    const moved = {
      ...doc,
      diagram: { shapes: { ...doc.diagram.shapes, boundary: { x: 212, y } } },
    };
    return sitsOnTop(
      moved,
      moved.model.elements.find((element) => element.id === 'boundary')!,
    );
  };

  it('given a boundary event centred on the top border of its task, then it sits on top', () => {
    expect(onTop(100 - 18)).toBe(true);
  });

  it('given a boundary event on the bottom border, then it does not', () => {
    expect(onTop(164 - 18)).toBe(false);
  });
});

describe('contentBounds and canResizeTo', () => {
  it('given a sub-process holding a task with a boundary event, then its contents span both, with a margin', () => {
    // inner: 150..310 × 100..164; its boundary event: 212..248 × 146..182.
    expect(contentBounds(containerFlow(), 'sub')).toEqual({
      x: 140,
      y: 90,
      width: 180,
      height: 102,
    });
  });

  it.each([
    ['larger', { x: 100, y: 50, width: 500, height: 300 }, true],
    ['just around its contents', { x: 140, y: 90, width: 180, height: 102 }, true],
    ['cutting into its contents', { x: 100, y: 50, width: 200, height: 100 }, false],
  ])('given a sub-process resized %s, then canResizeTo says %s', (_, box, allowed) => {
    expect(canResizeTo(containerFlow(), 'sub', box)).toBe(allowed);
  });

  it('given a lane, then it may be resized over or away from its elements', () => {
    expect(canResizeTo(containerFlow(), 'lane', { x: 0, y: 0, width: 50, height: 50 })).toBe(true);
  });
});
