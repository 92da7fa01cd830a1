import { createElement } from '../src-shared/model/createElement';
import type { WorkflowDocument } from '../src-shared/model/document';
import type { Scenario } from '../src-shared/runtime/scenario';

/**
 * A small flow that runs long: one service task in a loop that counts to `iterations` (the
 * mock answers `count + 1`, an exclusive gateway loops back while the count is below the target).
 * Each turn journals a call and a gateway decision, about 7 entries, so a run of 100,000 entries
 * takes a machine of five states rather than a generated flow of tens of thousands of elements.
 */
export function generateCountingLoop(iterations: number): {
  document: WorkflowDocument;
  scenario: Scenario;
} {
  const document: WorkflowDocument = {
    formatVersion: 1,
    kind: 'flow',
    name: `Counting loop to ${iterations}`,
    model: {
      elements: [
        createElement('startEvent', 'start', 'Start'),
        {
          ...createElement('serviceTask', 'count', 'Count'),
          type: 'serviceTask',
          service: 'Counter',
          operation: 'increment',
          input: '{ "count": count }',
          output: '{ "count": result.count }',
          timeoutMs: 2000,
        },
        {
          ...createElement('exclusiveGateway', 'again', 'Again?'),
          type: 'exclusiveGateway',
          default: 'flow_done',
        },
        createElement('endEvent', 'end', 'End'),
      ],
      connections: [
        { id: 'flow_start', source: 'start', target: 'count' },
        { id: 'flow_decide', source: 'count', target: 'again' },
        { id: 'flow_loop', source: 'again', target: 'count', condition: `count < ${iterations}` },
        { id: 'flow_done', source: 'again', target: 'end' },
      ],
    },
    diagram: {
      shapes: {
        start: { x: 0, y: 0 },
        count: { x: 150, y: 0 },
        again: { x: 350, y: 0 },
        end: { x: 500, y: 0 },
      },
    },
    catalog: {
      services: [
        {
          name: 'Counter',
          operations: [
            {
              name: 'increment',
              mock: { latencyMs: 1, failRate: 0, honoursIdempotency: false },
            },
          ],
        },
      ],
    },
  };
  const scenario: Scenario = {
    input: { count: 0 },
    mocks: { 'Counter.increment': { outcomes: ['ok'], output: '{ "count": count + 1 }' } },
  };
  return { document, scenario };
}
