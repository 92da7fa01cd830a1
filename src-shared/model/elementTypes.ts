import { z } from 'zod';

/** The two kinds of document a workspace holds. */
export const WorkflowKind = z.enum(['flow', 'map']);
export type WorkflowKind = z.infer<typeof WorkflowKind>;

/**
 * The basic element types of the foundation. Orchestration flows draw BPMN-style events, tasks and
 * gateways; choreography maps draw services and event types.
 */
export const ElementType = z.enum([
  'startEvent',
  'endEvent',
  'serviceTask',
  'userTask',
  'exclusiveGateway',
  'parallelGateway',
  'timerEvent',
  'messageCatch',
  'messageThrow',
  'boundaryEvent',
  'subProcess',
  'callActivity',
  'annotation',
  'group',
  'lane',
  'service',
  'eventType',
]);
export type ElementType = z.infer<typeof ElementType>;

/** What the palette and the canvas need to know about an element type. */
export interface ElementTypeInfo {
  readonly type: ElementType;
  readonly label: string;
  readonly defaultName: string;
  readonly idPrefix: string;
  readonly size: { readonly width: number; readonly height: number };
  /** May this element have incoming / outgoing connections? */
  readonly accepts: { readonly incoming: boolean; readonly outgoing: boolean };
}

const info = (
  type: ElementType,
  label: string,
  idPrefix: string,
  size: [number, number],
  accepts: { incoming: boolean; outgoing: boolean },
): ElementTypeInfo => ({
  type,
  label,
  defaultName: label,
  idPrefix,
  size: { width: size[0], height: size[1] },
  accepts,
});

const both = { incoming: true, outgoing: true };
const none = { incoming: false, outgoing: false };

export const elementTypeInfo: Readonly<Record<ElementType, ElementTypeInfo>> = {
  startEvent: info('startEvent', 'Start', 'start', [48, 48], { incoming: false, outgoing: true }),
  endEvent: info('endEvent', 'End', 'end', [48, 48], { incoming: true, outgoing: false }),
  serviceTask: info('serviceTask', 'Service task', 'serviceTask', [160, 64], both),
  userTask: info('userTask', 'User task', 'userTask', [160, 64], both),
  exclusiveGateway: info('exclusiveGateway', 'Exclusive gateway', 'gateway', [56, 56], both),
  parallelGateway: info('parallelGateway', 'Parallel gateway', 'parallel', [56, 56], both),
  timerEvent: info('timerEvent', 'Timer', 'timer', [48, 48], both),
  messageCatch: info('messageCatch', 'Wait for event', 'await', [48, 48], both),
  messageThrow: info('messageThrow', 'Publish event', 'publish', [48, 48], both),
  boundaryEvent: info('boundaryEvent', 'Boundary event', 'boundary', [36, 36], {
    incoming: false,
    outgoing: true,
  }),
  subProcess: info('subProcess', 'Sub-process', 'subProcess', [360, 200], both),
  callActivity: info('callActivity', 'Call activity', 'call', [160, 64], both),
  annotation: info('annotation', 'Annotation', 'note', [180, 60], none),
  group: info('group', 'Group', 'group', [320, 200], none),
  lane: info('lane', 'Lane', 'lane', [900, 180], none),
  service: info('service', 'Service', 'service', [170, 64], both),
  eventType: info('eventType', 'Event', 'event', [150, 48], both),
};

/** The element types a document of each kind may contain, in palette order. */
export const paletteByKind: Readonly<Record<WorkflowKind, readonly ElementType[]>> = {
  flow: [
    'startEvent',
    'serviceTask',
    'userTask',
    'exclusiveGateway',
    'parallelGateway',
    'timerEvent',
    'messageCatch',
    'messageThrow',
    'boundaryEvent',
    'subProcess',
    'callActivity',
    'endEvent',
    'annotation',
    'group',
    'lane',
  ],
  map: ['service', 'eventType'],
};
