import type { Element } from '../model/document';
import { activityTypes } from '../validation/flowIndex';

/**
 * May a boundary event be attached to `host`? Only activities carry boundary events (the same set
 * validation's FLOW015 checks), so the canvas snaps to, and the commands accept, only those.
 */
export function canAttach(host: Element | undefined): boolean {
  return host !== undefined && activityTypes.has(host.type);
}

/** Element types that contain others on the canvas: by `parent`, by `lane`, or by geometry. */
export const containerTypes: ReadonlySet<Element['type']> = new Set([
  'subProcess',
  'lane',
  'group',
]);

/** May `element` be inside a sub-process (its `parent`)? Lanes and groups are drawn around them. */
export function canHaveParent(element: Element): boolean {
  return element.type !== 'lane' && element.type !== 'group' && element.type !== 'boundaryEvent';
}

/**
 * May `element` belong to a lane? Flow nodes do; lanes, groups and annotations are not a
 * participant's work, and a boundary event is where its activity is.
 */
export function canHaveLane(element: Element): boolean {
  return canHaveParent(element) && element.type !== 'annotation';
}
