import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src-shared/format/loadDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import {
  draftFromRaw,
  draftFromText,
  mockTargetsOf,
  servicesOf,
  setEntry,
  setField,
  userTasksOf,
} from './scenarioDraft';

function example(name: string): WorkflowDocument {
  const loaded = loadDocument(
    readFileSync(join(process.cwd(), 'assets/examples', `${name}.json`), 'utf8'),
  );
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.document;
}

describe('the run dialog’s scenario draft', () => {
  it('lists the operations a flow calls, compensations included, with the steps calling them', () => {
    const targets = mockTargetsOf(example('order-saga'));
    expect(targets.map((target) => target.key)).toEqual([
      'Inventory.release',
      'Inventory.reserve',
      'Notifications.sendEmail',
      'Orders.cancel',
      'Orders.create',
      'Payment.charge',
      'Payment.refund',
      'Shipping.createShipment',
    ]);
    expect(targets.find((target) => target.key === 'Payment.refund')?.elements).toEqual([
      'chargePayment',
    ]);
  });

  it('lists the operations of a map’s reactions, and its services', () => {
    const doc = example('choreography-saga');
    expect(mockTargetsOf(doc).map((target) => target.key)).toEqual([
      'Inventory.releaseItems',
      'Inventory.reserveItems',
      'Orders.cancelOrder',
      'Orders.confirmOrder',
      'Orders.rejectOrder',
      'Payment.chargeCustomer',
    ]);
    expect(servicesOf(doc)).toEqual(['Inventory', 'Orders', 'Payment']);
  });

  it('lists user tasks by name', () => {
    const tasks = userTasksOf(example('kyc-onboarding'));
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((task) => task.name.length > 0)).toBe(true);
  });

  it('sets and clears nested settings, dropping what is left empty', () => {
    const withMock = setField({ seed: 1 }, 'mocks', 'Payment.charge', 'failRate', 0.5);
    expect(withMock).toEqual({ seed: 1, mocks: { 'Payment.charge': { failRate: 0.5 } } });
    const withOutcomes = setField(withMock, 'mocks', 'Payment.charge', 'outcomes', ['fail']);
    expect(setField(withOutcomes, 'mocks', 'Payment.charge', 'failRate', undefined)).toEqual({
      seed: 1,
      mocks: { 'Payment.charge': { outcomes: ['fail'] } },
    });
    expect(setField(withMock, 'mocks', 'Payment.charge', 'failRate', undefined)).toEqual({
      seed: 1,
    });
    expect(setEntry({}, 'approvals', 'review', 'reject')).toEqual({
      approvals: { review: 'reject' },
    });
  });

  it('reads text as a scenario, naming what is wrong with the field', () => {
    expect(draftFromText('{"seed": 3}')).toMatchObject({ problems: [], scenario: { seed: 3 } });
    expect(draftFromText('[1]')).toMatchObject({ raw: null, scenario: null });
    expect(draftFromText('{"seed": ').problems).toHaveLength(1);
    const bad = draftFromRaw({ broker: { maxDeliveries: 0 } });
    expect(bad.scenario).toBeNull();
    expect(bad.problems.join()).toContain('broker.maxDeliveries');
    expect(bad.text).toBe('{\n  "broker": {\n    "maxDeliveries": 0\n  }\n}\n');
    expect(draftFromText('{"__proto__": {"x": 1}}').problems.join()).toMatch(/__proto__/);
  });
});
