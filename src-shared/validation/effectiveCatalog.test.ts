import { describe, expect, it } from 'vitest';
import { el, flowOf, shopCatalog } from '../../test/shared/flows';
import type { Catalog } from '../model/catalog';
import { effectiveCatalog } from './effectiveCatalog';

const mock = (latencyMs: number) => ({ latencyMs, failRate: 0, honoursIdempotency: true });
const catalogOf = (services: Record<string, Record<string, number>>): Catalog => ({
  services: Object.entries(services).map(([name, operations]) => ({
    name,
    operations: Object.entries(operations).map(([op, latency]) => ({
      name: op,
      mock: mock(latency),
    })),
  })),
});
const summary = (catalog: Catalog) =>
  catalog.services.map(
    (s) =>
      `${s.name}: ${s.operations.map((o) => `${o.name}@${JSON.stringify(o.mock.latencyMs)}`).join(' ')}`,
  );

describe('effectiveCatalog', () => {
  it('given a document without its own services, when merged, then the workspace catalog is used as it is', () => {
    const doc = { ...flowOf([el.start('s')], []), catalog: undefined };

    expect(effectiveCatalog(doc, { catalog: shopCatalog })).toBe(shopCatalog);
  });

  it('given services on both sides, when merged, then services and operations are united by name, the workspace winning', () => {
    const workspace = catalogOf({ Payment: { charge: 100 }, Inventory: { reserve: 40 } });
    const own = catalogOf({ Payment: { charge: 5, refund: 80 }, Shipping: { ship: 200 } });

    const merged = effectiveCatalog(flowOf([], [], own), { catalog: workspace });

    expect(summary(merged)).toEqual([
      'Payment: charge@100 refund@80',
      'Inventory: reserve@40',
      'Shipping: ship@200',
    ]);
  });

  it('given an empty workspace, when merged, then the document carries its own services', () => {
    const merged = effectiveCatalog(flowOf([], [], shopCatalog), { catalog: { services: [] } });

    expect(merged).toEqual(shopCatalog);
  });
});
