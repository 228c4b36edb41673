/**
 * The one test clock: time that only moves when the test says so. Pass `clock.now` wherever the
 * code takes a `() => Date` (quiz, scores, data lifecycle); `set` jumps, `advance` moves by ms.
 * Each `now()` returns a fresh `Date`, so code under test cannot move the clock by mutating one.
 * Tests that drive timers or a numeric clock use `virtual-time.ts` instead.
 */

/** A clock that only moves when the test says so. */
export class TestClock {
  #now: Date;
  constructor(start: string | Date) {
    this.#now = new Date(start);
  }
  readonly now = (): Date => new Date(this.#now);
  set(at: string | Date): void {
    this.#now = new Date(at);
  }
  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}
