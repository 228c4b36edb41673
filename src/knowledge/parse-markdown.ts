/**
 * Markdown → line tokens. Handles ATX (`#`) and setext (`===`, `---`) headings, nested bullets,
 * numbered lists, tables, block quotes, raw HTML lists (see `html-lists.ts`). Code fences, HTML
 * comments and image-only lines produce no tokens (a `#` inside a fence is code, not a heading).
 */

import { cleanInline } from './clean-inline.ts';
import { htmlListTokens, startsHtmlList } from './html-lists.ts';
import {
  bulletToken,
  indentWidth,
  isTableRow,
  type LineToken,
  matchBullet,
  tableCells,
  underlineHeading,
} from './line-token.ts';

const ATX = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
/**
 * A code fence: three or more backticks or tildes at the start of a line. Per CommonMark a
 * backtick fence's info string has no backtick, so "```169.254.169.254```" on one line is inline
 * code (text), not a fence that would swallow the rest of the file.
 */
const FENCE = /^\s*(```|~~~)(?!.*```)/;

/** Tokenizes one Markdown document. Pure; never throws. */
export function parseMarkdown(source: string): LineToken[] {
  const tokens: LineToken[] = [];
  const lines = source.split(/\r?\n/);
  let fence: string | null = null;
  let inComment = false;
  /** Lines up to this index (exclusive) were consumed by an HTML list block. */
  let skipUntil = 0;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (i < skipUntil) return;
    const fenceMatch = FENCE.exec(raw);
    if (fence) {
      if (fenceMatch && fenceMatch[1] === fence) fence = null;
      return;
    }
    if (fenceMatch) {
      fence = fenceMatch[1] ?? null;
      return;
    }
    if (inComment) {
      if (raw.includes('-->')) inComment = false;
      return;
    }
    if (/^\s*<!--/.test(raw) && !raw.includes('-->')) {
      inComment = true;
      return;
    }
    if (raw.trim() === '') {
      tokens.push({ kind: 'blank', line });
      return;
    }
    if (startsHtmlList(raw)) {
      // The block runs to the next blank line or heading, as CommonMark's HTML blocks do.
      let end = i + 1;
      while (end < lines.length && (lines[end] ?? '').trim() !== '' && !ATX.test(lines[end] ?? '')) end += 1;
      // htmlparser2 has already removed the tags and decoded the entities: only spaces remain to tidy.
      tokens.push(...htmlListTokens(lines.slice(i, end), line, (t) => t.replace(/\s+/g, ' ').trim()));
      skipUntil = end;
      return;
    }
    const atx = ATX.exec(raw);
    if (atx) {
      const text = cleanInline(atx[2] ?? '', 'markdown');
      if (text) tokens.push({ kind: 'heading', level: atx[1]?.length ?? 1, text, line });
      return;
    }
    const setext = /^ {0,3}(=+|-{2,})\s*$/.exec(raw);
    if (setext) {
      underlineHeading(tokens, setext[1] ?? '', true);
      return;
    }
    if (isTableRow(raw)) {
      const cells = tableCells(raw);
      if (cells) tokens.push({ kind: 'table', cells: cells.map((c) => cleanInline(c, 'markdown')), line });
      return;
    }
    const unquoted = raw.replace(/^\s*(>\s?)+/, '');
    const bullet = matchBullet(unquoted);
    if (bullet) {
      // A list item may hold an ATX heading ("* ### Compliance Mode - …", CommonMark §5.2): its
      // words are the item's text, not a literal "###".
      const own = bullet.text.replace(/^#{1,6}(?:\s+|$)/, '').replace(/\s+#+\s*$/, '');
      const token = bulletToken(own, bullet.indent, line, 'markdown');
      if (token) tokens.push(token);
      return;
    }
    const text = cleanInline(unquoted, 'markdown');
    if (text) tokens.push({ kind: 'text', indent: indentWidth(unquoted), text, line });
  });
  return tokens;
}
