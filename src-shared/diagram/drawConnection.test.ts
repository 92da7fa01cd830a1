import { describe, expect, it } from 'vitest';
import { connectionEnds } from './connectionPath';
import { pathData, pathMidpoint, routeConnection } from './drawConnection';

const source = { x: 0, y: 0, width: 160, height: 64 };
const target = { x: 300, y: 200, width: 48, height: 48 };

describe('routeConnection with saved bends (as the canvas draws them)', () => {
  it('runs from the source’s right side through every bend to the target’s left side', () => {
    const bends = [
      { x: 230, y: 32 },
      { x: 230, y: 224 },
    ];
    const { start, end } = connectionEnds(source, target);

    expect(routeConnection(source, target, bends)).toEqual([start, ...bends, end]);
  });

  it('draws each bend as a rounded corner, on the bend, and labels the path halfway along it', () => {
    const points = routeConnection(source, target, [
      { x: 230, y: 32 },
      { x: 230, y: 224 },
    ]);

    const d = pathData(points);

    expect(d.startsWith('M160 32')).toBe(true);
    expect(d).toContain('Q230 32 230 38');
    expect(d).toContain('Q230 224 236 224');
    expect(d.endsWith('L300 224')).toBe(true);
    // 70 + 192 + 70 long: halfway is the middle of the vertical run.
    expect(pathMidpoint(points)).toEqual({ x: 230, y: 128 });
  });
});
