/** The answer cache: keyed by normalized question and notes version, bounded, expiring. */

import { describe, expect, it } from 'vitest';
import { LruAnswerCache, normalizeQuestion } from '../../src/answer/answer-cache.ts';
import type { Answer } from '../../src/answer/answer-types.ts';

const answer = (text: string): Answer => ({ question: 'q', text, sources: [], mode: 'llm', found: true });

describe('normalizeQuestion', () => {
  it.each([
    ['What is DAX?', 'what is dax'],
    ['  what   is\tdax ?! ', 'what is dax'],
    ['lambda /tmp size', 'lambda /tmp size'],
  ])('%j → %j', (input, key) => {
    expect(normalizeQuestion(input)).toBe(key);
  });
});

describe('LruAnswerCache', () => {
  it('returns an answer for the same question and notes version only', () => {
    const cache = new LruAnswerCache();
    cache.set('What is DAX?', 'v1', answer('a'));
    expect(cache.get('what is dax', 'v1')?.text).toBe('a');
    expect(cache.has('what is dax', 'v1')).toBe(true);
    expect(cache.get('what is dax', 'v2')).toBeUndefined();
    expect(cache.get('what is pitr', 'v1')).toBeUndefined();
  });

  it('evicts the least recently used answer past its capacity', () => {
    const cache = new LruAnswerCache({ max: 2 });
    cache.set('a', 'v', answer('a'));
    cache.set('b', 'v', answer('b'));
    cache.get('a', 'v');
    cache.set('c', 'v', answer('c'));
    expect(cache.has('a', 'v')).toBe(true);
    expect(cache.has('b', 'v')).toBe(false);
    expect(cache.has('c', 'v')).toBe(true);
  });
});
