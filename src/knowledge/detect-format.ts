/**
 * Format detection from content (files are often all named `.txt`, so extensions mean nothing).
 *
 * Rules, first match wins:
 * 1. Zim: a `Content-Type: text/x-zim-wiki` header in the first 5 lines, or a `== … ==` heading line.
 * 2. Markdown: an ATX heading (`# Title`) outside a code fence, a fenced code block, or a setext
 *    underline under text.
 * 3. Org: a line of two or more `*` then a space at column 0, or an `#+TITLE:`-style keyword, or
 *    single-star headings with no indented content (Markdown bullets at column 0 are rare in notes
 *    that also have no `#` headings, but a one-star-only file is still read as Org).
 * 4. Plain text otherwise.
 */

import type { NoteFormat } from './note-types.ts';

/** Guesses the note format of `source`. Pure; never throws. */
export function detectFormat(source: string): NoteFormat {
  const lines = source.split(/\r?\n/);
  const head = lines.slice(0, 5).join('\n');
  if (/^Content-Type:\s*text\/x-zim-wiki/im.test(head)) return 'zim';
  let fence = false;
  let atx = 0;
  let fences = 0;
  let orgStars = 0;
  let orgSingle = 0;
  let zimHeadings = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i] ?? '';
    if (/^\s*(```|~~~)/.test(raw)) {
      fence = !fence;
      fences += 1;
      continue;
    }
    if (fence) continue;
    if (/^ {0,3}#{1,6}\s+\S/.test(raw)) atx += 1;
    if (/^\*{2,}\s+\S/.test(raw)) orgStars += 1;
    if (/^\*\s+\S/.test(raw)) orgSingle += 1;
    if (/^#\+[A-Za-z_]+:/.test(raw)) orgStars += 1;
    if (/^={2,6}\s*\S.*\S\s*={2,6}\s*$/.test(raw)) zimHeadings += 1;
  }
  if (zimHeadings > 0 && atx === 0) return 'zim';
  if (atx > 0 || fences > 1) return 'markdown';
  if (orgStars > 0) return 'org';
  if (orgSingle > 0 && !lines.some((l) => /^\s+[-*+]\s/.test(l))) return 'org';
  return 'plain';
}
