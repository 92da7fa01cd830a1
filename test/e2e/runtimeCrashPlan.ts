import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocument } from '../../src-shared/format/loadDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { Scenario } from '../../src-shared/runtime/scenario';

/**
 * The runs the crash test starts: the worked examples under scenarios that reach every final
 * status (completed, compensated, needs-attention, failed), parallel branches, a late success, a
 * broker that duplicates deliveries, a consumer that is down for a while, and redeliveries enough
 * for machine snapshots. A run's seed is
 * unique in the plan, so a run found in the workspace names its plan entry by its seed.
 */
export interface PlannedRun {
  readonly label: string;
  readonly example: string;
  readonly scenario: Scenario;
  readonly seed: number;
}

/** Relative to the repository root, where vitest and the child both run. */
const EXAMPLES_DIR = 'assets/examples';

export const order = (id: string, amount = 120) => ({
  orderId: id,
  customerId: 'c-7',
  customerEmail: 'ada@example.com',
  items: [
    { sku: 'lamp', quantity: 1 },
    { sku: 'bulb', quantity: 4 },
  ],
  amount,
  currency: 'EUR',
  shippingAddress: { street: '1 Quay', city: 'Lyon', country: 'FR' },
});
const video = (id: string) => ({
  videoId: id,
  channelId: 'ch-1',
  uploadUrl: `https://uploads.example.com/${id}`,
  title: 'Crash course',
});
const trip = (id: string) => ({
  tripId: id,
  travellerEmail: 'ada@example.com',
  travellers: ['Ada'],
  flight: 'LYS-OSL',
  hotel: 'Fjord Inn',
  departureDate: '2026-03-02',
  returnDate: '2026-03-09',
});

/** One kind of run: an example under a scenario, with roughly how long it lasts in virtual time. */
interface Shape {
  readonly label: string;
  readonly example: string;
  readonly scenario: Scenario;
  readonly spanMs: number;
}

const shapes: readonly Shape[] = [
  {
    label: 'order-happy',
    example: 'order-saga',
    spanMs: 1_200,
    scenario: { input: order('o-happy') },
  },
  {
    label: 'order-declined',
    example: 'order-saga',
    spanMs: 1_200,
    scenario: { input: order('o-declined'), mocks: { 'Payment.charge': { outcomes: ['fail'] } } },
  },
  {
    label: 'order-third-time',
    example: 'order-saga',
    spanMs: 1_200,
    scenario: {
      input: order('o-third-time'),
      mocks: { 'Payment.charge': { outcomes: ['fail', 'fail', 'ok'] } },
    },
  },
  {
    label: 'order-refund-fails',
    example: 'order-saga',
    spanMs: 21_000,
    scenario: {
      input: order('o-refund-fails'),
      mocks: {
        'Shipping.createShipment': { outcomes: ['fail'] },
        'Payment.refund': { outcomes: ['fail'] },
      },
    },
  },
  {
    label: 'order-late-charge',
    example: 'order-saga',
    spanMs: 12_600,
    scenario: {
      input: order('o-late-charge'),
      mocks: { 'Payment.charge': { outcomes: ['late-ok'], latencyMs: 7_000 } },
    },
  },
  {
    label: 'order-unannounced',
    example: 'order-saga',
    spanMs: 16_000,
    scenario: {
      input: order('o-unannounced'),
      mocks: { 'Notifications.sendEmail': { outcomes: ['fail'] } },
    },
  },
  {
    label: 'media-encode-fails',
    example: 'media-encoding',
    spanMs: 180_000,
    scenario: { input: video('v-1'), mocks: { encode720p: { outcomes: ['fail'] } } },
  },
  {
    label: 'trip-no-car',
    example: 'travel-booking',
    spanMs: 3_300,
    scenario: { input: trip('t-2'), mocks: { 'CarRental.reserve': { outcomes: ['fail'] } } },
  },
  {
    label: 'choreography-duplicates',
    example: 'choreography-saga',
    spanMs: 1_800,
    scenario: { input: order('cs-1'), broker: { duplicateRate: 0.3 } },
  },
  {
    label: 'choreography-declined',
    example: 'choreography-saga',
    spanMs: 1_800,
    scenario: {
      input: order('cs-2'),
      broker: { duplicateRate: 0.3 },
      mocks: { 'Payment.chargeCustomer': { outcomes: ['fail'] } },
    },
  },
  {
    label: 'fanout-shipping-down',
    example: 'order-fanout',
    spanMs: 7_000,
    scenario: { input: order('of-1'), down: { Shipping: [{ fromMs: 0, toMs: 6_000 }] } },
  },
  {
    label: 'fanout-declined-inventory-down',
    example: 'order-fanout',
    spanMs: 4_000,
    scenario: {
      input: order('of-2', 15),
      broker: { duplicateRate: 0.3 },
      down: { Inventory: [{ fromMs: 100, toMs: 4_000 }] },
      mocks: { 'Payment.capturePayment': { outcomes: ['fail'] } },
    },
  },
  {
    // Three consumers reject every delivery until the 100th: long enough for the runtime to
    // snapshot its machines (every 256 events), so resuming starts from a snapshot.
    label: 'fanout-redeliveries',
    example: 'order-fanout',
    spanMs: 125_000,
    scenario: {
      input: order('of-3', 40),
      broker: { duplicateRate: 0.3, maxDeliveries: 100 },
      mocks: {
        'Shipping.bookCarrier': { outcomes: ['fail'] },
        'Analytics.recordOrder': { outcomes: ['fail'] },
        'Notification.sendOrderConfirmation': { outcomes: ['fail'] },
      },
    },
  },
];

/**
 * Each shape three times: in virtual time (done within the first launches), and following the
 * wall clock at the speed that spreads it over about `wallMs` of the child's running time, so
 * that runs are still going when most kills land.
 */
const COPIES: readonly { readonly wallMs?: number }[] = [{}, { wallMs: 5_000 }, { wallMs: 12_000 }];

export const PLAN: readonly PlannedRun[] = shapes.flatMap((shape, index) =>
  COPIES.map(({ wallMs }, copy) => ({
    label: wallMs ? `${shape.label}@${wallMs / 1000}s` : shape.label,
    example: shape.example,
    seed: 100 + index * COPIES.length + copy,
    scenario: wallMs
      ? { ...shape.scenario, clock: { mode: 'real' as const, speed: shape.spanMs / wallMs } }
      : shape.scenario,
  })),
);

const documents = new Map<string, WorkflowDocument>();

/** An example document, loaded the way a user's file is. */
export function exampleDocument(name: string): WorkflowDocument {
  const cached = documents.get(name);
  if (cached) return cached;
  const loaded = loadDocument(readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8'));
  if (!loaded.ok) throw new Error(`${name}: ${loaded.message}`);
  documents.set(name, loaded.document);
  return loaded.document;
}
