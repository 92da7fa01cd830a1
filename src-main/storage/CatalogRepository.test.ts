import { describe, expect, it } from 'vitest';
import type { Service } from '../../src-shared/model/catalog';
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

describe('CatalogRepository (real SQLite, in memory)', () => {
  const open = () => new CatalogRepository(openWorkspace({ path: ':memory:' }));

  it('starts empty, then keeps what was saved, sorted by name', () => {
    const catalog = open();
    expect(catalog.get()).toEqual({ services: [] });
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
    const added = catalog.addMissing([service('Payment', ['other']), service('Inventory')]);
    expect(added).toEqual(['Inventory']);
    expect(
      catalog
        .get()
        .services.find((s) => s.name === 'Payment')
        ?.operations.map((o) => o.name),
    ).toEqual(['charge']);
  });
});
