/**
 * A citation as one line of plain text: `file › heading › subheading (line N)`, the heading path
 * shortened to its last two levels (the file already says where it sits). A `README.md` or
 * `index.md` is cited by its folder, the topic it stands for: `Storage › EBS (README.md) › …`.
 */

import { isFolderNote } from '../knowledge/file-topic.ts';
import { DISPLAY_SEPARATOR, formatHeadingPath, splitHeadingPath } from '../knowledge/heading-path.ts';
import type { Source } from './answer-types.ts';

/** How a note file is named in a citation: its path, or its folder's path for a folder note. */
export function fileLabel(file: string): string {
  if (!isFolderNote(file)) return file;
  const parts = file.split('/');
  const name = parts.pop() ?? file;
  return parts.length ? `${parts.join(DISPLAY_SEPARATOR)} (${name})` : name;
}

/** One source as plain text, e.g. `lambda.md › Lambda › Limits (line 12)`. */
export function sourceLine(s: Source): string {
  const heading = formatHeadingPath(splitHeadingPath(s.heading).filter(Boolean).slice(-2), DISPLAY_SEPARATOR);
  return `${fileLabel(s.file)}${heading ? `${DISPLAY_SEPARATOR}${heading}` : ''} (line ${s.line})`;
}

/** Sources as lines, numbered `[1]`, `[2]`… when `numbered` (a model-phrased answer cites them so). */
export function sourceLines(sources: readonly Source[], numbered = false): string[] {
  return sources.map((s, i) => `${numbered ? `[${i + 1}] ` : ''}${sourceLine(s)}`);
}
