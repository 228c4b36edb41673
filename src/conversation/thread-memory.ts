/**
 * What the bot remembers of each conversation thread (a DM thread or a channel thread it answered
 * in): the last few answered turns, for follow-ups. In memory, per process, bounded: threads idle
 * for {@link THREAD_TTL_MS} or beyond {@link MAX_THREADS} are forgotten (a follow-up then starts
 * afresh). Several bot processes behind a load balancer each remember their own threads.
 */

import { LRUCache } from 'lru-cache';
import type { ThreadTurn } from './follow-up.ts';

/** Threads remembered at once. */
export const MAX_THREADS = 5000;
/** A thread idle this long (ms) is forgotten: 24 h. */
export const THREAD_TTL_MS = 24 * 3_600_000;
/** Turns kept per thread: enough context for "and its limits?", short enough for a cheap prompt. */
export const TURNS_KEPT = 3;

/** Remembered turns per thread, keyed by channel and thread ts. */
export class ThreadMemory {
  readonly #threads = new LRUCache<string, ThreadTurn[]>({ max: MAX_THREADS, ttl: THREAD_TTL_MS });

  /** The thread's turns, oldest first ([] when none). */
  turns(channel: string, threadTs: string): ThreadTurn[] {
    return this.#threads.get(`${channel}:${threadTs}`) ?? [];
  }

  /** Adds a turn, keeping the last {@link TURNS_KEPT}. */
  add(channel: string, threadTs: string, turn: ThreadTurn): void {
    const key = `${channel}:${threadTs}`;
    this.#threads.set(key, [...(this.#threads.get(key) ?? []), turn].slice(-TURNS_KEPT));
  }
}
