import { describe, expect, it } from 'vitest';
import { deepFreeze, sampleFlow } from '../../test/shared/documents';
import { BatonError } from '../contract/errors';
import { createEmptyDocument, type WorkflowDocument } from '../model/document';
import { WorkflowDocument as DocumentSchema } from '../model/document';
import type { Command } from './commands';
import { createEditorState, execute, redo, undo, type EditorState } from './history';

/**
 * Given a frozen document, runs the command through the history: execute, then undo, then redo.
 * Freezing makes any mutation of the input throw; the snapshot proves nothing changed either way.
 */
function runThrough(doc: WorkflowDocument, command: Command) {
  const snapshot = structuredClone(doc);
  const given = createEditorState(deepFreeze(doc));
  const executed = execute(given, command);
  const undone = undo(executed);
  const redone = redo(undone);
  expect(doc).toEqual(snapshot);
  expect(DocumentSchema.safeParse(executed.doc).success).toBe(true);
  return { given, executed, undone, redone };
}

/** Undo restores the very document given, redo the very document executed. */
function expectExactUndoRedo(run: ReturnType<typeof runThrough>) {
  expect(run.undone.doc).toBe(run.given.doc);
  expect(run.undone.past).toHaveLength(0);
  expect(run.undone.future).toHaveLength(1);
  expect(run.redone.doc).toBe(run.executed.doc);
  expect(run.redone.past).toHaveLength(1);
  expect(run.redone.future).toHaveLength(0);
}

/** Executing a refused command throws BatonError('conflict'); the state it was given is unchanged. */
function expectConflict(state: EditorState, command: Command, message: RegExp) {
  const snapshot = structuredClone(state);
  let thrown: unknown;
  try {
    execute(state, command);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(BatonError);
  expect((thrown as BatonError).code).toBe('conflict');
  expect((thrown as BatonError).message).toMatch(message);
  expect(state).toEqual(snapshot);
}

const frozenState = () => createEditorState(deepFreeze(sampleFlow()));

describe('elements.add', () => {
  it('given a flow, when a service task is added, then it has an element and a shape; undo and redo are exact', () => {
    const command: Command = {
      type: 'elements.add',
      element: { id: 'task_2', type: 'serviceTask', name: 'Ship' },
      shape: { x: 40, y: 80 },
    };

    const run = runThrough(sampleFlow(), command);

    expect(run.executed.doc.model.elements.at(-1)).toEqual(command.element);
    expect(run.executed.doc.diagram.shapes.task_2).toEqual({ x: 40, y: 80 });
    expect(run.executed.doc.model.connections).toBe(run.given.doc.model.connections);
    expect(run.undone.doc.model.elements.map((element) => element.id)).not.toContain('task_2');
    expectExactUndoRedo(run);
  });

  it.each([
    ['an element id that is taken', 'task', 'serviceTask', /id "task" is taken/],
    ['the id of a connection', 'flow_1', 'serviceTask', /id "flow_1" is taken/],
    ['a map element in a flow', 'billing', 'service', /a flow cannot contain a service/],
  ] as const)(
    'given %s, when added, then it is refused as a conflict',
    (_scenario, id, type, message) => {
      expectConflict(
        frozenState(),
        { type: 'elements.add', element: { id, type, name: 'X' }, shape: { x: 0, y: 0 } },
        message,
      );
    },
  );
});

describe('nodes.move', () => {
  it('given two shapes, when both move, then only their shapes change; undo and redo are exact', () => {
    const command: Command = {
      type: 'nodes.move',
      moves: [
        { id: 'task', x: 15, y: 25 },
        { id: 'end', x: -5, y: 300 },
      ],
    };

    const run = runThrough(sampleFlow(), command);

    expect(run.executed.doc.diagram.shapes).toEqual({
      ...run.given.doc.diagram.shapes,
      task: { x: 15, y: 25 },
      end: { x: -5, y: 300 },
    });
    expect(run.executed.doc.model).toBe(run.given.doc.model);
    expect(run.undone.doc.diagram.shapes.task).toEqual({ x: 200, y: 0 });
    expectExactUndoRedo(run);
  });

  it('given a move of an unknown shape after a valid one, when executed, then nothing moves', () => {
    expectConflict(
      frozenState(),
      {
        type: 'nodes.move',
        moves: [
          { id: 'task', x: 1, y: 1 },
          { id: 'ghost', x: 2, y: 2 },
        ],
      },
      /no shape for "ghost"/,
    );
  });

  // Regression (fixed; src-shared/editing/commands.ts, moveNodes): `shapes[move.id]` on a plain object sees
  // inherited members, so moving "toString" adds a shape for an element that does not exist and
  // moving "__proto__" replaces the prototype of the shapes object, instead of a conflict.
  it.each(['toString', 'constructor', '__proto__'])(
    'given no element "%s", when it is moved, then it is refused as a conflict',
    (id) => {
      expectConflict(
        frozenState(),
        { type: 'nodes.move', moves: [{ id, x: 1, y: 1 }] },
        /no shape/,
      );
    },
  );
});

describe('connections.create', () => {
  it('given a task and an unconnected gateway, when connected, then the connection is added; undo and redo are exact', () => {
    const command: Command = {
      type: 'connections.create',
      connection: { id: 'flow_3', source: 'task', target: 'gateway' },
    };

    const run = runThrough(sampleFlow(), command);

    expect(run.executed.doc.model.connections).toEqual([
      ...run.given.doc.model.connections,
      { id: 'flow_3', source: 'task', target: 'gateway' },
    ]);
    expect(run.executed.doc.diagram).toBe(run.given.doc.diagram);
    expect(run.undone.doc.model.connections).toHaveLength(2);
    expectExactUndoRedo(run);
  });

  it.each([
    ['a taken id', 'flow_1', 'task', 'gateway', /id "flow_1" is taken/],
    ['an end event as the source', 'flow_3', 'end', 'gateway', /no outgoing paths/],
    ['a start event as the target', 'flow_3', 'gateway', 'start', /no incoming paths/],
    ['an element to itself', 'flow_3', 'task', 'task', /cannot connect to itself/],
    ['a duplicate connection', 'flow_3', 'start', 'task', /already connected/],
    ['an unknown element', 'flow_3', 'task', 'ghost', /both ends must be elements/],
  ] as const)(
    'given %s, when connected, then it is refused as a conflict',
    (_scenario, id, source, target, message) => {
      expectConflict(
        frozenState(),
        { type: 'connections.create', connection: { id, source, target } },
        message,
      );
    },
  );
});

describe('elements.delete', () => {
  it('given a task with an incoming and an outgoing connection, when it is deleted, then its connections and shape go too; undo and redo are exact', () => {
    const run = runThrough(sampleFlow(), { type: 'elements.delete', ids: ['task'] });

    expect(run.executed.doc.model.elements.map((element) => element.id)).toEqual([
      'start',
      'gateway',
      'end',
    ]);
    expect(run.executed.doc.model.connections).toEqual([]);
    expect(Object.keys(run.executed.doc.diagram.shapes)).toEqual(['start', 'gateway', 'end']);
    expect(run.undone.doc.model.connections).toHaveLength(2);
    expect(run.undone.doc.diagram.shapes.task).toEqual({ x: 200, y: 0 });
    expectExactUndoRedo(run);
  });

  it('given a connection, when only it is deleted, then both elements stay; undo and redo are exact', () => {
    const run = runThrough(sampleFlow(), { type: 'elements.delete', ids: ['flow_2'] });

    expect(run.executed.doc.model.connections.map((connection) => connection.id)).toEqual([
      'flow_1',
    ]);
    expect(run.executed.doc.model.elements).toEqual(run.given.doc.model.elements);
    expect(run.executed.doc.diagram.shapes).toEqual(run.given.doc.diagram.shapes);
    expectExactUndoRedo(run);
  });

  it('given several elements and a connection, when deleted together, then one history entry holds them all', () => {
    const run = runThrough(sampleFlow(), {
      type: 'elements.delete',
      ids: ['start', 'gateway', 'flow_2'],
    });

    expect(run.executed.doc.model.elements.map((element) => element.id)).toEqual(['task', 'end']);
    expect(run.executed.doc.model.connections).toEqual([]);
    expect(run.executed.past).toHaveLength(1);
    expect(run.executed.past[0]?.label).toBe('Delete 3 items');
    expectExactUndoRedo(run);
  });
});

describe('elements.rename', () => {
  it('given a task, when it is renamed, then only its name changes; undo and redo are exact', () => {
    const run = runThrough(sampleFlow(), { type: 'elements.rename', id: 'task', name: 'Refund' });

    expect(run.executed.doc.model.elements.find((element) => element.id === 'task')?.name).toBe(
      'Refund',
    );
    expect(run.executed.doc.model.elements[0]).toBe(run.given.doc.model.elements[0]);
    expect(run.executed.doc.diagram).toBe(run.given.doc.diagram);
    expect(run.undone.doc.model.elements[1]?.name).toBe('Charge card');
    expectExactUndoRedo(run);
  });

  it.each([
    ['an unknown id', 'ghost'],
    ['the id of a connection', 'flow_1'],
  ])('given %s, when renamed, then it is refused as a conflict', (_scenario, id) => {
    expectConflict(
      frozenState(),
      { type: 'elements.rename', id, name: 'X' },
      new RegExp(`no element "${id}"`),
    );
  });
});

describe('elements.update', () => {
  const task = () => sampleFlow().model.elements.find((element) => element.id === 'task')!;

  it('given new properties for a task, then they replace its old ones, and undo and redo are exact', () => {
    const element = { ...task(), service: 'Payment', operation: 'charge', timeoutMs: 5_000 };
    const run = runThrough(sampleFlow(), { type: 'elements.update', element });
    expect(run.executed.doc.model.elements.find((candidate) => candidate.id === 'task')).toEqual(
      element,
    );
    expectExactUndoRedo(run);
  });

  it.each([
    [{ timeoutMs: -5 }, /"task" cannot take these properties: timeoutMs: /],
    [{ type: 'userTask' }, /"task" is a serviceTask, not a userTask/],
    [{ id: 'nope' }, /no element "nope"/],
  ])('refuses %j, naming the problem', (change, message) => {
    expectConflict(
      frozenState(),
      { type: 'elements.update', element: { ...task(), ...change } } as Command,
      message,
    );
  });
});

describe('connections.update', () => {
  const flow1 = () =>
    sampleFlow().model.connections.find((connection) => connection.id === 'flow_1')!;

  it('sets a condition, with exact undo and redo', () => {
    const connection = { ...flow1(), condition: 'amount > 100' };
    const run = runThrough(sampleFlow(), { type: 'connections.update', connection });
    expect(run.executed.doc.model.connections[0]).toEqual(connection);
    expectExactUndoRedo(run);
  });

  it('reconnects an end when the rules allow it, and refuses when they do not', () => {
    const run = runThrough(sampleFlow(), {
      type: 'connections.update',
      connection: { ...flow1(), target: 'gateway' },
    });
    expect(run.executed.doc.model.connections[0]).toMatchObject({
      source: 'start',
      target: 'gateway',
    });
    expectConflict(
      frozenState(),
      { type: 'connections.update', connection: { ...flow1(), target: 'start' } },
      /cannot connect to itself/,
    );
  });
});

describe('items.paste', () => {
  it('adds elements, the connection between them and their shapes in one command', () => {
    const doc = sampleFlow();
    const a = { ...doc.model.elements[1]!, id: 'task_copy' };
    const b = { ...doc.model.elements[3]!, id: 'end_copy' };
    const run = runThrough(doc, {
      type: 'items.paste',
      elements: [a, b],
      connections: [{ id: 'flow_copy', source: 'task_copy', target: 'end_copy' }],
      shapes: { task_copy: { x: 10, y: 300 }, end_copy: { x: 200, y: 300 } },
    });
    expect(run.executed.doc.model.elements.map((element) => element.id)).toEqual([
      'start',
      'task',
      'gateway',
      'end',
      'task_copy',
      'end_copy',
    ]);
    expect(run.executed.doc.diagram.shapes.end_copy).toEqual({ x: 200, y: 300 });
    expectExactUndoRedo(run);
  });

  it('refuses a paste whose ids are taken, changing nothing', () => {
    const doc = sampleFlow();
    expectConflict(
      frozenState(),
      {
        type: 'items.paste',
        elements: [doc.model.elements[1]!],
        connections: [],
        shapes: { task: { x: 0, y: 0 } },
      },
      /id "task" is taken/,
    );
  });
});

describe('document.replace', () => {
  /** The sample flow as saved in an older version: the task renamed, the gateway gone, moved. */
  const savedVersion = (): WorkflowDocument => {
    const doc = sampleFlow();
    return {
      ...doc,
      model: {
        elements: doc.model.elements
          .filter((element) => element.id !== 'gateway')
          .map((element) => (element.id === 'task' ? { ...element, name: 'Refund' } : element)),
        connections: doc.model.connections,
      },
      diagram: {
        shapes: { start: { x: 0, y: 0 }, task: { x: 160, y: 40 }, end: { x: 320, y: 0 } },
      },
    };
  };

  it('given a draft, when a saved version is restored, then it becomes the document in one step named after it; undo and redo are exact', () => {
    const version = savedVersion();

    const run = runThrough(sampleFlow(), {
      type: 'document.replace',
      document: version,
      version: 3,
    });

    expect(run.executed.doc).toBe(version);
    expect(run.executed.past).toHaveLength(1);
    expect(run.executed.past[0]?.label).toBe('Restore version 3');
    expect(run.undone.doc.model.elements.map((element) => element.id)).toContain('gateway');
    expectExactUndoRedo(run);
  });

  it('given a version with the same content as the draft, when restored, then no history entry is made', () => {
    const state = frozenState();

    const after = execute(state, {
      type: 'document.replace',
      document: structuredClone(sampleFlow()),
      version: 1,
    });

    expect(after).toBe(state);
  });

  it.each([
    [
      'a map in place of a flow',
      { ...createEmptyDocument('map') },
      /a flow cannot be replaced by a map/,
    ],
    [
      'a document with a connection to nowhere',
      {
        ...sampleFlow(),
        model: { ...sampleFlow().model, connections: [{ id: 'f', source: 'task', target: 'x' }] },
      },
      /cannot be restored: .*unknown element "x"/,
    ],
  ])('given %s, when restored, then it is refused as a conflict', (_case, document, message) => {
    expectConflict(frozenState(), { type: 'document.replace', document, version: 2 }, message);
  });
});

describe('nodes.move keeps sizes', () => {
  it('given a resized shape, when it moves, then it keeps its width and height', () => {
    const doc = sampleFlow();
    const sized = {
      ...doc,
      diagram: {
        ...doc.diagram,
        shapes: { ...doc.diagram.shapes, task: { x: 0, y: 0, width: 300, height: 200 } },
      },
    };
    const run = runThrough(sized, { type: 'nodes.move', moves: [{ id: 'task', x: 40, y: 80 }] });
    expect(run.executed.doc.diagram.shapes.task).toEqual({ x: 40, y: 80, width: 300, height: 200 });
    expectExactUndoRedo(run);
  });
});
