/**
 * Markdown → line tokens. Handles ATX (`#`) and setext (`===`, `---`) headings, nested bullets,
 * numbered lists, tables, block quotes. Code fences, HTML comments and image-only lines produce
 * no tokens (a `#` inside a fence is code, not a heading).
 */

import { cleanInline } from './clean-inline.ts';
import { indentWidth, isTableRow, type LineToken, matchBullet, tableCells } from './line-token.ts';

const ATX = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;

/** Tokenizes one Markdown document. Pure; never throws. */
export function parseMarkdown(source: string): LineToken[] {
  const tokens: LineToken[] = [];
  const lines = source.split(/\r?\n/);
  let fence: string | null = null;
  let inComment = false;
  lines.forEach((raw, i) => {
    const line = i + 1;
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
    const atx = ATX.exec(raw);
    if (atx) {
      const text = cleanInline(atx[2] ?? '', 'markdown');
      if (text) tokens.push({ kind: 'heading', level: atx[1]?.length ?? 1, text, line });
      return;
    }
    const setext = /^ {0,3}(=+|-{2,})\s*$/.exec(raw);
    if (setext) {
      const prev = tokens[tokens.length - 1];
      if (prev && prev.kind === 'text' && prev.indent === 0) {
        tokens[tokens.length - 1] = {
          kind: 'heading',
          level: setext[1]?.startsWith('=') ? 1 : 2,
          text: prev.text,
          line: prev.line,
        };
      }
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
      const text = cleanInline(bullet.text, 'markdown');
      if (text) tokens.push({ kind: 'bullet', indent: bullet.indent, text, line });
      return;
    }
    const text = cleanInline(unquoted, 'markdown');
    if (text) tokens.push({ kind: 'text', indent: indentWidth(unquoted), text, line });
  });
  return tokens;
}
