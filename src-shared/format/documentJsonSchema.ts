import { z } from 'zod';
import {
  Catalog,
  Latency,
  MockBehaviour,
  MockOutcome,
  Operation,
  OperationName,
  Service,
  ServiceName,
} from '../model/catalog';
import { EdgeRoute, FORMAT_VERSION, Shape, WorkflowDocument } from '../model/document';
import {
  Annotation,
  BoundaryEvent,
  CallActivity,
  Connection,
  Element,
  EndEvent,
  EventTypeNode,
  ExclusiveGateway,
  Group,
  Lane,
  MessageCatch,
  MessageThrow,
  ParallelGateway,
  ServiceNode,
  ServiceTask,
  StartEvent,
  SubProcess,
  TimerEvent,
  UserTask,
} from '../model/elements';
import { Expression, RetryPolicy, TimerSpec } from '../model/expressions';
import { ElementId } from '../model/ids';

/** Where the generated schema is kept in the repository, relative to its root. */
export const DOCUMENT_JSON_SCHEMA_PATH = 'docs/schema/workflow-document.schema.json';

type Meta = { id?: string; title?: string; description?: string };

/**
 * The named parts of the document schema: each becomes an entry of `$defs` (so an element id's
 * pattern is written once, not at every use) with a description an editor can show on hover.
 */
const definitions: readonly [z.core.$ZodType, Meta][] = [
  [ElementId, { id: 'ElementId', description: 'A stable, readable id, unique in the document.' }],
  [Expression, { id: 'Expression', description: 'A JSONata expression.' }],
  [TimerSpec, { id: 'TimerSpec', description: 'A duration, or a point in time (ISO 8601).' }],
  [
    RetryPolicy,
    { id: 'RetryPolicy', description: 'How a failed call is tried again; maxAttempts counts all.' },
  ],
  [Element, { id: 'Element', description: 'One element of a flow or map, told apart by type.' }],
  [StartEvent, { id: 'StartEvent', description: 'Where an instance begins.' }],
  [EndEvent, { id: 'EndEvent', description: 'How an instance ends.' }],
  [
    ServiceTask,
    {
      id: 'ServiceTask',
      description:
        'Calls service.operation with the input mapping, within timeoutMs, retried by retry; ' +
        'compensation undoes it when a later step fails; a pivot cannot be undone.',
    },
  ],
  [UserTask, { id: 'UserTask', description: 'A person approves or rejects.' }],
  [
    ExclusiveGateway,
    {
      id: 'ExclusiveGateway',
      description: 'Takes the first outgoing path whose condition holds, else the default one.',
    },
  ],
  [ParallelGateway, { id: 'ParallelGateway', description: 'Forks into branches or joins them.' }],
  [TimerEvent, { id: 'TimerEvent', description: 'Waits for a duration or until a time.' }],
  [MessageCatch, { id: 'MessageCatch', description: 'Waits for a correlated event.' }],
  [MessageThrow, { id: 'MessageThrow', description: 'Publishes an event to the broker.' }],
  [
    BoundaryEvent,
    {
      id: 'BoundaryEvent',
      description: 'Catches an error of, or times out, the task it is attached to.',
    },
  ],
  [
    SubProcess,
    { id: 'SubProcess', description: 'An embedded sub-flow (elements name it parent).' },
  ],
  [CallActivity, { id: 'CallActivity', description: 'Calls another flow by id and version.' }],
  [Annotation, { id: 'Annotation', description: 'A text note for people.' }],
  [Group, { id: 'Group', description: 'A visual grouping for people.' }],
  [Lane, { id: 'Lane', description: 'A lane per participant (elements name it lane).' }],
  [ServiceNode, { id: 'ServiceNode', description: 'A service on a choreography map.' }],
  [EventTypeNode, { id: 'EventTypeNode', description: 'An event type on a choreography map.' }],
  [
    Connection,
    { id: 'Connection', description: 'A sequence flow (flow) or a publish/react edge (map).' },
  ],
  [Shape, { id: 'Shape', description: 'Where an element is drawn; sizes default by type.' }],
  [EdgeRoute, { id: 'EdgeRoute', description: 'The bend points of a connection.' }],
  [Catalog, { id: 'Catalog', description: 'The services the document uses.' }],
  [Service, { id: 'Service', description: 'A service and its operations.' }],
  [ServiceName, { id: 'ServiceName' }],
  [Operation, { id: 'Operation', description: 'An operation and its default mock behaviour.' }],
  [OperationName, { id: 'OperationName' }],
  [MockBehaviour, { id: 'MockBehaviour', description: 'How the mock of an operation behaves.' }],
  [MockOutcome, { id: 'MockOutcome', description: 'What one attempt of a mock does.' }],
  [Latency, { id: 'Latency', description: 'Milliseconds, fixed or a range.' }],
];

/**
 * The JSON Schema (draft 2020-12) of a saved document, for editors and for tools outside Baton.
 * It describes a file as written (`io: 'input'`); what JSON Schema cannot say (unique ids,
 * connection ends and shape keys that name existing elements) is checked by `loadDocument` only.
 */
export function documentJsonSchema(): Record<string, unknown> {
  const metadata = z.registry<Meta>();
  for (const [schema, meta] of definitions) metadata.add(schema, meta);
  const { $schema, ...schema } = z.toJSONSchema(WorkflowDocument, { io: 'input', metadata });
  return {
    $schema,
    title: 'Baton workflow document',
    description:
      `A Baton orchestration flow or choreography map, format ${FORMAT_VERSION}. Ids must be ` +
      'unique, and connections and diagram keys must name elements of the model: Baton checks ' +
      'these, this schema cannot.',
    ...schema,
  };
}
