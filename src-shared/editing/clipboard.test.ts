import { describe, expect, it } from 'vitest';
import { sampleFlow } from '../../test/shared/documents';
import { createEmptyDocument } from '../model/document';
import { WorkflowDocument as DocumentSchema } from '../model/document';
import { applyCommand } from './commands';
import { copySelection, planPaste } from './clipboard';

describe('copy and paste', () => {
  it('copies the selected elements with the connections between them, not those leaving the selection', () => {
    const clip = copySelection(sampleFlow(), ['task', 'end', 'flow_1']);
    expect(clip?.elements.map((element) => element.id)).toEqual(['task', 'end']);
    expect(clip?.connections.map((connection) => connection.id)).toEqual(['flow_2']);
  });

  it('given a paste into the same document, then the copies get fresh ids, are moved, and keep their connection', () => {
    const doc = sampleFlow();
    const plan = planPaste(doc, copySelection(doc, ['task', 'end'])!);
    const pasted = applyCommand(doc, plan.command!);
    expect(DocumentSchema.safeParse(pasted).success).toBe(true);
    expect([...plan.renamed]).toEqual([
      ['task', 'task_1'],
      ['end', 'end_1'],
    ]);
    const copy = pasted.model.connections.at(-1)!;
    expect([copy.source, copy.target]).toEqual(['task_1', 'end_1']);
    expect(pasted.diagram.shapes.task_1).toEqual({
      x: doc.diagram.shapes.task!.x + 40,
      y: doc.diagram.shapes.task!.y + 40,
    });
  });

  it('given a paste into another, empty document, then the ids are kept', () => {
    const source = sampleFlow();
    const target = createEmptyDocument('flow');
    const plan = planPaste(target, copySelection(source, ['start', 'task'])!, { x: 0, y: 0 });
    const pasted = applyCommand(target, plan.command!);
    expect(pasted.model.elements.map((element) => element.id)).toEqual(['start', 'task']);
    expect(
      pasted.model.connections.map((connection) => [connection.source, connection.target]),
    ).toEqual([['start', 'task']]);
  });

  it('given flow elements pasted into a map, then they are refused and named, and nothing is pasted', () => {
    const plan = planPaste(createEmptyDocument('map'), copySelection(sampleFlow(), ['task'])!);
    expect(plan.command).toBeNull();
    expect(plan.refused.map((element) => element.type)).toEqual(['serviceTask']);
  });
});
