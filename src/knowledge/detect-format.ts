/**
 * Format detection from content (files are often all named `.txt`, so extensions mean nothing).
 *
 * Rules, first match wins:
 * 1. Zim: a `Content-Type: text/x-zim-wiki` header in the first 5 lines, or a `== … ==` heading line.
 * 2. Org: lines of two or more `*` then a space at column 0, or `#+TITLE:`-style keywords, at
 *    least as many as `# …` lines (Org comments look like Markdown headings; blocks are skipped).
 * 3. Markdown: an ATX heading (`# Title`) outside a code fence, a fenced code block, or a setext
 *    underline (`===`, `---`) under a line of text in a note that also has Markdown inline markup
 *    (`**bold**`, `[label](url)`, `` `code` ``); underlines alone are plain text's headings too.
 * 4. Org again: single-star headings with no indented content (a one-star-only file).
 * 5. Plain text otherwise.
 */

import type { NoteFormat } from './note-types.ts';

/** Guesses the note format of `source`. Pure; never throws. */
export function detectFormat(source: string): NoteFormat {
  const lines = source.split(/\r?\n/);
  const head = lines.slice(0, 5).join('\n');
  if (/^Content-Type:\s*text\/x-zim-wiki/im.test(head)) return 'zim';
  let fence = false;
  let orgBlock = false;
  let atx = 0;
  let fences = 0;
  let setext = 0;
  let orgStars = 0;
  let orgSingle = 0;
  let zimHeadings = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i] ?? '';
    if (/^\s*(```|~~~)(?!.*```)/.test(raw)) {
      fence = !fence;
      fences += 1;
      continue;
    }
    if (fence) continue;
    if (/^\s*#\+begin_/i.test(raw)) orgBlock = true;
    if (/^\s*#\+end_/i.test(raw)) {
      orgBlock = false;
      continue;
    }
    if (orgBlock) continue;
    if (/^ {0,3}#{1,6}\s+\S/.test(raw)) atx += 1;
    if (/^\*{2,}\s+\S/.test(raw)) orgStars += 1;
    if (/^\*\s+\S/.test(raw)) orgSingle += 1;
    if (/^#\+[A-Za-z_]+:/.test(raw)) orgStars += 1;
    if (/^={2,6}\s*[^=\s][^=]*?\s*={2,6}\s*$/.test(raw)) zimHeadings += 1;
    const prev = lines[i - 1] ?? '';
    if (/^ {0,3}(={3,}|-{3,})\s*$/.test(raw) && prev.trim() !== '' && !/^\s*([-*+]|\d+[.)])\s/.test(prev))
      setext += 1;
  }
  if (zimHeadings > 0 && atx === 0) return 'zim';
  // Org files use "# text" for comments; their own headings and keywords outvote them.
  if (orgStars > 0 && atx <= orgStars) return 'org';
  // Underlined headings alone are plain text's style too; with Markdown inline markup they are Markdown.
  const inlineMarkdown = /\*\*[^*\s][^*]*\*\*|\[[^\]]+\]\([^)\s]+\)|`[^`\s][^`]*`/.test(source);
  if (atx > 0 || fences > 1 || (setext > 0 && inlineMarkdown)) return 'markdown';
  if (orgSingle > 0 && !lines.some((l) => /^\s+[-*+]\s/.test(l))) return 'org';
  return 'plain';
}
