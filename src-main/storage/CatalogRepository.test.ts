import { describe, expect, it } from 'vitest';
import type { EventTypeDefinition, Service } from '../../src-shared/model/catalog';
import { BatonError } from '../../src-shared/contract/errors';
import { CatalogRepository } from './CatalogRepository';
import { openWorkspace } from './openWorkspace';

const service = (name: string, operations: string[] = ['run']): Service => ({
  name,
  operations: operations.map((op) => ({
    name: op,
    mock: { latencyMs: 10, failRate: 0, honoursIdempotency: true },
  })),
});

const eventType = (name: string, owner = 'Orders', version = 1): EventTypeDefinition => ({
  name,
  owner,
  version,
  description: `${name}, published by ${owner}.`,
  payload: {
    fields: [
      { name: 'orderId', type: 'string', required: true },
      { name: 'amount', type: 'number', required: false },
    ],
  },
});

describe('CatalogRepository (real SQLite, in memory)', () => {
  const open = () => new CatalogRepository(openWorkspace({ path: ':memory:' }));

  it('starts empty, then keeps what was saved, sorted by name', () => {
    const catalog = open();
    expect(catalog.get()).toEqual({ services: [], events: [] });
    catalog.replace({ services: [service('Shipping'), service('Payment', ['charge', 'refund'])] });
    expect(catalog.get().services.map((s) => s.name)).toEqual(['Payment', 'Shipping']);
    expect(catalog.get().services[0]?.operations.map((o) => o.name)).toEqual(['charge', 'refund']);
  });

  it('replaces the whole catalog', () => {
    const catalog = open();
    catalog.replace({ services: [service('A'), service('B')] });
    catalog.replace({ services: [service('C')] });
    expect(catalog.get().services.map((s) => s.name)).toEqual(['C']);
  });

  it('refuses a catalog naming a service twice, and keeps the old one', () => {
    const catalog = open();
    catalog.replace({ services: [service('A')] });
    expect(() => catalog.replace({ services: [service('B'), service('B')] })).toThrow(BatonError);
    expect(catalog.get().services.map((s) => s.name)).toEqual(['A']);
  });

  it('adds only the services it does not have, keeping existing definitions', () => {
    const catalog = open();
    catalog.replace({ services: [service('Payment', ['charge'])] });
    const added = catalog.addMissing({
      services: [service('Payment', ['other']), service('Inventory')],
    });
    expect(added).toEqual({ services: ['Inventory'], events: [] });
    expect(
      catalog
        .get()
        .services.find((s) => s.name === 'Payment')
        ?.operations.map((o) => o.name),
    ).toEqual(['charge']);
  });

  it('given operations without an undo, when undos are added, then only those gain one and nothing else changes', () => {
    const catalog = open();
    const payment = service('Payment', ['charge', 'refund', 'hold', 'release']);
    catalog.replace({
      services: [
        {
          ...payment,
          operations: payment.operations.map((o) =>
            o.name === 'hold' ? { ...o, compensatedBy: 'release' } : o,
          ),
        },
        service('Orders', ['create']),
      ],
    });
    const undoing = (name: string, pairs: Record<string, string>, operations: string[]) => {
      const given = service(name, operations);
      return {
        ...given,
        operations: given.operations.map((o) =>
          pairs[o.name] ? { ...o, compensatedBy: pairs[o.name] } : o,
        ),
      };
    };

    const added = catalog.addMissingUndos([
      // refund exists: charge gains it. hold keeps its own undo. An unknown undo is not taken.
      undoing('Payment', { charge: 'refund', hold: 'refund' }, ['charge', 'refund', 'hold']),
      undoing('Orders', { create: 'cancel' }, ['create', 'cancel']),
      undoing('Unknown', { a: 'b' }, ['a', 'b']),
    ]);

    expect(added).toEqual(['Payment.charge → refund']);
    const undos = catalog
      .get()
      .services.flatMap((s) =>
        s.operations.map((o) => `${s.name}.${o.name}:${o.compensatedBy ?? '-'}`),
      );
    expect(undos).toEqual([
      'Orders.create:-',
      'Payment.charge:refund',
      'Payment.refund:-',
      'Payment.hold:release',
      'Payment.release:-',
    ]);
    expect(catalog.addMissingUndos([undoing('Payment', { charge: 'refund' }, ['charge'])])).toEqual(
      [],
    );
  });

  describe('event types', () => {
    it('given saved event types, when read back, then they come whole, sorted by name', () => {
      const catalog = open();

      catalog.replace({
        services: [service('Orders')],
        events: [eventType('OrderPlaced'), eventType('InventoryReserved', 'Inventory', 2)],
      });

      expect(catalog.get().events).toEqual([
        eventType('InventoryReserved', 'Inventory', 2),
        eventType('OrderPlaced'),
      ]);
    });

    it('given a catalog without events, when saved, then the stored event types are kept', () => {
      const catalog = open();
      catalog.replace({ services: [service('A')], events: [eventType('OrderPlaced')] });

      const saved = catalog.replace({ services: [service('B')] });

      expect(saved.services.map((s) => s.name)).toEqual(['B']);
      expect(saved.events?.map((e) => e.name)).toEqual(['OrderPlaced']);
    });

    it('given an empty events list, when saved, then every event type is removed', () => {
      const catalog = open();
      catalog.replace({ services: [], events: [eventType('OrderPlaced')] });

      expect(catalog.replace({ services: [], events: [] }).events).toEqual([]);
    });

    it('given a catalog naming an event type twice, when saved, then it is refused and nothing changes', () => {
      const catalog = open();
      catalog.replace({ services: [service('A')], events: [eventType('OrderPlaced')] });

      expect(() =>
        catalog.replace({
          services: [service('B')],
          events: [eventType('PaymentFailed'), eventType('PaymentFailed', 'Payment', 2)],
        }),
      ).toThrow(/event type "PaymentFailed" twice/);
      expect(catalog.get()).toEqual({
        services: [service('A')],
        events: [eventType('OrderPlaced')],
      });
    });

    it('given known and new event types, when added, then only the new ones join and known definitions stay', () => {
      const catalog = open();
      catalog.replace({ services: [], events: [eventType('OrderPlaced', 'Orders', 1)] });

      const added = catalog.addMissing({
        services: [service('Payment')],
        events: [
          eventType('OrderPlaced', 'Checkout', 3),
          eventType('PaymentFailed', 'Payment'),
          eventType('PaymentFailed', 'Payment', 2),
        ],
      });

      expect(added).toEqual({ services: ['Payment'], events: ['PaymentFailed'] });
      expect(catalog.get().events).toEqual([
        eventType('OrderPlaced', 'Orders', 1),
        eventType('PaymentFailed', 'Payment'),
      ]);
    });

    it('given a stored row that is not a valid event type, when read, then it fails as internal naming it', () => {
      const db = openWorkspace({ path: ':memory:' });
      db.prepare('INSERT INTO catalog_events VALUES (\'Broken\', \'{"name":"Broken"}\')').run();

      expect(() => new CatalogRepository(db).get()).toThrow(
        /stored event type Broken is not valid/,
      );
    });
  });
});
