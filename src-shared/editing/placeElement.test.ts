import { describe, expect, it } from 'vitest';
import { containerFlow } from '../../test/shared/containerFlow';
import { applyCommand } from './commands';
import { placeElementCommand } from './placeElement';

const added = (command: ReturnType<typeof placeElementCommand>) => {
  if (command.type !== 'elements.add') throw new Error(`not an add: ${command.type}`);
  return command;
};

describe('placeElementCommand', () => {
  it('given a boundary event dropped on a task, then it is attached to it and centred on the nearest border', () => {
    // Dropped at (700, 150): 14 above the task's bottom border (y 164).
    const command = added(
      placeElementCommand(containerFlow(), 'boundaryEvent', { x: 700, y: 150 }),
    );
    expect(command.element).toMatchObject({ type: 'boundaryEvent', attachedTo: 'task' });
    expect(command.shape).toEqual({ x: 682, y: 146 });
    expect(() => applyCommand(containerFlow(), command)).not.toThrow();
  });

  it('given a boundary event dropped where no activity is, then it is left unattached where dropped', () => {
    const command = added(
      placeElementCommand(containerFlow(), 'boundaryEvent', { x: 1500, y: 50 }),
    );
    expect(command.element).toMatchObject({ attachedTo: command.element.id });
    expect(command.shape).toEqual({ x: 1482, y: 32 });
  });

  it('given a task dropped inside a sub-process in a lane, then it is put in both', () => {
    const command = added(placeElementCommand(containerFlow(), 'userTask', { x: 400, y: 220 }));
    expect(command.element).toMatchObject({ parent: 'sub', lane: 'lane' });
  });

  it('given a lane dropped anywhere, then it belongs to no container', () => {
    const command = added(placeElementCommand(containerFlow(), 'lane', { x: 400, y: 220 }));
    expect(command.element).not.toHaveProperty('parent');
    expect(command.element).not.toHaveProperty('lane');
  });

  it('given a lane drawn over elements, then it takes in those whose centre it covers, in the same step', () => {
    // The new lane covers -50..850 × 130..310: the centres of sub, inner and task, not outside's.
    const command = added(placeElementCommand(containerFlow(), 'lane', { x: 400, y: 220 }));
    const lane = command.element.id;
    expect(command.memberships).toEqual([
      { id: 'sub', lane },
      { id: 'inner', lane },
      { id: 'task', lane },
    ]);
    const after = applyCommand(containerFlow(), command);
    expect(after.model.elements.find((item) => item.id === 'task')).toMatchObject({ lane });
  });

  it('given a task dropped outside every container, then it has no parent and no lane', () => {
    const command = added(placeElementCommand(containerFlow(), 'serviceTask', { x: 1500, y: 900 }));
    expect(Object.keys(command.element).sort()).toEqual(['id', 'name', 'type']);
  });
});
