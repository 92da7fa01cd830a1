import { FORMAT_VERSION, type WorkflowDocument } from '../../src-shared/model/document';

/**
 * A flow with every kind of container, for containment tests:
 *
 * - lane `lane` at (0, 0), 1000 × 500, holding everything but `outside`;
 * - sub-process `sub` at (100, 50), 360 × 200, holding task `inner` at (150, 100);
 * - boundary event `boundary` on `inner`, centred on its bottom border at (230, 164);
 * - task `task` at (600, 100), lying inside group `group` at (560, 60), 320 × 200;
 * - task `outside` at (600, 700), in no container.
 */
export function containerFlow(): WorkflowDocument {
  return {
    formatVersion: FORMAT_VERSION,
    kind: 'flow',
    model: {
      elements: [
        { id: 'lane', type: 'lane', name: 'Shop' },
        { id: 'sub', type: 'subProcess', name: 'Pay', lane: 'lane' },
        { id: 'inner', type: 'serviceTask', name: 'Charge', parent: 'sub', lane: 'lane' },
        {
          id: 'boundary',
          type: 'boundaryEvent',
          name: 'Failed',
          attachedTo: 'inner',
          trigger: 'error',
        },
        { id: 'task', type: 'serviceTask', name: 'Ship', lane: 'lane' },
        { id: 'group', type: 'group', name: 'Delivery' },
        { id: 'outside', type: 'userTask', name: 'Review' },
      ],
      connections: [{ id: 'flow_1', source: 'boundary', target: 'task' }],
    },
    diagram: {
      shapes: {
        lane: { x: 0, y: 0, width: 1000, height: 500 },
        sub: { x: 100, y: 50 },
        inner: { x: 150, y: 100 },
        boundary: { x: 212, y: 146 },
        task: { x: 600, y: 100 },
        group: { x: 560, y: 60 },
        outside: { x: 600, y: 700 },
      },
    },
  };
}
