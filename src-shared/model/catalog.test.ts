import { describe, expect, it } from 'vitest';
import { Catalog } from './catalog';

const mock = { latencyMs: 10, failRate: 0, honoursIdempotency: true };
const inventory = (compensatedBy: string) => ({
  services: [
    {
      name: 'Inventory',
      operations: [
        { name: 'reserve', mock, compensatedBy },
        { name: 'release', mock },
      ],
    },
  ],
});

describe('a catalog operation that names what undoes it', () => {
  it('given an operation of the same service, then the catalog is valid', () => {
    expect(Catalog.safeParse(inventory('release')).success).toBe(true);
  });

  it.each([
    ['refund', 'Inventory has no operation "refund" to undo reserve'],
    ['reserve', 'Inventory.reserve cannot undo itself'],
  ])('given %s, then it is refused with a message naming the problem', (undo, message) => {
    const result = Catalog.safeParse(inventory(undo));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['services.0.operations.0.compensatedBy', message],
    ]);
  });
});
