/**
 * Model-phrased answers kept in memory, so a repeated question does not pay for a second model
 * call. Keyed by (question, notes version): the question is normalized (case, spacing, trailing
 * punctuation), and a new notes version (a reloaded index) never reuses an older answer.
 * Limits: in-process only (lost on restart, not shared between instances); least recently used
 * entries are evicted past `max`, and entries expire after `ttlMs`.
 */

import { LRUCache } from 'lru-cache';
import type { Answer } from './answer-types.ts';

/** Where answers are cached. Callers depend on this, not on the LRU implementation. */
export interface AnswerCache {
  /** The cached answer for `question` under `notesVersion`, or undefined. */
  get(question: string, notesVersion: string): Answer | undefined;
  /** True when an answer is cached (does not count as a use for eviction). */
  has(question: string, notesVersion: string): boolean;
  set(question: string, notesVersion: string, answer: Answer): void;
}

/** Default capacity (answers): a study team asks far fewer distinct questions between restarts. */
export const DEFAULT_CACHE_MAX = 500;
/** Default lifetime (ms): a day, so a changed model or prompt is picked up without a restart. */
export const DEFAULT_CACHE_TTL_MS = 24 * 60 * 60 * 1000;

/** The question as a cache key: lower case, single spaces, without trailing `?!.` or spaces. */
export function normalizeQuestion(question: string): string {
  return question
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?!.]+$/, '')
    .trim();
}

/** {@link AnswerCache} over lru-cache: at most `max` answers, each for at most `ttlMs`. */
export class LruAnswerCache implements AnswerCache {
  readonly #lru: LRUCache<string, Answer>;

  constructor(options: { max?: number; ttlMs?: number } = {}) {
    this.#lru = new LRUCache<string, Answer>({
      max: options.max ?? DEFAULT_CACHE_MAX,
      ttl: options.ttlMs ?? DEFAULT_CACHE_TTL_MS,
    });
  }

  #key(question: string, notesVersion: string): string {
    return `${notesVersion}\0${normalizeQuestion(question)}`;
  }

  get(question: string, notesVersion: string): Answer | undefined {
    return this.#lru.get(this.#key(question, notesVersion));
  }

  has(question: string, notesVersion: string): boolean {
    return this.#lru.has(this.#key(question, notesVersion));
  }

  set(question: string, notesVersion: string, answer: Answer): void {
    this.#lru.set(this.#key(question, notesVersion), answer);
  }
}
