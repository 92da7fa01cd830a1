import type { ElementMapping } from './deriveShared';

/**
 * The mapping read the other way: each derived element id → the source element ids it stands
 * for, in the order they first appear. Used when the derived document is the one being looked at.
 */
export function invertMapping(mapping: ElementMapping): ElementMapping {
  const inverted: Record<string, string[]> = {};
  for (const [sourceId, derivedIds] of Object.entries(mapping)) {
    for (const derivedId of derivedIds) {
      const sources = (inverted[derivedId] ??= []);
      if (!sources.includes(sourceId)) sources.push(sourceId);
    }
  }
  return inverted;
}

/**
 * The counterpart's element ids standing for `ids`, without repeats. Ids that no longer exist on
 * either side (`ownIds`, `counterpartIds`: the elements of each document now) are left out, since
 * both documents may have been edited since they were derived.
 */
export function linkedElementIds(
  mapping: ElementMapping,
  ids: readonly string[],
  ownIds: ReadonlySet<string>,
  counterpartIds: ReadonlySet<string>,
): string[] {
  const linked = new Set<string>();
  for (const id of ids) {
    if (!ownIds.has(id) || !Object.hasOwn(mapping, id)) continue;
    for (const other of mapping[id] ?? []) if (counterpartIds.has(other)) linked.add(other);
  }
  return [...linked];
}
