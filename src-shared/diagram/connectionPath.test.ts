import { describe, expect, it } from 'vitest';
import {
  connectionEnds,
  dragSegment,
  fitRouteToEnds,
  followEnds,
  impliedWaypoints,
  insertBend,
  moveBend,
  removeBend,
  routeEntersBoxes,
  segmentMidpoints,
  simplifyPath,
  snapBend,
} from './connectionPath';

const p = (x: number, y: number) => ({ x, y });

describe('connectionEnds', () => {
  it('leaves the middle of the source’s right side and enters the middle of the target’s left side', () => {
    expect(
      connectionEnds(
        { x: 0, y: 0, width: 160, height: 64 },
        { x: 300, y: 100, width: 48, height: 48 },
      ),
    ).toEqual({ start: p(160, 32), end: p(300, 124) });
  });
});

describe('simplifyPath', () => {
  it.each([
    ['repeated points', [p(0, 0), p(0, 0), p(10, 0)], [p(0, 0), p(10, 0)]],
    [
      'a bend in a straight run',
      [p(0, 0), p(5, 0), p(10, 0), p(10, 10)],
      [p(0, 0), p(10, 0), p(10, 10)],
    ],
    ['a slanted straight run', [p(0, 0), p(5, 5), p(10, 10)], [p(0, 0), p(10, 10)]],
    ['a turn', [p(0, 0), p(10, 0), p(10, 10)], [p(0, 0), p(10, 0), p(10, 10)]],
    ['a run that doubles back', [p(0, 0), p(10, 0), p(5, 0)], [p(0, 0), p(10, 0), p(5, 0)]],
  ])('given %s, then it keeps only the points where the path turns', (_, given, expected) => {
    expect(simplifyPath(given)).toEqual(expected);
  });
});

describe('fitRouteToEnds', () => {
  it('given a route that leaves lower than the start, then its first bend moves up to the start’s height', () => {
    // As ELK routes: out at y=40 while the canvas leaves at y=32, then down to the target's row.
    const fitted = fitRouteToEnds(p(160, 32), [p(200, 40), p(200, 120)], p(300, 120));
    expect(fitted).toEqual([p(200, 32), p(200, 120)]);
  });

  it('given a route that enters higher than the end, then its last bend moves down to the end’s height', () => {
    const fitted = fitRouteToEnds(p(160, 32), [p(200, 32), p(200, 110)], p(300, 124));
    expect(fitted).toEqual([p(200, 32), p(200, 124)]);
  });

  it('given a first bend below the start with a horizontal run after it, then a corner is added ahead of it', () => {
    const fitted = fitRouteToEnds(p(160, 32), [p(180, 90), p(400, 90)], p(400, 90));
    expect(fitted).toEqual([p(180, 32), p(180, 90)]);
  });

  it('given a route leaving from under the source (behind its right side), then it turns after a stub', () => {
    // A boundary event's path as ELK draws it: down from its bottom, then right.
    const fitted = fitRouteToEnds(p(120, 100), [p(100, 160), p(300, 160)], p(300, 160));
    expect(fitted).toEqual([p(140, 100), p(140, 160)]);
  });

  it('given a slanted first leg drawn by hand, then it is left as drawn', () => {
    expect(fitRouteToEnds(p(0, 0), [p(50, 50)], p(100, 0))).toEqual([p(50, 50)]);
  });

  it('given bends that no longer turn, then they are dropped', () => {
    expect(fitRouteToEnds(p(0, 0), [p(50, 0)], p(100, 0))).toEqual([]);
  });
});

describe('followEnds', () => {
  const before = { start: p(160, 32), end: p(400, 132) };
  const route = [p(250, 32), p(250, 132)];

  it('given both ends moved alike, then the bends move along', () => {
    const after = { start: p(200, 82), end: p(440, 182) };
    expect(followEnds(route, before, after)).toEqual([p(290, 82), p(290, 182)]);
  });

  it('given the source moved down, then the route still leaves it horizontally', () => {
    const after = { start: p(160, 72), end: p(400, 132) };
    expect(followEnds(route, before, after)).toEqual([p(250, 72), p(250, 132)]);
  });

  it('given the target moved up, then the route still enters it horizontally', () => {
    const after = { start: p(160, 32), end: p(400, 100) };
    expect(followEnds(route, before, after)).toEqual([p(250, 32), p(250, 100)]);
  });
});

describe('routeEntersBoxes', () => {
  const box = { x: 0, y: 0, width: 100, height: 50 };
  it.each([
    [p(50, 25), true],
    [p(100, 25), false],
    [p(150, 25), false],
  ])('given a bend at %o, then it is inside: %s', (point, inside) => {
    expect(routeEntersBoxes([point], [box])).toBe(inside);
  });
});

describe('editing bends', () => {
  const start = p(0, 0);
  const end = p(200, 100);

  it('puts a handle in the middle of each segment', () => {
    expect(segmentMidpoints([start, p(100, 0), end])).toEqual([p(50, 0), p(150, 50)]);
  });

  it('snaps a bend to the lines of its neighbours when close, and rounds it', () => {
    expect(snapBend(p(103.4, 5), [start, end])).toEqual(p(103, 0));
    expect(snapBend(p(196, 50.6), [start, end])).toEqual(p(200, 51));
  });

  it('inserts a bend in the segment it was dragged from', () => {
    const waypoints = [p(100, 0), p(100, 100)];
    expect(insertBend(start, waypoints, end, 2, p(150, 140))).toEqual([
      p(100, 0),
      p(100, 100),
      p(150, 140),
    ]);
    expect(insertBend(start, waypoints, end, 0, p(50, 30))).toEqual([
      p(50, 30),
      p(100, 0),
      p(100, 100),
    ]);
  });

  it('moves a bend, snapping to its neighbours', () => {
    expect(moveBend(start, [p(100, 0), p(100, 100)], end, 0, p(140, 4))).toEqual([
      p(140, 0),
      p(100, 100),
    ]);
  });

  it('moves a square segment between two bends across its direction, keeping the route square', () => {
    const waypoints = [p(100, 0), p(100, 100)];
    expect(dragSegment(start, waypoints, end, 1, p(140, 30))).toEqual([p(140, 0), p(140, 100)]);
    const stepped = [p(50, 0), p(50, 60), p(150, 60), p(150, 100)];
    expect(dragSegment(start, stepped, end, 2, p(90, 80))).toEqual([
      p(50, 0),
      p(50, 80),
      p(150, 80),
      p(150, 100),
    ]);
  });

  it('moves a straight connection down with a step out of each element, so that it goes round below', () => {
    expect(dragSegment(p(0, 0), [], p(200, 0), 0, p(90, 81.6))).toEqual([
      p(20, 0),
      p(20, 82),
      p(180, 82),
      p(180, 0),
    ]);
  });

  it('moves the first segment of a route with a step out of the source, keeping the next turn square', () => {
    const waypoints = [p(100, 0), p(100, 100)];
    expect(dragSegment(start, waypoints, end, 0, p(50, -40))).toEqual([
      p(20, 0),
      p(20, -40),
      p(100, -40),
      p(100, 100),
    ]);
  });

  it('adds a bend where a slanted segment is dragged', () => {
    expect(dragSegment(start, [], end, 0, p(100, 120))).toEqual([p(100, 120)]);
  });

  it('removes a bend', () => {
    expect(removeBend([p(100, 0), p(100, 100)], 0)).toEqual([p(100, 100)]);
  });

  it('gives a connection going forward the step it is drawn with, and one going back none', () => {
    expect(impliedWaypoints(start, end)).toEqual([p(100, 0), p(100, 100)]);
    expect(impliedWaypoints(start, p(200, 0))).toEqual([]);
    expect(impliedWaypoints(end, start)).toEqual([]);
  });
});
