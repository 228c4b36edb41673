/**
 * Spacing of outgoing messages within one sweep: each send starts at least `intervalMs` after the
 * previous one started, whatever the concurrency. The wait is an injected `sleep`, so tests
 * count the pace without waiting for real time.
 */

/** Waits `ms` milliseconds. */
export type Sleep = (ms: number) => Promise<void>;

/** A gate: `await pace()` before each send. The first send goes at once. */
export function createPace(intervalMs: number, sleep: Sleep): () => Promise<void> {
  let chain: Promise<void> = Promise.resolve();
  return () => {
    const turn = chain;
    chain = turn.then(() => sleep(intervalMs));
    return turn;
  };
}
