/**
 * Rate counting for pacing tests and benches: the most events inside any half-open window
 * `[t, t + windowMs)`, from their times in ms (any order). E.g. a workspace's DM times at the
 * Slack stand-in, window 60,000 → its busiest minute.
 */

/** Most of `times` (ms) inside any half-open window of `windowMs`; 0 for none. */
export function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}
