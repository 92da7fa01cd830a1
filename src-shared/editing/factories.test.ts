import { describe, expect, it } from 'vitest';
import { deepFreeze, documentOf, sampleFlow } from '../../test/shared/documents';
import { createEmptyDocument } from '../model/document';
import { elementTypeInfo } from '../model/elementTypes';
import { addElementCommand, connectCommand } from './factories';
import { createEditorState, execute, redo, undo } from './history';

describe('addElementCommand', () => {
  it('given an empty flow, when two service tasks are added in turn, then their ids are serviceTask_1 and serviceTask_2', () => {
    let state = createEditorState(deepFreeze(createEmptyDocument('flow')));

    state = execute(state, addElementCommand(state.doc, 'serviceTask', { x: 0, y: 0 }));
    state = execute(state, addElementCommand(state.doc, 'serviceTask', { x: 300, y: 0 }));

    expect(state.doc.model.elements).toEqual([
      { id: 'serviceTask_1', type: 'serviceTask', name: 'Service task' },
      { id: 'serviceTask_2', type: 'serviceTask', name: 'Service task' },
    ]);
  });

  it('given serviceTask_1 was deleted, when a service task is added, then the free id serviceTask_1 is reused', () => {
    const doc = documentOf('flow', [['serviceTask_2', 'serviceTask']]);

    const command = addElementCommand(doc, 'serviceTask', { x: 0, y: 0 });

    expect(command.type === 'elements.add' && command.element.id).toBe('serviceTask_1');
  });

  it('given a connection already named like the next id, when an element is added, then its id skips it', () => {
    const doc = documentOf(
      'map',
      [
        ['service_1', 'service'],
        ['event_1', 'eventType'],
      ],
      [['service_2', 'service_1', 'event_1']],
    );

    const command = addElementCommand(doc, 'service', { x: 0, y: 0 });

    expect(command.type === 'elements.add' && command.element.id).toBe('service_3');
  });

  it.each([
    ['startEvent', 'start_1', 'Start'],
    ['endEvent', 'end_1', 'End'],
    ['userTask', 'userTask_1', 'User task'],
    ['exclusiveGateway', 'gateway_1', 'Exclusive gateway'],
    ['service', 'service_1', 'Service'],
    ['eventType', 'event_1', 'Event'],
  ] as const)(
    'given a %s, when its command is made, then its id is %s and its name %s',
    (type, id, name) => {
      const command = addElementCommand(createEmptyDocument('flow'), type, { x: 0, y: 0 });

      expect(command).toMatchObject({ type: 'elements.add', element: { id, type, name } });
    },
  );

  it.each([
    ['serviceTask', { x: 500, y: 300 }, { x: 420, y: 268 }],
    ['startEvent', { x: 100, y: 100 }, { x: 76, y: 76 }],
    ['exclusiveGateway', { x: 0, y: 0 }, { x: -28, y: -28 }],
    ['eventType', { x: 10.4, y: 10.6 }, { x: -65, y: -13 }],
  ] as const)(
    'given a %s at %j, then its shape is centred on the point at %j',
    (type, centre, shape) => {
      const command = addElementCommand(createEmptyDocument('flow'), type, centre);

      expect(command.type === 'elements.add' && command.shape).toEqual(shape);
      const { width, height } = elementTypeInfo[type].size;
      expect(Math.abs(shape.x + width / 2 - centre.x)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(shape.y + height / 2 - centre.y)).toBeLessThanOrEqual(0.5);
    },
  );

  it('given the add command, when executed, undone and redone, then the element comes and goes', () => {
    const start = createEditorState(deepFreeze(sampleFlow()));

    const added = execute(start, addElementCommand(start.doc, 'userTask', { x: 80, y: 32 }));

    expect(added.doc.diagram.shapes.userTask_1).toEqual({ x: 0, y: 0 });
    expect(undo(added).doc).toBe(start.doc);
    expect(redo(undo(added)).doc).toBe(added.doc);
  });
});

describe('connectCommand', () => {
  it('given a flow, when a connection command is made, then its id is the next free flow_N', () => {
    const doc = sampleFlow();

    const command = connectCommand(doc, 'task', 'gateway');

    expect(command).toEqual({
      type: 'connections.create',
      connection: { id: 'flow_3', source: 'task', target: 'gateway' },
    });
  });

  it('given a map, when a connection command is made, then its id is link_N', () => {
    const doc = documentOf('map', [
      ['billing', 'service'],
      ['paid', 'eventType'],
    ]);

    const command = connectCommand(doc, 'billing', 'paid');

    expect(command).toEqual({
      type: 'connections.create',
      connection: { id: 'link_1', source: 'billing', target: 'paid' },
    });
  });

  it('given a map, when an event is connected to a service, then the edge starts with an empty idempotent reaction', () => {
    const doc = documentOf('map', [
      ['paid', 'eventType'],
      ['shipping', 'service'],
    ]);

    const command = connectCommand(doc, 'paid', 'shipping');

    expect(command).toEqual({
      type: 'connections.create',
      connection: {
        id: 'link_1',
        source: 'paid',
        target: 'shipping',
        reaction: { operations: [], emitsOnSuccess: [], emitsOnFailure: [], idempotent: true },
      },
    });
  });

  it('given an element named flow_1, when a connection command is made, then its id avoids it', () => {
    const doc = documentOf('flow', [
      ['flow_1', 'serviceTask'],
      ['end', 'endEvent'],
    ]);

    const command = connectCommand(doc, 'flow_1', 'end');

    expect(command.type === 'connections.create' && command.connection.id).toBe('flow_2');
  });

  it('given the connect command, when executed, undone and redone, then the connection comes and goes', () => {
    const start = createEditorState(deepFreeze(sampleFlow()));

    const connected = execute(start, connectCommand(start.doc, 'gateway', 'end'));

    expect(connected.doc.model.connections.at(-1)).toEqual({
      id: 'flow_3',
      source: 'gateway',
      target: 'end',
    });
    expect(undo(connected).doc).toBe(start.doc);
    expect(redo(undo(connected)).doc).toBe(connected.doc);
  });

  it('given a refused pair, when the command is executed, then it throws a conflict', () => {
    const state = createEditorState(deepFreeze(sampleFlow()));

    expect(() => execute(state, connectCommand(state.doc, 'end', 'task'))).toThrow(
      /no outgoing paths/,
    );
  });
});
