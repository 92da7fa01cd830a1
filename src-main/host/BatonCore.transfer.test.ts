import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compilerCases } from '../../test/fixtures/compiler/cases';
import type { Client } from '../../src-shared/contract/contract';
import { BatonError } from '../../src-shared/contract/errors';
import { loadDocument } from '../../src-shared/format/loadDocument';
import { serializeDocument } from '../../src-shared/format/serializeDocument';
import type { Catalog, EventTypeDefinition } from '../../src-shared/model/catalog';
import { createEmptyDocument, type WorkflowDocument } from '../../src-shared/model/document';
import type { EventMessage } from '../services/EventHub';
import { exportFileName } from '../services/createTransferHandlers';
import { BatonCore, createInProcessClient } from './BatonCore';

let core: BatonCore;
let client: Client;
let events: EventMessage[];

beforeEach(() => {
  let clock = 1_000;
  core = new BatonCore({ workspacePath: ':memory:', mode: 'in-process', now: () => (clock += 1) });
  client = createInProcessClient(core);
  events = [];
  core.events.subscribe((message) => events.push(message));
});
afterEach(() => core.close());

async function failureOf(call: Promise<unknown>): Promise<BatonError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BatonError);
  return error as BatonError;
}

const catalog: Catalog = {
  services: [
    {
      name: 'Shop',
      operations: [{ name: 'a', mock: { latencyMs: 20, failRate: 0, honoursIdempotency: true } }],
    },
  ],
};
/** A flow as a file would hold it: named, with the catalog it was drawn with. */
const fileDocument: WorkflowDocument = {
  ...(compilerCases['sequence.basic'] as WorkflowDocument),
  name: 'Checkout',
  catalog,
};
const withoutName = ({ name: _name, ...rest }: WorkflowDocument) => rest;

describe('workflows.import', () => {
  it('given a saved document, when imported, then a workflow named after it opens with the document and is announced', async () => {
    const summary = await client['workflows.import']({ text: serializeDocument(fileDocument) });

    expect(summary).toMatchObject({ kind: 'flow', name: 'Checkout', versionCount: 0 });
    const opened = await client['workflows.open']({ id: summary.id });
    expect(opened.document).toEqual(withoutName(fileDocument));
    expect(opened.revision).toBe(1);
    expect(events).toEqual([
      { channel: 'workflows.changed', payload: { id: summary.id, change: 'created' } },
    ]);
  });

  it('given a name, when imported, then it wins over the document’s; with neither, the kind names it', async () => {
    const named = await client['workflows.import']({
      text: JSON.stringify(fileDocument),
      name: '  Mine ',
    });
    const unnamed = await client['workflows.import']({
      text: JSON.stringify(createEmptyDocument('map')),
    });

    expect(named.name).toBe('Mine');
    expect(unnamed).toMatchObject({ kind: 'map', name: 'Imported map' });
  });

  it.each([
    [
      'a newer format',
      '{"formatVersion": 99}',
      'This document was made by a newer Baton (format 99; this Baton reads format 1). Update Baton to open it.',
    ],
    ['text that is not JSON', '{"formatVersion": 1,', /^Cannot read the document: /],
    ['a JSON array', '[]', /^Not a Baton document: expected a JSON object/],
    [
      'a connection to nowhere',
      JSON.stringify({
        ...createEmptyDocument('flow'),
        model: { elements: [], connections: [{ id: 'c', source: 'a', target: 'b' }] },
      }),
      /^The document is not valid: .*connection "c" points to unknown element "a"/,
    ],
    ['a "__proto__" key', '{"formatVersion": 1, "__proto__": {"polluted": true}}', /__proto__/],
  ])(
    'given %s, when imported, then invalid-input names the problem and nothing is stored',
    async (_case, text, message) => {
      const error = await failureOf(client['workflows.import']({ text }));

      expect(error.code).toBe('invalid-input');
      if (typeof message === 'string') expect(error.message).toBe(message);
      else expect(error.message).toMatch(message);
      expect(error.issues?.length).toBeGreaterThan(0);
      expect(await client['workflows.list']({})).toEqual([]);
      expect(events).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});

describe('workflows.export', () => {
  it('given an imported document, when exported, then the text is its saved form with the workflow’s name and catalog', async () => {
    const { id } = await client['workflows.import']({ text: JSON.stringify(fileDocument) });
    await client['workflows.rename']({ id, name: 'Checkout v2' });

    const exported = await client['workflows.export']({ id });

    expect(exported.fileName).toBe('Checkout v2.baton.json');
    expect(exported.text).toBe(serializeDocument({ ...fileDocument, name: 'Checkout v2' }));
    expect(loadDocument(exported.text)).toEqual({
      ok: true,
      document: { ...fileDocument, name: 'Checkout v2' },
    });
  });

  it('given the latest draft, when exported, then it is what is exported, not an older version', async () => {
    const { id } = await client['workflows.create']({ kind: 'flow', name: 'Orders' });
    await client['versions.create']({ id });
    await client['drafts.save']({ id, baseRevision: 1, document: fileDocument });

    const { text } = await client['workflows.export']({ id });

    expect(loadDocument(text)).toMatchObject({ ok: true, document: { name: 'Orders', catalog } });
  });

  it('given an unknown workflow, when exported, then it is not-found', async () => {
    const error = await failureOf(
      client['workflows.export']({ id: '3f2b8c1e-9d4a-4e6b-8f1a-2c3d4e5f6a7b' }),
    );

    expect(error.code).toBe('not-found');
  });

  it.each([
    ['Order saga', 'Order saga.baton.json'],
    ['Refunds: EU/UK?', 'Refunds- EU-UK.baton.json'],
    ['  ../..  ', 'workflow.baton.json'],
    ['a\tb\nc', 'a b c.baton.json'],
    ['Zahlung “Ä”', 'Zahlung “Ä”.baton.json'],
  ])('given the name %j, then the file is named %j', (name, fileName) => {
    expect(exportFileName(name)).toBe(fileName);
  });
});

const eventType = (name: string, owner: string, version = 1): EventTypeDefinition => ({
  name,
  owner,
  version,
  payload: { fields: [{ name: 'orderId', type: 'string', required: true }] },
});
const mockOf = { latencyMs: 20, failRate: 0, honoursIdempotency: true };
/** A small map as a file holds it: Payment reacts to OrderPlaced and publishes PaymentCaptured. */
const mapDocument: WorkflowDocument = {
  formatVersion: 1,
  kind: 'map',
  name: 'Payments',
  model: {
    elements: [
      {
        type: 'eventType',
        id: 'orderPlaced',
        name: 'Order placed',
        eventType: 'OrderPlaced',
        initial: true,
      },
      { type: 'service', id: 'payment', name: 'Payment', service: 'Payment' },
      {
        type: 'eventType',
        id: 'paymentCaptured',
        name: 'Payment captured',
        eventType: 'PaymentCaptured',
        terminal: 'completed',
      },
    ],
    connections: [
      {
        id: 'react_orderPlaced_payment',
        source: 'orderPlaced',
        target: 'payment',
        reaction: {
          operations: [{ operation: 'charge' }],
          emitsOnSuccess: ['paymentCaptured'],
          emitsOnFailure: [],
          idempotent: true,
        },
      },
      { id: 'publish_payment_captured', source: 'payment', target: 'paymentCaptured' },
    ],
  },
  diagram: {
    shapes: {
      orderPlaced: { x: 40, y: 100 },
      payment: { x: 240, y: 92 },
      paymentCaptured: { x: 460, y: 100 },
    },
  },
  catalog: {
    services: [{ name: 'Payment', operations: [{ name: 'charge', mock: mockOf }] }],
    events: [eventType('OrderPlaced', 'Orders'), eventType('PaymentCaptured', 'Payment')],
  },
  broker: {
    delivery: 'at-least-once',
    duplicateRate: 0.05,
    maxDeliveries: 5,
    deadLetterQueue: true,
  },
};

describe('the events catalog across import and export', () => {
  it('given a map with its event types, when imported, then the workspace catalog gains them, keeping those it knows', async () => {
    await client['catalog.save']({
      catalog: { services: [], events: [eventType('OrderPlaced', 'Checkout', 4)] },
    });

    await client['workflows.import']({ text: serializeDocument(mapDocument) });

    const workspace = await client['catalog.get']({});
    expect(workspace.events).toEqual([
      eventType('OrderPlaced', 'Checkout', 4),
      eventType('PaymentCaptured', 'Payment'),
    ]);
    expect(workspace.services.map((service) => service.name)).toEqual(['Payment']);
  });

  it('given an imported map, when exported, then it carries the event types its nodes name, as the workspace defines them', async () => {
    await client['catalog.save']({
      catalog: { services: [], events: [eventType('OrderPlaced', 'Checkout', 4)] },
    });
    const { id } = await client['workflows.import']({ text: serializeDocument(mapDocument) });

    const { text } = await client['workflows.export']({ id });

    const loaded = loadDocument(text);
    expect(loaded.ok && loaded.document.catalog).toEqual({
      services: mapDocument.catalog!.services,
      events: [eventType('OrderPlaced', 'Checkout', 4), eventType('PaymentCaptured', 'Payment')],
    });
    expect(loaded.ok && loaded.document.broker).toEqual(mapDocument.broker);
  });

  it('given a flow that awaits and publishes events it does not define, when exported, then exactly those event types come from the workspace', async () => {
    await client['catalog.save']({
      catalog: {
        services: [],
        events: ['CustomsDecisionIssued', 'GoodsCleared', 'Unused'].map((name) =>
          eventType(name, 'Customs'),
        ),
      },
    });
    const { id } = await client['workflows.create']({ kind: 'flow', name: 'Customs' });
    const flow: WorkflowDocument = {
      ...createEmptyDocument('flow'),
      model: {
        elements: [
          { type: 'messageThrow', id: 'announce', name: 'Announce', eventType: 'GoodsCleared' },
          {
            type: 'messageCatch',
            id: 'decision',
            name: 'Decision',
            eventType: 'CustomsDecisionIssued',
          },
          { type: 'messageCatch', id: 'unknown', name: 'Unknown', eventType: 'NotInAnyCatalog' },
        ],
        connections: [],
      },
    };
    await client['drafts.save']({ id, baseRevision: 1, document: flow });

    const { text } = await client['workflows.export']({ id });

    const loaded = loadDocument(text);
    expect(loaded.ok && loaded.document.catalog).toEqual({
      services: [],
      events: [eventType('CustomsDecisionIssued', 'Customs'), eventType('GoodsCleared', 'Customs')],
    });
  });

  it('given a document using no service and no event type, when exported, then it has no catalog', async () => {
    const { id } = await client['workflows.create']({ kind: 'map', name: 'Empty' });

    const { text } = await client['workflows.export']({ id });

    expect(loadDocument(text)).toMatchObject({ ok: true });
    expect(text).not.toContain('"catalog"');
  });
});
