import { describe, expect, it } from 'vitest';
import { createEmptyDocument, type WorkflowDocument } from '../../src-shared/model/document';
import { commandLineFlows, flowIdOfFile } from './commandLineFlows';

describe('flowIdOfFile', () => {
  it.each([
    ['assets/examples/customs-clearance.json', 'customs-clearance'],
    ['/tmp/Order saga.baton.json', 'Order saga'],
    ['C.JSON', 'C'],
    ['flow.v2.json', 'flow.v2'],
    ['no-extension', 'no-extension'],
  ])('given %j, then the flow id is %j', (path, id) => {
    expect(flowIdOfFile(path)).toBe(id);
  });
});

describe('commandLineFlows', () => {
  const calling = (flowId: string, version: number | 'latest'): WorkflowDocument => ({
    ...createEmptyDocument('flow'),
    model: {
      elements: [{ type: 'callActivity', id: 'call', name: 'Call', flowId, version }],
      connections: [],
    },
  });

  it('given a flow file on the command line, then its flow is known at version 1 only', () => {
    const versions = commandLineFlows(['x/customs-clearance.json'])(
      calling('customs-clearance', 3),
    );

    expect(versions?.('customs-clearance')).toEqual([1]);
  });

  it('given a flow not on the command line, then the versions the document asks for are taken as there', () => {
    const versions = commandLineFlows(['x/other.json'])(calling('customs-clearance', 3));

    expect(versions?.('customs-clearance')).toEqual([1, 3]);
    expect(versions?.('never-referenced')).toEqual([1]);
  });
});
