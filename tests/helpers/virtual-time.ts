/**
 * Virtual time for code that waits through an injected `sleep` (e.g. the reminder sweep's pace):
 * `sleep(ms)` resolves when `run` advances virtual time past it, so a test counts minutes of
 * pacing in milliseconds. Between steps `run` waits for real I/O (database, the Slack stand-in)
 * to go quiet: the sleepers and the caller's `activity` count (e.g. calls the stand-in received)
 * unchanged over `quietPolls` polls `pollMs` apart; then it jumps to the next wake-up. I/O still
 * in flight after that (a very slow machine) would land later in virtual time, never earlier.
 */

/** A virtual clock with a sleep and a driver. */
export class VirtualTime {
  now = 0;
  private timers: Array<{ at: number; wake: () => void }> = [];

  /** Resolves once virtual time reaches now + `ms`. */
  sleep = (ms: number): Promise<void> =>
    new Promise((wake) => {
      this.timers.push({ at: this.now + ms, wake });
    });

  /** Drives virtual time until `work` settles; resolves with its result. */
  async run<T>(
    work: Promise<T>,
    {
      activity = () => 0,
      pollMs = 5,
      quietPolls = 4,
    }: { activity?: () => number; pollMs?: number; quietPolls?: number } = {},
  ): Promise<T> {
    let done = false;
    const result = work.finally(() => {
      done = true;
    });
    const signature = () => `${this.timers.length}/${activity()}`;
    while (!done) {
      let quiet = 0;
      let last = signature();
      while (!done && quiet < quietPolls) {
        await new Promise((r) => setTimeout(r, pollMs));
        const now = signature();
        quiet = now === last ? quiet + 1 : 0;
        last = now;
      }
      if (done || this.timers.length === 0) continue;
      const at = Math.min(...this.timers.map((t) => t.at));
      this.now = Math.max(this.now, at);
      const due = this.timers.filter((t) => t.at <= this.now);
      this.timers = this.timers.filter((t) => t.at > this.now);
      for (const t of due) t.wake();
    }
    return result;
  }
}
