/**
 * Zim wiki → line tokens. The header block (`Content-Type: text/x-zim-wiki`, `Wiki-Format`,
 * `Creation-Date`) is skipped. Headings are `====== Title ======`: six `=` is level 1, five is
 * level 2, down to two `=` at level 5 (Zim's own rule: more `=` means a higher level). Bullets are
 * `*`, checkboxes `[ ]`/`[*]`/`[x]` or numbers, nested with tabs. `''verbatim''` blocks are skipped.
 */

import { cleanInline } from './clean-inline.ts';
import { bulletToken, indentWidth, isTableRow, type LineToken, tableCells } from './line-token.ts';

const HEADING = /^(={2,6})\s*(.+?)\s*=+\s*$/;
const BULLET = /^(\s*)(?:\*|\[[ *x>]\]|\d{1,3}[.)]|[a-z][.)])\s+(.*)$/;
const HEADER_FIELD = /^[A-Z][A-Za-z-]*:\s/;
/** The line Zim writes under a new page's title, e.g. "Created mardi 13 septembre 2022". */
const CREATED_LINE = /^Created\s+\S+\s+\d{1,2}\s+\S+\s+\d{4}\s*$/;

/** Tokenizes one Zim wiki page. Pure; never throws. */
export function parseZim(source: string): LineToken[] {
  const tokens: LineToken[] = [];
  const lines = source.split(/\r?\n/);
  let i = 0;
  while (i < lines.length && HEADER_FIELD.test(lines[i] ?? '')) i += 1;
  let verbatim = false;
  for (; i < lines.length; i += 1) {
    const raw = lines[i] ?? '';
    const line = i + 1;
    if (raw.trim() === "'''") {
      verbatim = !verbatim;
      continue;
    }
    if (verbatim) continue;
    if (raw.trim() === '') {
      tokens.push({ kind: 'blank', line });
      continue;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      const text = cleanInline(heading[2] ?? '', 'zim');
      if (text) tokens.push({ kind: 'heading', level: 7 - (heading[1]?.length ?? 6), text, line });
      continue;
    }
    if (CREATED_LINE.test(raw.trim())) continue;
    if (isTableRow(raw)) {
      const cells = tableCells(raw);
      if (cells) tokens.push({ kind: 'table', cells: cells.map((c) => cleanInline(c, 'zim')), line });
      continue;
    }
    const bullet = BULLET.exec(raw);
    if (bullet) {
      const token = bulletToken(bullet[2] ?? '', indentWidth(bullet[1] ?? ''), line, 'zim');
      if (token) tokens.push(token);
      continue;
    }
    const text = cleanInline(raw, 'zim');
    if (text) tokens.push({ kind: 'text', indent: indentWidth(raw), text, line });
  }
  return tokens;
}
