import { describe, expect, it } from 'vitest';
import { deepFreeze, documentOf, sampleFlow } from '../../test/shared/documents';
import { BatonError } from '../contract/errors';
import { WorkflowDocument as DocumentSchema, type WorkflowDocument } from '../model/document';
import { copySelection, planPaste } from './clipboard';
import { applyCommand, describeCommand, type Command } from './commands';
import { createEditorState, execute, redo, undo } from './history';

const p = (x: number, y: number) => ({ x, y });

/** sampleFlow (start → task → end on one row) with `flow_2` (task → end) routed below the row. */
function routedFlow(): WorkflowDocument {
  const doc = sampleFlow();
  return {
    ...doc,
    diagram: { ...doc.diagram, edges: { flow_2: { waypoints: [p(400, 32), p(400, 120)] } } },
  };
}

/** Runs a command through the history and checks that undo and redo are exact. */
function runExactly(doc: WorkflowDocument, command: Command) {
  const given = createEditorState(deepFreeze(doc));
  const executed = execute(given, command);
  expect(executed.past).toHaveLength(1);
  expect(DocumentSchema.safeParse(executed.doc).success).toBe(true);
  expect(undo(executed).doc).toBe(given.doc);
  expect(redo(undo(executed)).doc).toBe(executed.doc);
  return executed.doc;
}

function conflictOf(doc: WorkflowDocument, command: Command): BatonError {
  try {
    applyCommand(doc, command);
  } catch (error) {
    if (error instanceof BatonError) return error;
    throw error;
  }
  throw new Error('the command was accepted');
}

describe('connections.route', () => {
  it('given a connection without a route, when bends are set, then the diagram holds them; undo and redo are exact', () => {
    const after = runExactly(sampleFlow(), {
      type: 'connections.route',
      routes: { flow_1: [p(120, 24), p(120, 200)] },
    });

    expect(after.diagram.edges).toEqual({ flow_1: { waypoints: [p(120, 24), p(120, 200)] } });
  });

  it('given a routed connection, when its route is cleared, then the diagram has no routes left; undo brings it back', () => {
    const doc = routedFlow();

    const after = runExactly(doc, { type: 'connections.route', routes: { flow_2: null } });

    expect(after.diagram).toEqual({ shapes: doc.diagram.shapes });
  });

  it('given the same route again, then nothing changes and no history entry is made', () => {
    const doc = routedFlow();
    const state = execute(createEditorState(doc), {
      type: 'connections.route',
      routes: { flow_2: [p(400, 32), p(400, 120)] },
    });
    expect(state.doc).toBe(doc);
    expect(state.past).toHaveLength(0);
  });

  it.each([
    ['an element', { task: [p(1, 1)] }, /no connection "task"/],
    ['a connection that does not exist', { lost: [p(1, 1)] }, /no connection "lost"/],
    ['a point that is not a number', { flow_1: [p(Number.NaN, 1)] }, /not valid/],
  ])('refuses a route for %s', (_, routes, message) => {
    const error = conflictOf(sampleFlow(), { type: 'connections.route', routes });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(message);
  });

  it('is named for the undo menu', () => {
    expect(describeCommand({ type: 'connections.route', routes: { flow_1: [p(1, 1)] } })).toBe(
      'Route connection',
    );
    expect(describeCommand({ type: 'connections.route', routes: { flow_1: null } })).toBe(
      'Reset route',
    );
    // A layout that only reroutes (every element already in place).
    expect(describeCommand({ type: 'nodes.move', moves: [], routes: { flow_1: [p(1, 1)] } })).toBe(
      'Route connections',
    );
  });
});

describe('routes when elements move (nodes.move)', () => {
  it('given both ends of a routed connection moved alike, then its bends move along', () => {
    const after = runExactly(routedFlow(), {
      type: 'nodes.move',
      moves: [
        { id: 'task', x: 240, y: 40 },
        { id: 'end', x: 640, y: 40 },
      ],
    });
    expect(after.diagram.edges?.flow_2?.waypoints).toEqual([p(440, 72), p(440, 160)]);
  });

  it('given the target moved down, then the route still enters it horizontally', () => {
    // end (48 high) moves from y=0 to y=200: its left middle goes from y=24 to y=224.
    const after = runExactly(routedFlow(), {
      type: 'nodes.move',
      moves: [{ id: 'end', x: 600, y: 200 }],
    });
    expect(after.diagram.edges?.flow_2?.waypoints).toEqual([p(400, 32), p(400, 224)]);
  });

  it('given the target moved onto the bends, then the route is dropped (drawn the default way)', () => {
    const after = runExactly(routedFlow(), {
      type: 'nodes.move',
      moves: [{ id: 'end', x: 380, y: 60 }],
    });
    expect(after.diagram.edges).toBeUndefined();
  });

  it('given a move of elements no route touches, then the routes are the same object', () => {
    const doc = routedFlow();
    const after = applyCommand(doc, {
      type: 'nodes.move',
      moves: [{ id: 'gateway', x: 0, y: 300 }],
    });
    expect(after.diagram.edges).toBe(doc.diagram.edges);
  });

  it('given a move with routes (a layout), then those routes are set as given, in one step', () => {
    const after = runExactly(routedFlow(), {
      type: 'nodes.move',
      moves: [{ id: 'start', x: 0, y: 100 }],
      routes: { flow_1: [p(100, 124), p(100, 32)], flow_2: null },
    });
    expect(after.diagram.shapes.start).toEqual({ x: 0, y: 100 });
    expect(after.diagram.edges).toEqual({ flow_1: { waypoints: [p(100, 124), p(100, 32)] } });
  });
});

describe('routes of deleted, reconnected and pasted connections', () => {
  it('given a routed connection deleted, then its route goes with it; undo brings both back', () => {
    const after = runExactly(routedFlow(), { type: 'elements.delete', ids: ['flow_2'] });
    expect(after.diagram.edges).toBeUndefined();
  });

  it('given an element deleted, then the routes of its connections go too', () => {
    const after = runExactly(routedFlow(), { type: 'elements.delete', ids: ['end'] });
    expect(after.model.connections.map((connection) => connection.id)).toEqual(['flow_1']);
    expect(after.diagram.edges).toBeUndefined();
  });

  it('given an element added, then the routes stay', () => {
    const doc = routedFlow();
    const after = applyCommand(doc, {
      type: 'elements.add',
      element: { id: 'task_2', type: 'serviceTask', name: 'Ship' },
      shape: { x: 0, y: 300 },
    });
    expect(after.diagram.edges).toBe(doc.diagram.edges);
  });

  it('given a routed connection reconnected to another target, then its old route is cleared', () => {
    const doc = routedFlow();
    const after = runExactly(doc, {
      type: 'connections.update',
      connection: { id: 'flow_2', source: 'task', target: 'gateway' },
    });
    expect(after.model.connections[1]).toEqual({ id: 'flow_2', source: 'task', target: 'gateway' });
    expect(after.diagram.edges).toBeUndefined();
  });

  it('given a routed connection renamed, then its route stays', () => {
    const after = runExactly(routedFlow(), {
      type: 'connections.update',
      connection: { id: 'flow_2', source: 'task', target: 'end', name: 'done' },
    });
    expect(after.diagram.edges?.flow_2?.waypoints).toEqual([p(400, 32), p(400, 120)]);
  });

  it('given a routed connection copied with its ends, when pasted, then the copy has the route moved with the shapes', () => {
    const doc = routedFlow();
    const plan = planPaste(doc, copySelection(doc, ['task', 'end'])!, { x: 40, y: 80 });

    const after = runExactly(doc, plan.command!);

    const copy = after.model.connections.at(-1)!;
    expect([copy.id, copy.source, copy.target]).toEqual(['flow_3', 'task_1', 'end_1']);
    expect(after.diagram.edges?.flow_3?.waypoints).toEqual([p(440, 112), p(440, 200)]);
    expect(after.diagram.edges?.flow_2?.waypoints).toEqual([p(400, 32), p(400, 120)]);
  });

  it('given a copy without routes, then the paste command carries none', () => {
    const doc = documentOf(
      'flow',
      [
        ['a', 'serviceTask'],
        ['b', 'serviceTask'],
      ],
      [['c', 'a', 'b']],
    );
    const plan = planPaste(doc, copySelection(doc, ['a', 'b'])!);
    expect(plan.command).not.toHaveProperty('routes');
  });
});
