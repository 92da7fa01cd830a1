import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** 32-bit FNV-1a of a text: turns a choice's key into a generator seed. */
export function hashText(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Random values for one decision of a run. */
export interface Choice {
  /** A number in [0, 1). */
  fraction(): number;
  /** An integer in [min, max]. */
  between(min: number, max: number): number;
}

/**
 * The random generator for one decision, named by `key` (e.g. `latency:Payment.charge:o-1:2`).
 * Each decision draws from its own generator seeded by the run's seed and the key, so a choice
 * never depends on the order decisions are made in: the same seed gives the same run after a
 * crash and resume, in a replay and next to other runs.
 */
export function choiceFor(seed: number, key: string): Choice {
  const generator = xoroshiro128plus(hashText(key, hashText(String(seed))));
  // The first outputs of a freshly seeded xoroshiro are poorly mixed.
  generator.next();
  generator.next();
  return {
    fraction: () => uniformFloat64(generator),
    between: (min, max) => (max <= min ? min : uniformInt(generator, min, max)),
  };
}
