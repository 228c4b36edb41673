/**
 * Deterministic pseudo-randomness for picking questions: the same (seed, key) always gives the
 * same number, different seeds give unrelated orders. Randomness comes from the injected seed,
 * never from Math.random, so a day's question can be recomputed and tests are exact.
 */

import { createHash } from 'node:crypto';

/**
 * A well-mixed 48-bit integer (0 ≤ n < 2^48) for `key` under `seed`: the first 6 bytes of
 * SHA-256(`seed` NUL `key`). SHA-256 rather than a tiny hash such as FNV-1a because seeds that
 * differ in one character (tomorrow's date) must still give unrelated orders.
 */
export function seededHash(seed: string, key: string): number {
  return createHash('sha256').update(seed).update('\0').update(key).digest().readUIntBE(0, 6);
}

/** `items` ordered by {@link seededHash} of `keyOf(item)`, ties by key; a new array. */
export function seededOrder<T>(items: readonly T[], seed: string, keyOf: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: keyOf(item), rank: seededHash(seed, keyOf(item)) }))
    .sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item);
}
