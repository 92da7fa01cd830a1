import { brokerSettings } from '../../compiler/map/compileMap';
import { CORRELATION_FIELD, type EventTypeDefinition, type FieldType } from '../../model/catalog';
import type { Connection, Element, ElementOf, WorkflowDocument } from '../../model/document';
import type { ExportReportItem } from '../exportReport';

/** The AsyncAPI 3.0 document, as plain JSON (validated by @asyncapi/parser on the Node side). */
export type AsyncApiDocument = Record<string, unknown>;

export interface AsyncApiExportResult {
  readonly document: AsyncApiDocument | null;
  /** Set when the document has no event side to describe (a flow that neither awaits nor publishes). */
  readonly refused?: string;
  readonly report: readonly ExportReportItem[];
}

/** One application's part: what it sends and what it receives, by event type name. */
interface Participant {
  readonly name: string;
  readonly sends: Map<string, string>;
  readonly receives: Map<string, string>;
}

const JSON_TYPES: Readonly<Record<FieldType, string>> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  object: 'object',
  array: 'array',
};

/**
 * The event side of a document as an AsyncAPI 3.0 document: a channel per event type, an
 * operation per service and event (`send` for what it publishes, `receive` for what it reacts
 * to), message payload schemas from the events catalog (every event carries `correlationId`),
 * info from the document. For a choreography map the services are its service nodes; for a flow
 * (the orchestration side of a hybrid), the flow itself is the one application, publishing its
 * message throws and receiving its message start and catches.
 */
export function exportAsyncApi(
  document: WorkflowDocument,
  options: { readonly version?: string } = {},
): AsyncApiExportResult {
  const report: ExportReportItem[] = [];
  const participants =
    document.kind === 'map' ? mapParticipants(document, report) : flowParticipants(document);
  const eventNames = new Set(
    participants.flatMap((p) => [...p.sends.keys(), ...p.receives.keys()]),
  );
  if (document.kind === 'map') {
    for (const element of document.model.elements)
      if (element.type === 'eventType' && element.eventType) eventNames.add(element.eventType);
  }
  if (eventNames.size === 0) {
    return {
      document: null,
      refused:
        document.kind === 'flow'
          ? 'this flow neither publishes nor awaits events: it has no event side for AsyncAPI (export it to ASL or XState)'
          : 'this map has no event types to describe',
      report,
    };
  }
  const catalog = new Map((document.catalog?.events ?? []).map((event) => [event.name, event]));
  const names = [...eventNames];
  const channels: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const name of names) {
    const definition = catalog.get(name);
    if (!definition)
      report.push({
        code: 'ASY001',
        severity: 'approximated',
        message: `event type ${name} is not in the document's events catalog: its payload is described by its correlation id only`,
      });
    channels[name] = {
      address: name,
      title: name,
      ...(definition?.description ? { description: definition.description } : {}),
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
    };
    messages[name] = messageOf(name, definition);
  }
  return {
    document: {
      asyncapi: '3.0.0',
      info: info(document, options.version),
      defaultContentType: 'application/json',
      channels,
      operations: operationsOf(participants),
      components: { messages },
    },
    report,
  };
}

/** The document as text: two-space JSON with a final newline. */
export function serializeAsyncApi(document: AsyncApiDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

function info(document: WorkflowDocument, version = '1.0.0') {
  const kind = document.kind === 'map' ? 'choreography map' : 'orchestration flow';
  const lines = [`The events of the ${kind} "${document.name ?? 'Untitled'}", exported by Baton.`];
  if (document.kind === 'map') {
    const broker = brokerSettings(document.broker);
    lines.push(
      `Broker: ${broker.delivery} delivery, up to ${broker.maxDeliveries} deliveries per event` +
        (broker.deadLetterQueue ? ', then a dead-letter queue' : '') +
        (broker.orderingKey ? `; ordered per ${broker.orderingKey}` : '') +
        '. Every event carries the correlation id of its instance.',
    );
  }
  return {
    title: document.name ?? (document.kind === 'map' ? 'Untitled map' : 'Untitled flow'),
    version,
    description: lines.join('\n\n'),
  };
}

function messageOf(name: string, definition: EventTypeDefinition | undefined) {
  const fields = definition?.payload.fields ?? [];
  const properties: Record<string, unknown> = {
    [CORRELATION_FIELD]: { type: 'string', description: 'The instance this event belongs to' },
  };
  for (const field of fields) properties[field.name] = { type: JSON_TYPES[field.type] };
  const required = [
    CORRELATION_FIELD,
    ...fields
      .filter((field) => field.required && field.name !== CORRELATION_FIELD)
      .map((f) => f.name),
  ];
  const about = definition
    ? `Version ${definition.version}, owned by ${definition.owner}.`
    : 'Not in the events catalog.';
  return {
    name,
    title: name,
    summary: definition?.description ?? about,
    ...(definition?.description ? { description: about } : {}),
    contentType: 'application/json',
    correlationId: { location: `$message.payload#/${CORRELATION_FIELD}` },
    payload: { type: 'object', properties, required },
  };
}

function operationsOf(participants: readonly Participant[]): Record<string, unknown> {
  const operations: Record<string, unknown> = {};
  const add = (who: string, action: 'send' | 'receive', event: string, description: string) => {
    operations[`${who}.${action}.${event}`] = {
      action,
      channel: { $ref: `#/channels/${event}` },
      messages: [{ $ref: `#/channels/${event}/messages/${event}` }],
      title: `${who} ${action === 'send' ? 'publishes' : 'reacts to'} ${event}`,
      description,
      tags: [{ name: who }],
    };
  };
  for (const participant of participants) {
    for (const [event, description] of participant.sends)
      add(participant.name, 'send', event, description);
    for (const [event, description] of participant.receives)
      add(participant.name, 'receive', event, description);
  }
  return operations;
}

/** A name safe in an operation id: letters, digits, ".", "-" and "_". */
const idSafe = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_');

function mapParticipants(document: WorkflowDocument, report: ExportReportItem[]): Participant[] {
  const byId = new Map(document.model.elements.map((element) => [element.id, element]));
  const eventName = (id: string) => {
    const node = byId.get(id);
    return node?.type === 'eventType' ? node.eventType : undefined;
  };
  for (const element of document.model.elements) {
    if (element.type === 'eventType' && !element.eventType)
      report.push({
        code: 'ASY002',
        severity: 'unsupported',
        elementId: element.id,
        message: 'this event type node names no event type: it has no channel',
      });
  }
  const participants = new Map<string, Participant>();
  const participantOf = (service: Element): Participant => {
    const name = idSafe((service as ElementOf<'service'>).service ?? service.id);
    const known = participants.get(name) ?? { name, sends: new Map(), receives: new Map() };
    participants.set(name, known);
    return known;
  };
  for (const connection of document.model.connections) {
    const source = byId.get(connection.source);
    const target = byId.get(connection.target);
    if (source?.type === 'service' && target?.type === 'eventType') {
      const event = eventName(target.id);
      if (event && !participantOf(source).sends.has(event))
        participantOf(source).sends.set(event, `${source.name || source.id} publishes ${event}.`);
    } else if (source?.type === 'eventType' && target?.type === 'service' && connection.reaction) {
      const event = eventName(source.id);
      if (!event) continue;
      participantOf(target).receives.set(event, reactionText(connection, event, eventName));
      if (connection.reaction.startsFlow)
        report.push({
          code: 'ASY100',
          severity: 'note',
          elementId: connection.id,
          message: `the reaction starts orchestration flow "${connection.reaction.startsFlow.flowId}": its own steps are not events; export that flow to ASL or XState`,
        });
    }
  }
  return [...participants.values()];
}

/** What a reaction does, in words, for its receive operation's description. */
function reactionText(
  connection: Connection,
  event: string,
  eventName: (id: string) => string | undefined,
): string {
  const reaction = connection.reaction;
  if (!reaction) return '';
  const names = (ids: readonly string[]) => ids.map((id) => eventName(id) ?? id).join(', ');
  const parts = [`On ${event}${reaction.condition ? ` when ${reaction.condition}` : ''}`];
  if (reaction.operations.length > 0)
    parts.push(`calls ${reaction.operations.map((o) => o.operation).join(', ')}`);
  if (reaction.startsFlow) parts.push(`runs flow ${reaction.startsFlow.flowId}`);
  if (reaction.emitsOnSuccess.length > 0)
    parts.push(`then publishes ${names(reaction.emitsOnSuccess)}`);
  if (reaction.emitsOnFailure.length > 0)
    parts.push(`on failure publishes ${names(reaction.emitsOnFailure)}`);
  return `${parts.join('; ')}. ${reaction.idempotent ? 'Idempotent' : 'Not idempotent'}.`;
}

function flowParticipants(document: WorkflowDocument): Participant[] {
  const flow: Participant = {
    name: idSafe(document.name ?? 'flow'),
    sends: new Map(),
    receives: new Map(),
  };
  for (const element of document.model.elements) {
    const label = element.name || element.id;
    if (element.type === 'messageThrow')
      flow.sends.set(element.eventType, `${label}: publishes ${element.eventType}.`);
    if (element.type === 'messageCatch')
      flow.receives.set(element.eventType, `${label}: waits for ${element.eventType}, correlated.`);
    if (element.type === 'startEvent' && element.trigger === 'message' && element.eventType)
      flow.receives.set(
        element.eventType,
        `${label}: an instance starts when ${element.eventType} arrives.`,
      );
  }
  return flow.sends.size + flow.receives.size > 0 ? [flow] : [];
}
