import { describe, expect, it } from 'vitest';
import { BatonError } from '../../src-shared/contract/errors';
import type { ElementMapping } from '../../src-shared/patterns/deriveShared';
import { PatternLinkRepository } from './PatternLinkRepository';
import { useMemoryWorkspaces } from '../../test/main/memoryWorkspaces';

const memoryWorkspace = useMemoryWorkspaces();

function seeded() {
  const { db, workflows } = memoryWorkspace(['w-saga', 'w-map', 'w-map2', 'w-other']);
  return { db, workflows, links: new PatternLinkRepository(db) };
}

const mapping: ElementMapping = {
  chargePayment: ['Payment', 'PaymentCharged'],
  reserveInventory: ['Inventory'],
};

function refusal(work: () => unknown): BatonError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(BatonError);
    return error as BatonError;
  }
  throw new Error('it was not refused');
}

describe('PatternLinkRepository', () => {
  it('given a derived workflow linked to its source, then each side finds the link with the mapping as written', () => {
    const { links } = seeded();
    const stored = links.link({ derivedId: 'w-map', sourceId: 'w-saga', mapping, now: 10 });

    expect(stored).toEqual({ derivedId: 'w-map', sourceId: 'w-saga', mapping, createdAt: 10 });
    expect(links.derivedFrom('w-map')).toEqual(stored);
    expect(links.derivedOf('w-saga')).toEqual([stored]);
    expect(links.derivedFrom('w-saga')).toBeUndefined();
    expect(links.derivedOf('w-map')).toEqual([]);
  });

  it('given a source derived twice, then its derived workflows are listed newest first', () => {
    const { links } = seeded();
    links.link({ derivedId: 'w-map', sourceId: 'w-saga', mapping, now: 10 });
    links.link({ derivedId: 'w-map2', sourceId: 'w-saga', mapping: {}, now: 20 });

    expect(links.derivedOf('w-saga').map((link) => link.derivedId)).toEqual(['w-map2', 'w-map']);
  });

  it('given either workflow deleted, then the link is gone with it', () => {
    const { db, workflows, links } = seeded();
    links.link({ derivedId: 'w-map', sourceId: 'w-saga', mapping, now: 10 });
    links.link({ derivedId: 'w-map2', sourceId: 'w-other', mapping, now: 10 });

    workflows.delete('w-saga');
    expect(links.derivedFrom('w-map')).toBeUndefined();
    workflows.delete('w-map2');
    expect(links.derivedOf('w-other')).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) FROM pattern_links').pluck().get()).toBe(0);
  });

  it('refuses an unknown workflow, a workflow derived from itself, a second source, and a mapping that is not one', () => {
    const { links } = seeded();
    expect(
      refusal(() => links.link({ derivedId: 'w-map', sourceId: 'w-nope', mapping, now: 1 }))
        .message,
    ).toBe('no workflow with id w-nope');
    expect(
      refusal(() => links.link({ derivedId: 'w-map', sourceId: 'w-map', mapping, now: 1 })).code,
    ).toBe('invalid-input');
    const notMapping = { chargePayment: 'Payment' } as unknown as ElementMapping;
    expect(
      refusal(() =>
        links.link({ derivedId: 'w-map', sourceId: 'w-saga', mapping: notMapping, now: 1 }),
      ).message,
    ).toBe('the element mapping entry "chargePayment" is not a list of element ids');

    links.link({ derivedId: 'w-map', sourceId: 'w-saga', mapping, now: 1 });
    expect(() => links.link({ derivedId: 'w-map', sourceId: 'w-other', mapping, now: 2 })).toThrow(
      /UNIQUE constraint failed: pattern_links.derived_id/,
    );
  });

  it('given a link that cannot be stored while its derived workflow is created, then neither is stored', () => {
    const { workflows, links } = seeded();
    const create = () =>
      workflows.create(
        { id: 'w-derived', kind: 'map', name: 'Derived', document: '{}', now: 5 },
        () => links.link({ derivedId: 'w-derived', sourceId: 'w-gone', mapping, now: 5 }),
      );
    expect(create).toThrow(/no workflow with id w-gone/);
    expect(workflows.list().map((workflow) => workflow.id)).not.toContain('w-derived');
    expect(links.derivedOf('w-gone')).toEqual([]);
  });

  it('given a stored mapping that no longer reads as one, then reading it fails saying which', () => {
    const { db, links } = seeded();
    db.prepare(
      "INSERT INTO pattern_links (derived_id, source_id, mapping, created_at) VALUES ('w-map', 'w-saga', '[1]', 1)",
    ).run();
    const error = refusal(() => links.derivedFrom('w-map'));
    expect(error.code).toBe('internal');
    expect(error.message).toBe(
      'the element mapping of workflow w-map is not valid: it is not an object',
    );
  });
});
