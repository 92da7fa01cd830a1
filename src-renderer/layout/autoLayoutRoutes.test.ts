import { describe, expect, it } from 'vitest';
import { connectionEnds } from '../../src-shared/diagram/connectionPath';
import type { Point } from '../../src-shared/diagram/geometry';
import { createEditorState, execute, undo } from '../../src-shared/editing/history';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { applied, boxesOf, loadExample } from '../../test/helpers/layoutDocuments';
import { autoLayout } from './autoLayout';
import type { Box } from './geometry';

/** Each routed connection's whole path: out of its source, through its bends, into its target. */
function routedPaths(doc: WorkflowDocument): Map<string, Point[]> {
  const boxes = boxesOf(doc);
  const paths = new Map<string, Point[]>();
  for (const connection of doc.model.connections) {
    const waypoints = doc.diagram.edges?.[connection.id]?.waypoints;
    if (!waypoints) continue;
    const { start, end } = connectionEnds(
      boxes.get(connection.source)!,
      boxes.get(connection.target)!,
    );
    paths.set(connection.id, [start, ...waypoints, end]);
  }
  return paths;
}

/** Whether a horizontal or vertical segment runs through the inside of a box. */
function crosses(a: Point, b: Point, box: Box): boolean {
  const [left, right] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [top, bottom] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return (
    left < box.x + box.width - 1 &&
    right > box.x + 1 &&
    top < box.y + box.height - 1 &&
    bottom > box.y + 1
  );
}

const EXAMPLES = [
  'order-saga',
  'travel-booking',
  'kyc-onboarding',
  'customs-clearance',
  'media-encoding',
  'customer-onboarding',
  'order-fanout',
  'choreography-saga',
  'logistics-hybrid',
];

describe('autoLayout: routes', () => {
  it('given a saga with a fork, when laid out, then the connections to and from the branches are routed', async () => {
    const doc = loadExample('travel-booking');

    const command = await autoLayout(doc);

    expect(Object.keys((command?.type === 'nodes.move' && command.routes) || {}).sort()).toEqual([
      'flow_car_join',
      'flow_flight_join',
      'flow_fork_car',
      'flow_fork_flight',
    ]);
  });

  it.each(EXAMPLES)(
    'given %s, when laid out, then every route is square and leaves and enters its elements horizontally',
    async (name) => {
      const doc = loadExample(name);
      const after = applied(doc, await autoLayout(doc));
      const paths = routedPaths(after);
      for (const [id, path] of paths) {
        path.slice(1).forEach((point, index) => {
          const previous = path[index]!;
          const square = point.x === previous.x || point.y === previous.y;
          expect(square, `${id} segment ${index} is horizontal or vertical`).toBe(true);
        });
        expect(path[1]!.y, `${id} leaves horizontally`).toBe(path[0]!.y);
        expect(path.at(-2)!.y, `${id} enters horizontally`).toBe(path.at(-1)!.y);
      }
    },
  );

  it.each(EXAMPLES)(
    'given %s, when laid out, then no routed connection runs through an element',
    async (name) => {
      const doc = loadExample(name);
      const after = applied(doc, await autoLayout(doc));
      const boxes = boxesOf(after);
      const containers = new Set(
        after.model.elements
          .filter((element) => ['subProcess', 'lane', 'group'].includes(element.type))
          .map((element) => element.id),
      );
      for (const [id, path] of routedPaths(after)) {
        const connection = after.model.connections.find((item) => item.id === id)!;
        for (const [elementId, box] of boxes) {
          if (containers.has(elementId)) continue;
          if (elementId === connection.source || elementId === connection.target) continue;
          path.slice(1).forEach((point, index) => {
            expect(crosses(path[index]!, point, box), `${id} crosses ${elementId}`).toBe(false);
          });
        }
      }
    },
  );

  it('given a laid-out saga, when undone once, then the shapes and the routes are as before', async () => {
    const doc = loadExample('travel-booking');
    const command = await autoLayout(doc);

    const state = undo(execute(createEditorState(doc), command!));

    expect(state.doc).toBe(doc);
    expect(doc.diagram.edges).toBeUndefined();
  });

  it('given a laid-out saga, when laid out again, then nothing changes', async () => {
    const once = applied(
      loadExample('travel-booking'),
      await autoLayout(loadExample('travel-booking')),
    );

    expect(await autoLayout(once)).toBeNull();
  });

  it('given a selection, when laid out, then only the connections among the selection are routed', async () => {
    const doc = loadExample('travel-booking');
    const ids = ['bookAll', 'bookFlight', 'reserveHotel', 'reserveCar'];

    const command = await autoLayout(doc, { ids });

    const routed = Object.keys((command?.type === 'nodes.move' && command.routes) || {});
    expect(routed.length).toBeGreaterThan(0);
    for (const id of routed) {
      const connection = doc.model.connections.find((item) => item.id === id)!;
      expect(ids).toContain(connection.source);
      expect(ids).toContain(connection.target);
    }
  });
});
