import { describe, expect, it } from 'vitest';
import { containerFlow } from '../../test/shared/containerFlow';
import { deepFreeze } from '../../test/shared/documents';
import { BatonError } from '../contract/errors';
import { WorkflowDocument as DocumentSchema, type WorkflowDocument } from '../model/document';
import { describeCommand, type Command } from './commands';
import { createEditorState, execute, redo, undo } from './history';
import { planMove } from './planMove';

/** Execute, undo and redo through the history, from a frozen document; undo must be exact. */
function runThrough(doc: WorkflowDocument, command: Command) {
  const snapshot = structuredClone(doc);
  const given = createEditorState(deepFreeze(doc));
  const executed = execute(given, command);
  const undone = undo(executed);
  const redone = redo(undone);
  expect(doc).toEqual(snapshot);
  expect(DocumentSchema.safeParse(executed.doc).success).toBe(true);
  expect(executed.past).toHaveLength(1);
  expect(undone.doc).toBe(given.doc);
  expect(redone.doc).toBe(executed.doc);
  return executed.doc;
}

function expectConflict(command: Command, message: RegExp) {
  const state = createEditorState(deepFreeze(containerFlow()));
  expect(() => execute(state, command)).toThrow(BatonError);
  expect(() => execute(state, command)).toThrow(message);
}

const element = (doc: WorkflowDocument, id: string) =>
  doc.model.elements.find((candidate) => candidate.id === id);

describe('nodes.move with memberships', () => {
  it('given a task dropped into a sub-process, then the move and its new parent and lane are one undo step', () => {
    const command = planMove(containerFlow(), [{ id: 'outside', x: 260, y: 170 }], {
      memberships: true,
    });
    const after = runThrough(containerFlow(), command);
    expect(after.diagram.shapes.outside).toEqual({ x: 260, y: 170 });
    expect(element(after, 'outside')).toMatchObject({ parent: 'sub', lane: 'lane' });
    expect(describeCommand(command)).toBe('Move element');
  });

  it('given a task dragged out of its sub-process, then its parent key is removed', () => {
    const command = planMove(containerFlow(), [{ id: 'inner', x: 500, y: 350 }], {
      memberships: true,
    });
    const after = runThrough(containerFlow(), command);
    expect(element(after, 'inner')).not.toHaveProperty('parent');
    expect(element(after, 'inner')).toMatchObject({ lane: 'lane' });
  });

  it('given a boundary event dropped on another task, then it is re-attached in the same step', () => {
    const command = planMove(containerFlow(), [{ id: 'boundary', x: 682, y: 72 }]);
    const after = runThrough(containerFlow(), command);
    expect(element(after, 'boundary')).toMatchObject({ attachedTo: 'task' });
    expect(after.diagram.shapes.boundary).toEqual({ x: 682, y: 82 });
  });

  it.each<[string, Command, RegExp]>([
    [
      'a parent that is not a sub-process',
      { type: 'nodes.move', moves: [], memberships: [{ id: 'task', parent: 'lane' }] },
      /cannot be inside/,
    ],
    [
      'a sub-process put inside its own content',
      {
        type: 'nodes.move',
        moves: [],
        memberships: [{ id: 'sub', parent: 'sub' }],
      },
      /inside itself/,
    ],
    [
      'a lane that is not a lane',
      { type: 'nodes.move', moves: [], memberships: [{ id: 'task', lane: 'sub' }] },
      /cannot be in lane/,
    ],
    [
      'a boundary event attached to a lane',
      { type: 'nodes.move', moves: [], memberships: [{ id: 'boundary', attachedTo: 'lane' }] },
      /cannot be attached/,
    ],
    [
      'an unknown element',
      { type: 'nodes.move', moves: [], memberships: [{ id: 'nobody', lane: null }] },
      /no element/,
    ],
  ])('given %s, then the command is refused', (_, command, message) => {
    expectConflict(command, message);
  });

  it('given memberships that change nothing, then no history entry is made', () => {
    const state = createEditorState(containerFlow());
    const command: Command = {
      type: 'nodes.move',
      moves: [{ id: 'task', x: 600, y: 100 }],
      memberships: [{ id: 'task', lane: 'lane' }],
    };
    expect(execute(state, command)).toBe(state);
  });
});

describe('nodes.resize', () => {
  it('given a sub-process resized, then its shape takes the box and its boundary events stay on its border', () => {
    const doc = containerFlow();
    const withBoundary: WorkflowDocument = {
      ...doc,
      model: {
        ...doc.model,
        elements: doc.model.elements.map((item) =>
          item.id === 'boundary' ? { ...item, attachedTo: 'sub' } : item,
        ),
      },
      // On the sub-process's right border (x 460), a quarter of the way down.
      diagram: { shapes: { ...doc.diagram.shapes, boundary: { x: 442, y: 82 } } },
    };
    const command: Command = {
      type: 'nodes.resize',
      id: 'sub',
      x: 100,
      y: 50,
      width: 500,
      height: 400,
    };
    const after = runThrough(withBoundary, command);
    expect(after.diagram.shapes.sub).toEqual({ x: 100, y: 50, width: 500, height: 400 });
    expect(after.diagram.shapes.boundary).toEqual({ x: 582, y: 132 });
    expect(describeCommand(command)).toBe('Resize');
  });

  it('given a lane made smaller, then the elements it no longer covers leave it, in one exact step', () => {
    const command: Command = {
      type: 'nodes.resize',
      id: 'lane',
      x: 0,
      y: 0,
      width: 500,
      height: 300,
    };
    const after = runThrough(containerFlow(), command);
    expect(element(after, 'task')).not.toHaveProperty('lane');
    expect(element(after, 'inner')).toMatchObject({ lane: 'lane' });
    expect(element(after, 'sub')).toMatchObject({ lane: 'lane' });
  });

  it('given a lane made larger, then the elements it now covers join it', () => {
    const command: Command = {
      type: 'nodes.resize',
      id: 'lane',
      x: 0,
      y: 0,
      width: 1000,
      height: 800,
    };
    const after = runThrough(containerFlow(), command);
    expect(element(after, 'outside')).toMatchObject({ lane: 'lane' });
  });

  it.each<[string, Command, RegExp]>([
    [
      'a task',
      { type: 'nodes.resize', id: 'task', x: 0, y: 0, width: 10, height: 10 },
      /cannot be resized/,
    ],
    [
      'no size',
      { type: 'nodes.resize', id: 'lane', x: 0, y: 0, width: 0, height: 10 },
      /that size/,
    ],
    [
      'a sub-process smaller than its contents',
      { type: 'nodes.resize', id: 'sub', x: 100, y: 50, width: 200, height: 100 },
      /smaller than what it holds/,
    ],
    [
      'an unknown id',
      { type: 'nodes.resize', id: 'nobody', x: 0, y: 0, width: 9, height: 9 },
      /no shape/,
    ],
  ])('given %s, then the resize is refused', (_, command, message) => {
    expectConflict(command, message);
  });
});

describe('subProcesses.collapse', () => {
  it('given an expanded sub-process, when collapsed and expanded again, then only `collapsed` changes and each is one exact undo step', () => {
    const collapse: Command = { type: 'subProcesses.collapse', id: 'sub', collapsed: true };
    const collapsed = runThrough(containerFlow(), collapse);
    expect(collapsed.diagram.shapes.sub).toEqual({ x: 100, y: 50, collapsed: true });
    expect(collapsed.model).toEqual(containerFlow().model);
    expect(describeCommand(collapse)).toBe('Collapse sub-process');

    const expand: Command = { type: 'subProcesses.collapse', id: 'sub', collapsed: false };
    const expanded = runThrough(collapsed, expand);
    expect(expanded.diagram.shapes).toEqual(containerFlow().diagram.shapes);
    expect(describeCommand(expand)).toBe('Expand sub-process');
  });

  it('given a boundary event on the sub-process, when collapsed, then it moves onto the collapsed border', () => {
    const doc = containerFlow();
    const onSub: WorkflowDocument = {
      ...doc,
      model: {
        ...doc.model,
        elements: doc.model.elements.map((item) =>
          item.id === 'boundary' ? { ...item, attachedTo: 'sub' } : item,
        ),
      },
      // Centred on the bottom border (y 250) in the middle (x 280).
      diagram: { shapes: { ...doc.diagram.shapes, boundary: { x: 262, y: 232 } } },
    };
    const after = runThrough(onSub, { type: 'subProcesses.collapse', id: 'sub', collapsed: true });
    // The collapsed box is 100..260 × 50..114: the middle of its bottom border is (180, 114).
    expect(after.diagram.shapes.boundary).toEqual({ x: 162, y: 96 });
  });

  it('given a sub-process already collapsed, then collapsing it again makes no history entry', () => {
    const doc = runThrough(containerFlow(), {
      type: 'subProcesses.collapse',
      id: 'sub',
      collapsed: true,
    });
    const state = createEditorState(doc);
    expect(execute(state, { type: 'subProcesses.collapse', id: 'sub', collapsed: true })).toBe(
      state,
    );
  });

  it('given a task, then it cannot be collapsed', () => {
    expectConflict(
      { type: 'subProcesses.collapse', id: 'task', collapsed: true },
      /no sub-process/,
    );
  });
});

describe('elements.delete of containers', () => {
  const ids = (doc: WorkflowDocument) => doc.model.elements.map((item) => item.id);

  it('given a sub-process deleted, then its contents, their boundary events and connections go with it in one exact step', () => {
    const after = runThrough(containerFlow(), { type: 'elements.delete', ids: ['sub'] });
    expect(ids(after)).toEqual(['lane', 'task', 'group', 'outside']);
    expect(after.model.connections).toEqual([]);
    expect(Object.keys(after.diagram.shapes)).toEqual(ids(after));
  });

  it('given an activity deleted, then its boundary events go with it', () => {
    const after = runThrough(containerFlow(), { type: 'elements.delete', ids: ['inner'] });
    expect(ids(after)).toEqual(['lane', 'sub', 'task', 'group', 'outside']);
  });

  it('given a lane deleted, then its elements stay, out of any lane', () => {
    const after = runThrough(containerFlow(), { type: 'elements.delete', ids: ['lane'] });
    expect(ids(after)).toEqual(['sub', 'inner', 'boundary', 'task', 'group', 'outside']);
    expect(after.model.elements.filter((item) => item.lane !== undefined)).toEqual([]);
    expect(element(after, 'inner')).toMatchObject({ parent: 'sub' });
  });

  it('given a group deleted, then what lies inside it stays', () => {
    const after = runThrough(containerFlow(), { type: 'elements.delete', ids: ['group'] });
    expect(ids(after)).toEqual(['lane', 'sub', 'inner', 'boundary', 'task', 'outside']);
  });
});
