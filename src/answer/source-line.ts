/**
 * A citation as one line of plain text: `file › heading › subheading (line N)`, the heading path
 * shortened to its last two levels (the file already says where it sits).
 */

import type { Source } from './answer-types.ts';

/** One source as plain text, e.g. `lambda.md › Lambda › Limits (line 12)`. */
export function sourceLine(s: Source): string {
  const heading = s.heading.split(' > ').filter(Boolean).slice(-2).join(' › ');
  return `${s.file}${heading ? ` › ${heading}` : ''} (line ${s.line})`;
}

/** Sources as lines, numbered `[1]`, `[2]`… when `numbered` (a model-phrased answer cites them so). */
export function sourceLines(sources: readonly Source[], numbered = false): string[] {
  return sources.map((s, i) => `${numbered ? `[${i + 1}] ` : ''}${sourceLine(s)}`);
}
