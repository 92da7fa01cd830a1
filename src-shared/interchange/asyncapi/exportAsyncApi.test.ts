import { describe, expect, it } from 'vitest';
import { loadExamples } from '../../../test/shared/exampleFiles';
import type { WorkflowDocument } from '../../model/document';
import { exportAsyncApi } from './exportAsyncApi';

const example = (name: string): WorkflowDocument => {
  const found = [...loadExamples('map'), ...loadExamples('flow')].find(([n]) => n === name);
  if (!found) throw new Error(`no example ${name}`);
  return found[1];
};

interface Operation {
  action: string;
  channel: { $ref: string };
  messages: { $ref: string }[];
}

describe('a choreography map as AsyncAPI 3.0', () => {
  const doc = example('choreography-saga');
  const { document, report } = exportAsyncApi(doc, { version: '4' });
  const channels = document?.channels as Record<string, { address: string }>;
  const operations = document?.operations as Record<string, Operation>;
  const messages = (document?.components as { messages: Record<string, Record<string, unknown>> })
    .messages;

  it('has a channel and a message per event type on the map', () => {
    const eventTypes = doc.model.elements.flatMap((e) =>
      e.type === 'eventType' && e.eventType ? [e.eventType] : [],
    );
    expect(Object.keys(channels).sort()).toEqual([...eventTypes].sort());
    expect(Object.keys(messages).sort()).toEqual([...eventTypes].sort());
    for (const name of eventTypes) expect(channels[name]?.address).toBe(name);
  });

  it('sends what each service publishes and receives what it reacts to', () => {
    const byId = new Map(doc.model.elements.map((e) => [e.id, e]));
    const serviceName = (id: string) => {
      const node = byId.get(id);
      return node?.type === 'service' ? (node.service ?? id) : id;
    };
    const eventName = (id: string) => {
      const node = byId.get(id);
      return node?.type === 'eventType' ? node.eventType : id;
    };
    const expected = doc.model.connections
      .map((c) =>
        c.reaction
          ? `${serviceName(c.target)}.receive.${eventName(c.source)}`
          : `${serviceName(c.source)}.send.${eventName(c.target)}`,
      )
      .sort();
    expect(Object.keys(operations).sort()).toEqual([...new Set(expected)].sort());
    for (const [id, operation] of Object.entries(operations)) {
      const event = id.split('.').slice(2).join('.');
      expect(operation.action).toBe(id.split('.')[1]);
      expect(operation.channel).toEqual({ $ref: `#/channels/${event}` });
      expect(operation.messages).toEqual([{ $ref: `#/channels/${event}/messages/${event}` }]);
    }
  });

  it("describes each payload from the catalog's fields, with the correlation id", () => {
    const definition = doc.catalog!.events![0]!;
    const message = messages[definition.name]!;
    const payload = message.payload as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(payload.properties)).toEqual([
      'correlationId',
      ...definition.payload.fields.map((f) => f.name),
    ]);
    expect(payload.required).toEqual([
      'correlationId',
      ...definition.payload.fields.filter((f) => f.required).map((f) => f.name),
    ]);
    expect(message.correlationId).toEqual({ location: '$message.payload#/correlationId' });
  });

  it('takes its info from the document', () => {
    expect(document?.info).toMatchObject({ title: doc.name, version: '4' });
    expect(report).toEqual([]);
  });
});

describe('the event side of hybrids', () => {
  it('notes a reaction that starts an orchestration flow', () => {
    const { report } = exportAsyncApi(example('logistics-hybrid'));
    expect(report.map((item) => [item.code, item.severity])).toEqual([['ASY100', 'note']]);
  });

  it('describes a flow as one application sending its throws and receiving what it awaits', () => {
    const { document } = exportAsyncApi(example('customs-clearance'));
    expect(Object.keys(document?.operations as object).sort()).toEqual([
      'Customs_clearance.receive.CustomsDecisionIssued',
      'Customs_clearance.receive.ShipmentArrived',
    ]);
  });

  it('refuses a flow with no events, saying why', () => {
    const result = exportAsyncApi(example('travel-booking'));
    expect(result.document).toBeNull();
    expect(result.refused).toContain('neither publishes nor awaits events');
  });

  it('reports an event type missing from the catalog instead of dropping it', () => {
    const doc = structuredClone(example('choreography-saga'));
    const [dropped] = doc.catalog!.events!.splice(0, 1);
    const { document, report } = exportAsyncApi(doc);
    expect(report).toContainEqual(
      expect.objectContaining({ code: 'ASY001', severity: 'approximated' }),
    );
    expect(Object.keys(document?.channels as object)).toContain(dropped!.name);
  });
});
