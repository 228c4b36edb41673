/**
 * Org-style outlines → line tokens. Headings are lines of `*` followed by a space; the number of
 * stars is the level. `#+KEYWORD:` lines, property drawers and `#+BEGIN_…`/`#+END_…` blocks
 * produce no tokens. List items are `-`, `+`, `1.` or an indented `*`.
 */

import { cleanInline } from './clean-inline.ts';
import {
  bulletToken,
  indentWidth,
  isTableRow,
  type LineToken,
  matchBullet,
  tableCells,
} from './line-token.ts';

const HEADING = /^(\*+)\s+(.*?)\s*(?:\s:[\w:@]+:)?\s*$/;

/** Tokenizes one Org document. Pure; never throws. */
export function parseOrg(source: string): LineToken[] {
  const tokens: LineToken[] = [];
  const lines = source.split(/\r?\n/);
  let block = false;
  let drawer = false;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (block) {
      if (/^#\+end_/i.test(trimmed)) block = false;
      return;
    }
    if (/^#\+begin_/i.test(trimmed)) {
      block = true;
      return;
    }
    if (drawer) {
      if (/^:end:$/i.test(trimmed)) drawer = false;
      return;
    }
    if (/^:[a-z_]+:$/i.test(trimmed)) {
      drawer = true;
      return;
    }
    if (trimmed === '') {
      tokens.push({ kind: 'blank', line });
      return;
    }
    const title = /^#\+title:\s*(.+)$/i.exec(trimmed);
    if (title) {
      tokens.push({ kind: 'heading', level: 0, text: cleanInline(title[1] ?? '', 'org'), line });
      return;
    }
    if (/^#(\+|\s|$)/.test(trimmed)) return;
    const heading = HEADING.exec(raw);
    if (heading) {
      const text = cleanInline((heading[2] ?? '').replace(/^(TODO|DONE)\s+/, ''), 'org');
      if (text) tokens.push({ kind: 'heading', level: heading[1]?.length ?? 1, text, line });
      return;
    }
    if (isTableRow(raw)) {
      const cells = tableCells(raw);
      if (cells) tokens.push({ kind: 'table', cells: cells.map((c) => cleanInline(c, 'org')), line });
      return;
    }
    const bullet = matchBullet(raw);
    if (bullet) {
      const token = bulletToken(bullet.text, bullet.indent, line, 'org');
      if (token) tokens.push(token);
      return;
    }
    const text = cleanInline(raw, 'org');
    if (text) tokens.push({ kind: 'text', indent: indentWidth(raw), text, line });
  });
  return tokens;
}
