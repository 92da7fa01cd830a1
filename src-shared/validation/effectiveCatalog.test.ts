import { describe, expect, it } from 'vitest';
import { el, flowOf, shopCatalog } from '../../test/shared/flows';
import type { Catalog, EventTypeDefinition } from '../model/catalog';
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
const event = (name: string, owner: string, version = 1): EventTypeDefinition => ({
  name,
  owner,
  version,
  payload: { fields: [] },
});
const eventSummary = (catalog: Catalog) =>
  catalog.events?.map((e) => `${e.name}@${e.owner} v${e.version}`);
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

  it('given event types on both sides, when merged, then they are united by name, the workspace winning', () => {
    const workspace: Catalog = {
      services: [],
      events: [event('OrderPlaced', 'Shop', 2), event('PaymentFailed', 'Payment')],
    };
    const own: Catalog = {
      services: [],
      events: [event('OrderPlaced', 'Shop', 1), event('StockReserved', 'Inventory')],
    };

    const merged = effectiveCatalog(flowOf([], [], own), { catalog: workspace });

    expect(eventSummary(merged)).toEqual([
      'OrderPlaced@Shop v2',
      'PaymentFailed@Payment v1',
      'StockReserved@Inventory v1',
    ]);
  });

  it('given a document with only its own events, when merged, then the workspace services stay and the events are added', () => {
    const own: Catalog = { services: [], events: [event('OrderPlaced', 'Shop')] };

    const merged = effectiveCatalog(flowOf([], [], own), { catalog: shopCatalog });

    expect(merged.services).toEqual(shopCatalog.services);
    expect(eventSummary(merged)).toEqual(['OrderPlaced@Shop v1']);
  });

  it('given events only in the workspace, when merged with a document of its own services, then the events are kept', () => {
    const workspace: Catalog = { services: [], events: [event('OrderPlaced', 'Shop')] };

    const merged = effectiveCatalog(flowOf([], [], shopCatalog), { catalog: workspace });

    expect(eventSummary(merged)).toEqual(['OrderPlaced@Shop v1']);
    expect(merged.services).toEqual(shopCatalog.services);
  });
});
