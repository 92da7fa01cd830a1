import { shownSize, snapToBorder, subProcessAt, laneAt, shapeOf } from '../diagram/containment';
import type { Element, WorkflowDocument } from '../model/document';
import type { ElementType } from '../model/elementTypes';
import { canHaveLane, canHaveParent } from '../rules/canAttach';
import { applyCommand, type Command } from './commands';
import { laneMemberships } from './containerCommands';
import { addElementCommand } from './factories';
import { attachMargin, hostAt } from './planMove';

/**
 * The command that adds a new element of `type` centred on `centre`, where it lands: a boundary
 * event dropped on an activity is attached to it, centred on its border; anything else dropped
 * inside an expanded sub-process or a lane is put in it (the innermost container wins); a lane
 * takes in the elements it is drawn over.
 */
export function placeElementCommand(
  doc: WorkflowDocument,
  type: ElementType,
  centre: { x: number; y: number },
): Command {
  const command = addElementCommand(doc, type, centre);
  if (command.type !== 'elements.add') return command;
  const { element } = command;
  const size = shownSize(element, undefined);
  if (element.type === 'boundaryEvent') {
    const host = hostAt(doc, centre, new Set(), attachMargin(size));
    const hostShape = host === undefined ? undefined : shapeOf(doc, host);
    const hostElement = doc.model.elements.find((candidate) => candidate.id === host);
    if (!host || !hostShape || !hostElement) return command;
    const hostBox = { x: hostShape.x, y: hostShape.y, ...shownSize(hostElement, hostShape) };
    return {
      ...command,
      element: { ...element, attachedTo: host },
      shape: snapToBorder(hostBox, size, centre),
    };
  }
  if (element.type === 'lane') {
    // A lane drawn over elements takes them in.
    const memberships = laneMemberships(applyCommand(doc, command), element.id);
    return memberships.length > 0 ? { ...command, memberships } : command;
  }
  const placed: Element = { ...element };
  const parent = canHaveParent(element) ? subProcessAt(doc, centre) : undefined;
  const lane = canHaveLane(element) ? laneAt(doc, centre) : undefined;
  if (parent !== undefined) placed.parent = parent;
  if (lane !== undefined) placed.lane = lane;
  return { ...command, element: placed };
}
