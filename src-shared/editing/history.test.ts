import { describe, expect, it } from 'vitest';
import { deepFreeze, sampleFlow } from '../../test/shared/documents';
import { BatonError } from '../contract/errors';
import type { Command } from './commands';
import { createEditorState, execute, redo, undo, type EditorState } from './history';

const rename = (name: string): Command => ({ type: 'elements.rename', id: 'task', name });
const taskName = (state: EditorState) =>
  state.doc.model.elements.find((element) => element.id === 'task')?.name;

/** A frozen state after renaming the task to each name in turn. */
function afterRenames(...names: string[]): EditorState {
  return names.reduce(
    (state, name) => deepFreeze(execute(state, rename(name))),
    deepFreeze(createEditorState(sampleFlow())),
  );
}

describe('history: a fresh state', () => {
  it('given a document, when an editor state is created, then both stacks are empty', () => {
    const doc = sampleFlow();

    const state = createEditorState(doc);

    expect(state).toEqual({ doc, past: [], future: [] });
    expect(state.doc).toBe(doc);
  });

  it('given nothing to undo or redo, when undo or redo runs, then the same state comes back', () => {
    const state = deepFreeze(createEditorState(sampleFlow()));

    expect(undo(state)).toBe(state);
    expect(redo(state)).toBe(state);
  });
});

describe('history: undo and redo', () => {
  it('given two renames, when undone twice and redone twice, then each step restores the exact document', () => {
    const start = deepFreeze(createEditorState(sampleFlow()));
    const first = deepFreeze(execute(start, rename('One')));
    const second = deepFreeze(execute(first, rename('Two')));

    const undoneOnce = undo(second);
    const undoneTwice = undo(undoneOnce);
    const redoneOnce = redo(undoneTwice);
    const redoneTwice = redo(redoneOnce);

    expect(undoneOnce.doc).toBe(first.doc);
    expect(undoneTwice.doc).toBe(start.doc);
    expect(undoneTwice.future.map((entry) => entry.after)).toEqual([first.doc, second.doc]);
    expect(redoneOnce.doc).toBe(first.doc);
    expect(redoneTwice.doc).toBe(second.doc);
    expect(redoneTwice.past).toEqual(second.past);
    expect(redoneTwice.future).toEqual([]);
  });

  it('given an undone command, when a new command runs, then the redo stack is cleared', () => {
    const undone = undo(afterRenames('One', 'Two'));
    expect(undone.future).toHaveLength(1);

    const next = execute(undone, rename('Three'));

    expect(next.future).toEqual([]);
    expect(redo(next)).toBe(next);
    expect(taskName(next)).toBe('Three');
    expect(taskName(undo(next))).toBe('One');
  });

  it('given a history entry, then it keeps the before and after documents by reference', () => {
    const start = deepFreeze(createEditorState(sampleFlow()));

    const next = execute(start, rename('One'));

    expect(next.past).toEqual([{ label: 'Rename element', before: start.doc, after: next.doc }]);
    expect(next.past[0]?.before).toBe(start.doc);
  });
});

describe('history: labels', () => {
  it.each<[Command, string]>([
    [
      {
        type: 'elements.add',
        element: { id: 'task_2', type: 'userTask', name: 'Approve' },
        shape: { x: 0, y: 0 },
      },
      'Add Approve',
    ],
    [{ type: 'nodes.move', moves: [{ id: 'task', x: 1, y: 1 }] }, 'Move element'],
    [
      {
        type: 'nodes.move',
        moves: [
          { id: 'task', x: 1, y: 1 },
          { id: 'end', x: 2, y: 2 },
        ],
      },
      'Move 2 elements',
    ],
    [
      { type: 'connections.create', connection: { id: 'c', source: 'task', target: 'gateway' } },
      'Connect',
    ],
    [{ type: 'elements.delete', ids: ['task'] }, 'Delete'],
    [{ type: 'elements.delete', ids: ['task', 'end'] }, 'Delete 2 items'],
    [rename('X'), 'Rename element'],
  ])('given %j, when executed, then the undo entry reads "%s"', (command, label) => {
    const state = execute(createEditorState(sampleFlow()), command);

    expect(state.past.at(-1)?.label).toBe(label);
  });
});

describe('history: refused commands', () => {
  it.each<[string, Command]>([
    ['renaming an unknown element', { type: 'elements.rename', id: 'ghost', name: 'X' }],
    ['moving an unknown shape', { type: 'nodes.move', moves: [{ id: 'ghost', x: 0, y: 0 }] }],
    [
      'connecting with a taken id',
      {
        type: 'connections.create',
        connection: { id: 'flow_1', source: 'task', target: 'gateway' },
      },
    ],
    [
      'adding a taken id',
      {
        type: 'elements.add',
        element: { id: 'end', type: 'endEvent', name: 'End' },
        shape: { x: 0, y: 0 },
      },
    ],
  ])(
    'given a history with past and future, when %s, then it throws a conflict and the history is unchanged',
    (_scenario, command) => {
      const state = undo(afterRenames('One', 'Two', 'Three'));
      const snapshot = structuredClone(state);

      let thrown: unknown;
      try {
        execute(state, command);
      } catch (error) {
        thrown = error;
      }

      expect(thrown).toBeInstanceOf(BatonError);
      expect((thrown as BatonError).code).toBe('conflict');
      expect(state).toEqual(snapshot);
      expect(taskName(redo(state))).toBe('Three');
      expect(taskName(undo(state))).toBe('One');
    },
  );
});

describe('history: limit', () => {
  it('given 201 commands, when all are undone, then only the last 200 come back and the oldest is gone', () => {
    const names = Array.from({ length: 201 }, (_, index) => `Name ${index + 1}`);
    let state = createEditorState(sampleFlow());
    for (const name of names) state = execute(state, rename(name));

    expect(state.past).toHaveLength(200);
    let undone = state;
    for (let step = 0; step < 250; step += 1) undone = undo(undone);

    expect(taskName(undone)).toBe('Name 1');
    expect(undone.past).toEqual([]);
    expect(undone.future).toHaveLength(200);
  });

  it('given exactly 200 commands, when all are undone, then the original document comes back', () => {
    const start = createEditorState(sampleFlow());
    let state = start;
    for (let index = 1; index <= 200; index += 1) state = execute(state, rename(`Name ${index}`));

    let undone = state;
    for (let step = 0; step < 200; step += 1) undone = undo(undone);

    expect(undone.doc).toBe(start.doc);
  });
});

describe('history: commands that change nothing', () => {
  // Regression (fixed; src-shared/editing/history.ts, execute): "a command that changes nothing leaves no history
  // entry" is checked with `after === state.doc`, but applyCommand always builds a new document,
  // so deleting nothing (or an unknown id) still adds an undo step that does nothing.
  it.each<Command>([
    { type: 'elements.delete', ids: [] },
    { type: 'elements.delete', ids: ['ghost'] },
    { type: 'nodes.move', moves: [] },
  ])('given %j, when executed, then no history entry is recorded', (command) => {
    const state = createEditorState(sampleFlow());

    const next = execute(state, command);

    expect(next.past).toEqual([]);
  });
});
