/**
 * Unique Slack-like ids for tests that share one database per file: `uniqueId('T')` → `T1a2b3c_1`.
 * Random part: files run in parallel against one Postgres server; counter: unique within a file.
 */

import { randomBytes } from 'node:crypto';

let counter = 0;

/** A fresh id starting with `prefix` (e.g. 'T' for a team, 'C' for a channel, 'U' for a user). */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}${randomBytes(3).toString('hex')}_${counter}`;
}
