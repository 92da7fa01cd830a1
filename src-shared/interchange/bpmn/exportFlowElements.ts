import type { Connection, Element } from '../../model/elements';
import type { TimerSpec } from '../../model/expressions';
import { GENERATED_ID_PREFIX, PROPERTIES_TAG } from './bpmnExtension';
import { formatIsoDuration } from './isoDuration';
import type { XmlWriter } from './xmlWriter';

/** Properties a BPMN element states itself, left out of its `baton:properties`. */
const NATIVE_ELEMENT_KEYS = new Set(['id', 'name', 'type', 'parent', 'lane', 'text']);
const ANNOTATION_KEYS = new Set(['id', 'type', 'parent', 'lane', 'text']);
const NATIVE_CONNECTION_KEYS = new Set(['id', 'source', 'target', 'name', 'condition']);

/** The JSONata language URI written on conditions. */
export const JSONATA_LANGUAGE_URI = 'https://jsonata.org';

/** Ids of what the export makes up beside the elements: messages, errors, categories, associations. */
export const messageId = (eventType: string) => `${GENERATED_ID_PREFIX}message_${eventType}`;
export const errorId = (code: string) => `${GENERATED_ID_PREFIX}error_${code}`;
export const categoryValueId = (groupId: string) =>
  `${GENERATED_ID_PREFIX}category_value_${groupId}`;
export const associationId = (annotationId: string) =>
  `${GENERATED_ID_PREFIX}association_${annotationId}`;

/** Writes `baton:properties` with what BPMN cannot say about the element, if anything. */
export function writeProperties(
  xml: XmlWriter,
  item: Element | Connection,
  native: ReadonlySet<string> = 'type' in item ? NATIVE_ELEMENT_KEYS : NATIVE_CONNECTION_KEYS,
): void {
  const rest = Object.fromEntries(Object.entries(item).filter(([key]) => !native.has(key)));
  if (Object.keys(rest).length === 0) return;
  xml.open('bpmn:extensionElements');
  xml.leaf(PROPERTIES_TAG, [], JSON.stringify(rest));
  xml.close('bpmn:extensionElements');
}

/** The BPMN tag of each Baton element type of a flow. */
function tagOf(element: Element): string {
  switch (element.type) {
    case 'timerEvent':
    case 'messageCatch':
      return 'bpmn:intermediateCatchEvent';
    case 'messageThrow':
      return 'bpmn:intermediateThrowEvent';
    case 'annotation':
      return 'bpmn:textAnnotation';
    case 'service':
    case 'eventType':
    case 'lane':
      return 'bpmn:task';
    default:
      return `bpmn:${element.type}`;
  }
}

/**
 * Writes one flow element (and, for a sub-process, what `writeChildren` writes inside it): its
 * BPMN attributes, `baton:properties`, and event definition.
 */
export function writeFlowElement(
  xml: XmlWriter,
  element: Element,
  writeChildren: (subProcess: Element) => void,
): void {
  const tag = tagOf(element);
  const named = element.type !== 'annotation' && element.type !== 'group';
  const attributes: [string, string | undefined][] = [
    ['id', element.id],
    ...(named ? [['name', element.name] as [string, string]] : []),
  ];
  if (element.type === 'exclusiveGateway') attributes.push(['default', element.default]);
  if (element.type === 'boundaryEvent') attributes.push(['attachedToRef', element.attachedTo]);
  if (element.type === 'callActivity')
    attributes.push(['calledElement', element.flowId || undefined]);
  if (element.type === 'group') attributes.push(['categoryValueRef', categoryValueId(element.id)]);
  xml.open(tag, attributes);
  // A text annotation has no name in BPMN: Baton's is kept in the extension.
  writeProperties(xml, element, element.type === 'annotation' ? ANNOTATION_KEYS : undefined);
  if (element.type === 'annotation') xml.leaf('bpmn:text', [], element.text);
  writeEventDefinition(xml, element);
  if (element.type === 'subProcess') writeChildren(element);
  xml.close(tag);
}

function writeEventDefinition(xml: XmlWriter, element: Element): void {
  const id = `${GENERATED_ID_PREFIX}definition_${element.id}`;
  const message = (eventType: string | undefined) =>
    xml.leaf('bpmn:messageEventDefinition', [
      ['id', id],
      ['messageRef', eventType ? messageId(eventType) : undefined],
    ]);
  const error = (code: string | undefined) =>
    xml.leaf('bpmn:errorEventDefinition', [
      ['id', id],
      ['errorRef', code ? errorId(code) : undefined],
    ]);
  switch (element.type) {
    case 'startEvent':
      if (element.trigger === 'timer') writeTimer(xml, id, element.timer);
      if (element.trigger === 'message') message(element.eventType);
      break;
    case 'endEvent':
      if (element.result === 'error') error(element.errorCode);
      if (element.result === 'terminate') xml.leaf('bpmn:terminateEventDefinition', [['id', id]]);
      break;
    case 'timerEvent':
      writeTimer(xml, id, element.timer);
      break;
    case 'messageCatch':
    case 'messageThrow':
      message(element.eventType);
      break;
    case 'boundaryEvent':
      if (element.trigger === 'error') error(element.errorCode);
      else writeTimer(xml, id, element.timer);
      break;
    default:
      break;
  }
}

function writeTimer(xml: XmlWriter, id: string, timer: TimerSpec | undefined): void {
  if (!timer) {
    xml.leaf('bpmn:timerEventDefinition', [['id', id]]);
    return;
  }
  xml.open('bpmn:timerEventDefinition', [['id', id]]);
  const [tag, value] =
    'durationMs' in timer
      ? ['bpmn:timeDuration', formatIsoDuration(timer.durationMs)]
      : ['bpmn:timeDate', timer.at];
  xml.leaf(tag, [['xsi:type', 'bpmn:tFormalExpression']], value);
  xml.close('bpmn:timerEventDefinition');
}

/** A sequence flow with its condition (JSONata) and `baton:properties`. */
export function writeSequenceFlow(xml: XmlWriter, connection: Connection): void {
  const attributes: [string, string | undefined][] = [
    ['id', connection.id],
    ['name', connection.name],
    ['sourceRef', connection.source],
    ['targetRef', connection.target],
  ];
  xml.open('bpmn:sequenceFlow', attributes);
  writeProperties(xml, connection);
  if (connection.condition !== undefined) {
    xml.leaf(
      'bpmn:conditionExpression',
      [
        ['xsi:type', 'bpmn:tFormalExpression'],
        ['language', JSONATA_LANGUAGE_URI],
      ],
      connection.condition,
    );
  }
  xml.close('bpmn:sequenceFlow');
}
