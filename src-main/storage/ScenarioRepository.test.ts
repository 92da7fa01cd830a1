import { describe, expect, it } from 'vitest';
import { BatonError } from '../../src-shared/contract/errors';
import type { Scenario } from '../../src-shared/runtime/scenario';
import { ScenarioRepository } from './ScenarioRepository';
import { useMemoryWorkspaces } from '../../test/main/memoryWorkspaces';

const memoryWorkspace = useMemoryWorkspaces();

function seeded() {
  const { db, workflows } = memoryWorkspace(['w-orders', 'w-shop']);
  return { db, workflows, scenarios: new ScenarioRepository(db) };
}

const failing: Scenario = {
  seed: 7,
  input: { orderId: 'o-1' },
  mocks: { 'Payment.charge': { outcomes: ['fail'] } },
};

describe('ScenarioRepository', () => {
  it('given scenarios saved per workflow, then each workflow lists its own by name, and saving a name again replaces it', () => {
    const { scenarios } = seeded();
    scenarios.save('w-orders', 'payment fails', failing, 10);
    scenarios.save('w-orders', 'all ok', { seed: 1 }, 11);
    scenarios.save('w-shop', 'payment fails', { seed: 3 }, 12);
    expect(scenarios.list('w-orders').map((saved) => saved.name)).toEqual([
      'all ok',
      'payment fails',
    ]);
    const replaced = scenarios.save('w-orders', 'payment fails', { seed: 9 }, 20);
    expect(replaced).toEqual({
      workflowId: 'w-orders',
      name: 'payment fails',
      scenario: { seed: 9 },
      updatedAt: 20,
    });
    expect(scenarios.list('w-orders')).toContainEqual(replaced);
    expect(scenarios.list('w-shop')).toEqual([
      { workflowId: 'w-shop', name: 'payment fails', scenario: { seed: 3 }, updatedAt: 12 },
    ]);
  });

  it('deletes by name, saying whether there was one', () => {
    const { scenarios } = seeded();
    scenarios.save('w-orders', 'payment fails', failing, 10);
    expect(scenarios.delete('w-orders', 'payment fails')).toBe(true);
    expect(scenarios.delete('w-orders', 'payment fails')).toBe(false);
    expect(scenarios.list('w-orders')).toEqual([]);
  });

  it('given a workflow deleted, then its scenarios are gone with it', () => {
    const { db, workflows, scenarios } = seeded();
    scenarios.save('w-orders', 'payment fails', failing, 10);
    scenarios.save('w-shop', 'kept', failing, 10);
    workflows.delete('w-orders');
    expect(db.prepare('SELECT workflow_id FROM saved_scenarios').pluck().all()).toEqual(['w-shop']);
    expect(() => scenarios.list('w-orders')).toThrow(/no workflow with id w-orders/);
  });

  it('refuses a scenario that is not one, naming the field, and an unknown workflow', () => {
    const { scenarios } = seeded();
    const bad = { mocks: { 'Payment.charge': { outcomes: ['explode'] } } } as unknown as Scenario;
    let refused: unknown;
    try {
      scenarios.save('w-orders', 'bad', bad, 1);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(BatonError);
    expect((refused as BatonError).code).toBe('invalid-input');
    expect((refused as BatonError).issues?.map((issue) => issue.path)).toEqual([
      'mocks.Payment.charge.outcomes.0',
    ]);
    expect(() => scenarios.save('w-nope', 'x', {}, 1)).toThrow(/no workflow with id w-nope/);
  });

  it('given a stored scenario that no longer reads as one, then reading it fails saying which', () => {
    const { db, scenarios } = seeded();
    db.prepare(
      "INSERT INTO saved_scenarios (workflow_id, name, scenario, updated_at) VALUES ('w-orders', 'old', '{\"seed\":-3}', 1)",
    ).run();
    expect(() => scenarios.list('w-orders')).toThrow(/saved scenario "old" is not valid: seed/);
  });
});
