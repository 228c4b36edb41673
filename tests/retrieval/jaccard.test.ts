import { describe, expect, it } from 'vitest';
import { jaccard } from '../../src/retrieval/jaccard.ts';

describe('jaccard', () => {
  it('computes Jaccard similarity', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});
